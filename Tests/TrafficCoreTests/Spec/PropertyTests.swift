import Foundation
import TestSupport
import Testing
@testable import TrafficCore

/// Properties over many specs: the examples, every golden input and seeded random variations.
@Suite struct PropertyTests {
    static func corpus() throws -> [TrafficSpec] {
        var texts = try TestFiles.exampleNames().map {
            try TestFiles.read(TestFiles.examples.appendingPathComponent("\($0)/spec.yaml"))
        }
        texts += try TestFiles.renderCases().map {
            try TestFiles.read(TestFiles.testdata.appendingPathComponent("render/\($0).in.yaml"))
        }
        return try texts.map { try SpecFixtures.spec($0) }
    }

    /// Valid variations of a spec: weights, limits, replica counts and optional sections.
    static func variations(of spec: TrafficSpec, seed: UInt64, count: Int) -> [TrafficSpec] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var variant = spec
            if var routes = variant.routes {
                for index in routes.indices {
                    for backend in routes[index].backends.indices {
                        routes[index].backends[backend].weight = Int.random(in: 1...1000, using: &generator)
                    }
                }
                variant.routes = routes
            }
            if Bool.random(using: &generator) {
                variant.circuitBreaker = CircuitBreakerSpec(
                    maxConnections: Int.random(in: 1...10_000, using: &generator), maxPendingRequests: nil,
                    maxParallelRequests: Int.random(in: 1...10_000, using: &generator), maxParallelRetries: nil,
                    maxRequestsPerConnection: nil)
            }
            if Bool.random(using: &generator) {
                variant.rateLimit = RateLimitSpec(
                    mode: Bool.random(using: &generator) ? "local" : "global",
                    perUser: PerUserLimitSpec(header: "x-user-id", claim: nil,
                        requests: Int.random(in: 1...5000, using: &generator), per: ["second", "minute", "hour"].randomElement(using: &generator)!),
                    anonymous: LimitSpec(requests: Int.random(in: 1...50, using: &generator), per: "minute"),
                    perClientIP: nil, total: nil)
            }
            if Bool.random(using: &generator) {
                let maximum = Int.random(in: 1...50, using: &generator)
                variant.autoscaling = AutoscalingSpec(
                    engine: nil, deployment: variant.name,
                    replicas: ReplicaRangeSpec(min: Int.random(in: 1...maximum, using: &generator), max: maximum),
                    prometheus: PrometheusTriggerSpec(serverAddress: "http://prometheus:9090", query: "sum(rate(x[1m]))",
                        threshold: Double(Int.random(in: 1...500, using: &generator)) / 4, activationThreshold: nil),
                    cpu: nil, pollingInterval: nil, cooldownPeriod: nil, scaleToZero: nil)
            }
            variant.namespace = Bool.random(using: &generator) ? nil : "ns-\(Int.random(in: 0...99, using: &generator))"
            return variant
        }
    }

    static func allSpecs() throws -> [TrafficSpec] {
        let corpus = try corpus()
        return corpus + corpus.enumerated().flatMap { index, spec in variations(of: spec, seed: UInt64(index) &* 7919, count: 5) }
    }

    @Test func renderIsDeterministic() throws {
        for spec in try Self.allSpecs() {
            let first = ManifestEncoder.yaml(ManifestRenderer.render(spec, context: RenderContext(revision: 1, digest: "ab")))
            let second = ManifestEncoder.yaml(ManifestRenderer.render(spec, context: RenderContext(revision: 1, digest: "ab")))
            #expect(first == second)
            #expect(ManifestEncoder.jsonList(ManifestRenderer.render(spec, context: .stateless))
                == ManifestEncoder.jsonList(ManifestRenderer.render(spec, context: .stateless)))
        }
    }

    @Test func decodeOfEncodeIsIdentity() throws {
        for spec in try Self.allSpecs() {
            let decoded = TrafficSpecDecoder.decode(TrafficSpecEncoder.sourceNode(spec))
            switch decoded {
            case .success(let again): #expect(again == spec)
            case .failure(let errors): Issue.record("\(spec.name): \(errors)")
            }
        }
    }

    /// Encoding a decoded document gives back the document: the model drops no field.
    @Test func encodeOfDecodeKeepsEveryField() throws {
        var texts = try TestFiles.exampleNames().map {
            try TestFiles.read(TestFiles.examples.appendingPathComponent("\($0)/spec.yaml"))
        }
        texts += try TestFiles.renderCases().map {
            try TestFiles.read(TestFiles.testdata.appendingPathComponent("render/\($0).in.yaml"))
        }
        for text in texts {
            let root = try DocumentParser().parseSingle(Array(text.utf8), format: .yaml)
            let spec = try SpecFixtures.spec(text)
            #expect(TrafficSpecEncoder.json(spec) == root.jsonValue)
        }
    }

    /// Rendered YAML reads back (as Kubernetes reads it, YAML 1.1) to the same JSON.
    @Test func yamlReadsBackAsTheSameObjects() throws {
        for spec in try Self.allSpecs() {
            let manifests = ManifestRenderer.render(spec, context: RenderContext(revision: 12, digest: "00ff"))
            let documents = try DocumentParser(schema: .yaml11).parseAll(Array(ManifestEncoder.yaml(manifests).utf8), format: .yaml)
            #expect(documents.map(\.jsonValue) == manifests.map(\.body))
        }
    }
}
