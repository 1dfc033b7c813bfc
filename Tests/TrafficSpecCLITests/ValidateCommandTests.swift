import Foundation
import Testing
import TestSupport

/// `trafficspec validate` as CI uses it: formats, exit codes, stdin, --strict and --crd-dir.
@Suite struct ValidateCommandTests {
    static let broken = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
        spec:
          parentRefs: [{name: eg}]
          hostnamez: [example.com]

        """

    static let unknownKind = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        spec:
          size: 3

        """

    @Test func errorsExit1WithOneLinePerFindingAndASummaryOnStderr() throws {
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["validate", "-"], stdin: Self.broken)
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:7:3: error TS1001 HTTPRoute/web /spec/hostnamez: unknown field \"hostnamez\"; did you mean \"hostnames\"?"),
            "\(result.stdout)")
        #expect(result.stderr.contains("1 resource in 1 source: 1 error"), "\(result.stderr)")
    }

    @Test func warningsPassUnlessStrict() throws {
        let binary = try BinaryProcess.trafficspecURL
        let lenient = try BinaryProcess.run(binary, ["validate", "-"], stdin: Self.unknownKind)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning TS0010"))
        let strict = try BinaryProcess.run(binary, ["validate", "--strict", "-"], stdin: Self.unknownKind)
        #expect(strict.status == 1)
    }

    @Test func jsonAndJUnitFormats() throws {
        let binary = try BinaryProcess.trafficspecURL
        let json = try BinaryProcess.run(binary, ["validate", "--format", "json", "-"], stdin: Self.broken)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let finding = try #require((object["findings"] as? [[String: Any]])?.first { $0["code"] as? String == "TS1001" })
        #expect(finding["path"] as? String == "/spec/hostnamez")
        #expect(finding["line"] as? Int == 7)
        #expect((finding["resource"] as? [String: Any])?["kind"] as? String == "HTTPRoute")

        let junit = try BinaryProcess.run(binary, ["validate", "--format", "junit", "-"], stdin: Self.broken)
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(junit.stdout.contains("<failure type=\"TS1001\""))
    }

    @Test func crdDirTeachesNewKinds() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          required: [size]
                          properties:
                            size: {type: integer, maximum: 2}

            """
        try crd.write(to: directory.appendingPathComponent("widget.yaml"), atomically: true, encoding: .utf8)
        let result = try BinaryProcess.run(
            try BinaryProcess.trafficspecURL, ["validate", "--crd-dir", directory.path, "-"], stdin: Self.unknownKind)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error TS1005 Widget/w /spec/size: 3 should be less than or equal to 2"), "\(result.stdout)")
    }

    @Test func usageAndUnreadableInputExit2() throws {
        let binary = try BinaryProcess.trafficspecURL
        #expect(try BinaryProcess.run(binary, ["validate"]).status == 2)
        #expect(try BinaryProcess.run(binary, ["validate", "--format", "xml", "-"], stdin: "").status == 2)
        #expect(try BinaryProcess.run(binary, ["validate", "/nonexistent.yaml"]).status == 2)
        #expect(try BinaryProcess.run(binary, ["validate", "--crd-dir", "/nonexistent", "-"], stdin: "").status == 2)
    }

    @Test func aTrafficSpecIsCheckedWithPathsIntoTheSpec() throws {
        let spec = minimalSpec(path: "/api").replacingOccurrences(
            of: "[{service: backend, port: 8000}]", with: "[{service: a, port: 8000, weight: 0}, {service: b, port: 8000, weight: 0}]")
        let result = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["validate", "-"], stdin: spec)
        #expect(result.status == 1)
        #expect(result.stdout.contains("<stdin>:9:15: error TS4001 TrafficSpec/task-api /routes/0/backends"), "\(result.stdout)")
        let valid = try BinaryProcess.run(try BinaryProcess.trafficspecURL, ["validate", "-"], stdin: minimalSpec(path: "/api"))
        #expect(!valid.stdout.contains("error"), "\(valid.stdout)")
    }
}
