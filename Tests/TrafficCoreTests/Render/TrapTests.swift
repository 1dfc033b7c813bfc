import Foundation
import Testing
@testable import TrafficCore

/// The traps of DESIGN §2, checked on the rendered objects themselves.
@Suite struct TrapTests {
    static func taskAPI() throws -> [Manifest] {
        let spec = try SpecFixtures.spec(try TestFiles.read(TestFiles.examples.appendingPathComponent("task-api/spec.yaml")))
        return ManifestRenderer.render(spec, context: .stateless)
    }

    @Test func anonymousRuleMatchesRequestsWithoutTheHeader() throws {
        let policy = try #require(try Self.taskAPI().first { $0.kind == "BackendTrafficPolicy" })
        let rules = try #require(policy.body["spec"]?["rateLimit"]?["local"]?["rules"]?.arrayValue)
        #expect(rules.count == 2)
        let perUser = rules[0]["clientSelectors"]?.arrayValue?.first?["headers"]?.arrayValue?.first
        #expect(perUser == ["name": "x-user-id", "type": "Distinct"])
        let anonymous = rules[1]["clientSelectors"]?.arrayValue?.first?["headers"]?.arrayValue?.first
        #expect(anonymous == ["name": "x-user-id", "type": "RegularExpression", "value": ".*", "invert": true])
        #expect(rules[0]["limit"] == ["requests": 100, "unit": "Minute"])
        #expect(rules[1]["limit"] == ["requests": 10, "unit": "Minute"])
    }

    @Test func circuitBreakerHasNoMaxRequests() throws {
        let policy = try #require(try Self.taskAPI().first { $0.kind == "BackendTrafficPolicy" })
        #expect(policy.body["spec"]?["circuitBreaker"] == ["maxConnections": 50, "maxPendingRequests": 5, "maxParallelRequests": 25])
    }

    @Test func kedaTriggerMetadataIsStrings() throws {
        let scaled = try #require(try Self.taskAPI().first { $0.kind == "ScaledObject" })
        let metadata = try #require(scaled.body["spec"]?["triggers"]?.arrayValue?.first?["metadata"]?.objectValue)
        for (_, value) in metadata { #expect(value.stringValue != nil) }
        #expect(scaled.body["spec"]?["minReplicaCount"] == 1)
        #expect(scaled.body["spec"]?["maxReplicaCount"] == 10)
    }

    @Test func httpsListenerTerminatesWithTheSecret() throws {
        let gateway = try #require(try Self.taskAPI().first { $0.kind == "Gateway" })
        let https = gateway.body["spec"]?["listeners"]?.arrayValue?.first { $0["name"] == "https" }
        #expect(https?["tls"]?["mode"] == "Terminate")
        #expect(https?["tls"]?["certificateRefs"]?.arrayValue?.first?["name"] == "task-api-tls")
        let certificate = try #require(try Self.taskAPI().first { $0.kind == "Certificate" })
        #expect(certificate.body["spec"]?["secretName"] == "task-api-tls")
    }

    @Test func retryUsesTheRealShape() throws {
        let spec = try SpecFixtures.spec(try TestFiles.read(TestFiles.examples.appendingPathComponent("canary/spec.yaml")))
        let policy = try #require(ManifestRenderer.render(spec, context: .stateless).first { $0.kind == "BackendTrafficPolicy" })
        let retry = policy.body["spec"]?["retry"]
        #expect(retry?["numRetries"] == 2)
        #expect(retry?["perRetry"]?["backOff"] == ["baseInterval": "100ms", "maxInterval": "1s"])
        #expect(retry?["retryOn"]?["triggers"] == ["connect-failure", "reset", "retriable-status-codes"])
        #expect(retry?["retryOn"]?["httpStatusCodes"] == [503])
    }

    @Test func headerStarIsRenderedLiterally() throws {
        let spec = try SpecFixtures.spec("""
            version: trafficspec/v1
            name: star
            gateway: { listeners: [{ name: http, protocol: HTTP, port: 80 }] }
            routes:
              - { name: a, headers: [{ name: x-any, value: "*" }], backends: [{ service: a, port: 80 }] }
            """)
        let route = try #require(ManifestRenderer.render(spec, context: .stateless).first { $0.kind == "HTTPRoute" })
        let header = route.body["spec"]?["rules"]?.arrayValue?.first?["matches"]?.arrayValue?.first?["headers"]?.arrayValue?.first
        #expect(header == ["name": "x-any", "type": "Exact", "value": "*"])
    }

    @Test func annotationsCarryRevisionAndDigestOnlyWhenGiven() throws {
        let spec = try SpecFixtures.spec(try TestFiles.read(TestFiles.examples.appendingPathComponent("canary/spec.yaml")))
        let stateless = ManifestRenderer.render(spec, context: .stateless)[0].body["metadata"]?["annotations"]
        #expect(stateless == ["trafficspec.io/spec": "shop"])
        let stored = ManifestRenderer.render(spec, context: RenderContext(revision: 7, digest: "abc"))[0].body["metadata"]?["annotations"]
        #expect(stored == ["trafficspec.io/spec": "shop", "trafficspec.io/revision": "7", "trafficspec.io/digest": "abc"])
    }
}
