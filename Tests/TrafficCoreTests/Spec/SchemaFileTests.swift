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
