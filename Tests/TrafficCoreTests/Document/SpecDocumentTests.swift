import Testing
import TrafficCore

@Suite struct SpecDocumentTests {
    private func failure(_ text: String, _ format: SourceFormat = .yaml) -> SpecDocument.Failure? {
        do {
            _ = try SpecDocument.parse(Array(text.utf8), format: format)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsAMappingWithAValidName() throws {
        let document = try SpecDocument.parse(Array("name: task-api\nx: 1\n".utf8), format: .yaml)
        #expect(document.name == "task-api")
        #expect(document.source == "name: task-api\nx: 1\n")
        #expect(document.canonicalJSON == #"{"name":"task-api","x":1}"#)
        #expect(document.digest == ContentDigest.sha256Hex(document.canonicalJSON))
    }

    @Test(arguments: [
        ("x: 1", "name", "required field is missing"),
        ("name: 5", "name", "must be a string, got a integer"),
        ("name: Task_API", "name", "must be a DNS-1123 label"),
        ("name: ''", "name", "must not be empty"),
        ("- a", "", "a spec must be a mapping, got a list"),
    ])
    func envelopeErrorsNameTheField(yaml: String, path: String, message: String) throws {
        guard case .invalid(let errors) = failure(yaml) else {
            Issue.record("expected .invalid for \(yaml)")
            return
        }
        let error = try #require(errors.first)
        #expect(error.path == path)
        #expect(error.message.hasPrefix(message))
    }

    @Test func malformedBodiesAreSyntaxErrors() {
        guard case .malformed(let error) = failure("name: [x") else {
            Issue.record("expected .malformed")
            return
        }
        #expect(error.reason == .syntax)
    }

    @Test func nameLongerThan63IsRefused() {
        let long = String(repeating: "a", count: 64)
        guard case .invalid(let errors) = failure("name: \(long)") else {
            Issue.record("expected .invalid")
            return
        }
        #expect(errors.first?.message == "must be at most 63 characters (got 64)")
    }
}
