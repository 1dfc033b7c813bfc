import Foundation
import Testing
@testable import TrafficCore

/// docs/spec.schema.json is the generated schema, byte for byte.
@Suite struct SchemaFileTests {
    @Test func committedSchemaMatchesCode() {
        Golden.check(TrafficSpecSchema.text, against: TestFiles.repositoryRoot.appendingPathComponent("docs/spec.schema.json"))
    }

    @Test func schemaIsClosedAndVersioned() throws {
        let schema = TrafficSpecSchema.json
        #expect(schema["additionalProperties"] == false)
        #expect(schema["required"]?.arrayValue?.contains("version") == true)
        #expect(schema["properties"]?["version"]?["pattern"]?.stringValue == "^trafficspec/v[0-9]+$")
    }
}

/// The field table in docs/spec.md is the generated one.
@Suite struct SpecDocsTests {
    @Test func fieldReferenceInDocsMatchesSchema() throws {
        let url = TestFiles.repositoryRoot.appendingPathComponent("docs/spec.md")
        let text = try TestFiles.read(url)
        guard let start = text.range(of: SpecFieldReference.begin), let end = text.range(of: SpecFieldReference.end) else {
            Issue.record("docs/spec.md lacks the field reference markers")
            return
        }
        let committed = String(text[start.lowerBound..<end.upperBound]) + "\n"
        if Golden.isRecording, committed != SpecFieldReference.markdown {
            let updated = text.replacingCharacters(in: start.lowerBound..<end.upperBound,
                with: String(SpecFieldReference.markdown.dropLast()))
            try updated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote the field reference in docs/spec.md; run again without UPDATE_GOLDEN=1")
            return
        }
        #expect(committed == SpecFieldReference.markdown, "docs/spec.md field reference is stale; run with UPDATE_GOLDEN=1")
    }
}
