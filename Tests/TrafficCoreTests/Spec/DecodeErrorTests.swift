import Foundation
import Testing
@testable import TrafficCore

/// Each class of decode error, with its exact path, message and position.
@Suite struct DecodeErrorTests {
    static let base = """
        version: trafficspec/v1
        name: demo
        gateway:
          listeners:
            - { name: http, protocol: HTTP, port: 80 }
        routes:
          - name: web
            backends:
              - { service: web, port: 8080 }

        """

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var yaml: String
        var path: String
        var message: String
        var line: Int?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "unknown field with suggestion",
            yaml: base.replacingOccurrences(of: "{ service: web, port: 8080 }", with: "{ service: web, port: 8080, weigth: 5 }"),
            path: "routes[0].backends[0].weigth", message: "unknown field; did you mean 'weight'?", line: 9),
        Case(label: "unknown field without suggestion",
            yaml: base + "frobnicate: true\n",
            path: "frobnicate",
            message: "unknown field; known fields are 'version', 'name', 'namespace', 'createNamespace', 'names', 'gateway', 'hostnames', 'routes', 'rateLimit', 'circuitBreaker', 'retry', 'healthCheck', 'loadBalancer', 'backendTimeouts', 'client', 'jwt', 'cors', 'ipAccess', 'autoscaling', 'llm'",
            line: 10),
        Case(label: "wrong type", yaml: base.replacingOccurrences(of: "port: 80 }", with: "port: \"80\" }"),
            path: "gateway.listeners[0].port", message: "must be an integer, got a string", line: 5),
        Case(label: "out of range", yaml: base.replacingOccurrences(of: "port: 8080", with: "port: 70000"),
            path: "routes[0].backends[0].port", message: "must be at most 65535 (got 70000)", line: 9),
        Case(label: "enum with suggestion", yaml: base.replacingOccurrences(of: "protocol: HTTP,", with: "protocol: HTTPZ,"),
            path: "gateway.listeners[0].protocol", message: "must be one of 'HTTP', 'HTTPS' (got 'HTTPZ'); did you mean 'HTTP'?", line: 5),
        Case(label: "missing required field", yaml: base.replacingOccurrences(of: "service: web, ", with: ""),
            path: "routes[0].backends[0].service", message: "required field is missing", line: 9),
        Case(label: "invalid name", yaml: base.replacingOccurrences(of: "name: web", with: "name: Web_1"),
            path: "routes[0].name",
            message: "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit", line: 7),
        Case(label: "bad duration", yaml: base + "retry: { perTryTimeout: 1.5s }\n",
            path: "retry.perTryTimeout",
            message: "must be a Gateway API duration such as 500ms, 5s, 1m or 1h30m (got '1.5s')", line: 10),
        Case(label: "relative path", yaml: base.replacingOccurrences(of: "- name: web", with: "- name: web\n    pathPrefix: api"),
            path: "routes[0].pathPrefix", message: "must be an absolute path starting with '/' (got 'api')", line: 8),
        Case(label: "path with //", yaml: base.replacingOccurrences(of: "- name: web", with: "- name: web\n    path: /a//b"),
            path: "routes[0].path", message: "must not contain '//'", line: 8),
        Case(label: "bad header name", yaml: base + "rateLimit: { perUser: { header: \"x user\", requests: 1, per: minute } }\n",
            path: "rateLimit.perUser.header", message: "must be an HTTP header name (got 'x user')", line: 10),
        Case(label: "unknown version", yaml: base.replacingOccurrences(of: "trafficspec/v1", with: "trafficspec/v9"),
            path: "version", message: "unsupported version 'trafficspec/v9'; supported versions: 'trafficspec/v1'", line: 1),
        Case(label: "missing version", yaml: base.replacingOccurrences(of: "version: trafficspec/v1\n", with: ""),
            path: "version", message: "required field is missing; supported versions: 'trafficspec/v1'", line: 1),
        Case(label: "anonymous without perUser", yaml: base + "rateLimit: { anonymous: { requests: 1, per: minute } }\n",
            path: "rateLimit.anonymous", message: "needs perUser: anonymous callers are those without the user header", line: 10),
        Case(label: "claim without jwt", yaml: base + "rateLimit: { perUser: { claim: sub, requests: 1, per: minute } }\n",
            path: "rateLimit.perUser.claim", message: "needs a `jwt` section to read the claim from", line: 10),
        Case(label: "HTTPS without tls", yaml: base.replacingOccurrences(of: "protocol: HTTP, port: 80", with: "protocol: HTTPS, port: 443"),
            path: "gateway.listeners[0].tls", message: "required for protocol HTTPS", line: 5),
        Case(label: "backendRequest longer than request",
            yaml: base + "    timeouts: { request: 1s, backendRequest: 2s }\n",
            path: "routes[0].timeouts.backendRequest", message: "must not be longer than request (1s)", line: 10),
        Case(label: "min above max", yaml: base + """
            autoscaling: { deployment: web, replicas: { min: 5, max: 2 }, cpu: { utilization: 50 } }

            """, path: "autoscaling.replicas.min", message: "must not exceed max (2)", line: 10),
        Case(label: "zero replicas without scaleToZero", yaml: base + """
            autoscaling: { deployment: web, replicas: { min: 0, max: 2 }, prometheus: { serverAddress: "http://p:9090", query: up, threshold: 1 } }

            """, path: "autoscaling.replicas.min", message: "0 replicas needs scaleToZero: true", line: 10),
        Case(label: "duplicate listener", yaml: base.replacingOccurrences(of: "    - { name: http, protocol: HTTP, port: 80 }",
            with: "    - { name: http, protocol: HTTP, port: 80 }\n    - { name: http, protocol: HTTP, port: 81 }"),
            path: "gateway.listeners[1].name", message: "listener name 'http' is used twice", line: 6),
        Case(label: "bad CIDR", yaml: base + "ipAccess: { allow: [10.0.0.0/33] }\n",
            path: "ipAccess.allow[0]", message: "must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32 (got '10.0.0.0/33')", line: 10),
        Case(label: "zero weights", yaml: base.replacingOccurrences(of: "port: 8080 }", with: "port: 8080, weight: 0 }"),
            path: "routes[0].backends", message: "at least one backend needs a weight above 0", line: 9),
        Case(label: "not a mapping", yaml: base + "circuitBreaker: [1]\n",
            path: "circuitBreaker", message: "must be a mapping, got a list", line: 10),
    ]

    @Test(arguments: cases)
    func reportsError(_ testCase: Case) {
        guard case .failure(let failure) = SpecFixtures.decode(testCase.yaml) else {
            Issue.record("expected an error")
            return
        }
        let match = failure.errors.first { $0.path == testCase.path }
        #expect(match?.message == testCase.message, "errors: \(failure.errors)")
        if let line = testCase.line { #expect(match?.location?.line == line, "errors: \(failure.errors)") }
    }

    @Test func reportsEveryErrorAtOnceInSourceOrder() {
        let yaml = """
            version: trafficspec/v1
            name: demo
            gateway:
              listeners:
                - { name: http, protocol: HTTP, port: 0 }
            routes:
              - name: web
                backends:
                  - { service: web, port: 8080, weigth: 5 }
            circuitBreaker: { maxRequests: 5 }

            """
        guard case .failure(let failure) = SpecFixtures.decode(yaml) else {
            Issue.record("expected errors")
            return
        }
        #expect(failure.errors.map(\.path) == ["gateway.listeners[0].port", "routes[0].backends[0].weigth", "circuitBreaker.maxRequests"])
        #expect(failure.errors.map { $0.location?.line } == [5, 9, 10])
        #expect(failure.errors[2].message.hasPrefix("unknown field; known fields are 'maxConnections'"))
    }

    /// A hostile document of thousands of unknown fields costs 200 listed errors, not thousands.
    @Test func listsAtMostTheErrorLimitThenCountsTheRest() {
        let fields = (0..<1_000).map { "x\($0): 1\n" }.joined()
        guard case .failure(let failure) = SpecFixtures.decode(Self.base + fields) else {
            Issue.record("expected errors")
            return
        }
        #expect(failure.errors.count == SchemaValidator.errorLimit + 1)
        #expect(failure.errors.first?.path == "x0")
        #expect(failure.errors.last == FieldError(path: "", message: "800 more errors not listed (only the first 200 are)"))
    }

    @Test func rejectsNonMappingRoot() {
        let root = SourceNode(.sequence([]), location: nil)
        guard case .failure(let failure) = TrafficSpecDecoder.decode(root) else {
            Issue.record("expected an error")
            return
        }
        #expect(failure.errors == [FieldError(path: "", message: "a spec must be a mapping, got a list")])
    }
}
