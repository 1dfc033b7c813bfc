import Testing
import TrafficCore

@Suite struct RouteRuleAnalyzerTests {
    static func route(_ rules: String, name: String = "web", hostnames: String = "", parent: String = "{name: eg}",
                      kind: String = "HTTPRoute") -> String {
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: \(kind)
        metadata: {name: \(name), namespace: apps}
        spec:
          parentRefs: [\(parent)]
        \(hostnames.isEmpty ? "" : "  hostnames: [\(hostnames)]\n")  rules:
        \(rules)
        ---

        """
    }

    static func backends(_ weights: [Int?]) -> String {
        let refs = weights.enumerated().map { index, weight in
            "{name: v\(index), port: 8080\(weight.map { ", weight: \($0)" } ?? "")}"
        }
        return "  - backendRefs: [\(refs.joined(separator: ", "))]"
    }

    static func rule(_ match: String, name: String) -> String {
        "  - name: \(name)\n    matches: [\(match)]\n    backendRefs: [{name: \(name), port: 8080}]"
    }

    static let cases: [AnalyzerCase] = [
        .fails("every backend at weight 0", "TS4001", .warning, at: "/spec/rules/0/backendRefs",
               "every backendRef of rule 0 has weight 0", yaml: route(backends([0, 0]))),
        .fails("every backend of an AIGatewayRoute tier at weight 0", "TS4001", .warning, at: "/spec/rules/0/backendRefs",
               "every backendRef of priority 1 of rule 0 has weight 0",
               yaml: """
                   apiVersion: aigateway.envoyproxy.io/v1alpha1
                   kind: AIGatewayRoute
                   metadata: {name: llm, namespace: apps}
                   spec:
                     parentRefs: [{name: eg}]
                     rules:
                     - backendRefs: [{name: openai}, {name: anthropic, priority: 1, weight: 0}]
                   """),
        .passes("one backend at weight 0, one by default at 1", "TS4001", yaml: route(backends([0, nil]))),

        .fails("a canary at 0% next to a live backend", "TS4002", .info, at: "/spec/rules/0/backendRefs/1/weight",
               "backend \"v1\" of rule 0 has weight 0 and receives no traffic", yaml: route(backends([1, 0]))),
        .passes("every backend weighted", "TS4002", yaml: route(backends([90, 10]))),

        .fails("the same match in two rules of one route", "TS4003", .warning, at: "/spec/rules/1/matches/0",
               "this match (PathPrefix /api, header x-env=canary) of rule \"second\" repeats a match of rule \"first\"",
               yaml: route(
                   rule("{path: {type: PathPrefix, value: /api}, headers: [{name: X-Env, value: canary}]}", name: "first") + "\n"
                       + rule("{path: {value: /api/}, headers: [{name: x-env, type: Exact, value: canary}]}", name: "second"))),
        .fails("a rule without matches after a rule matching /", "TS4003", .warning, at: "/spec/rules/1",
               "this match (PathPrefix /) of rule \"second\" repeats a match of rule \"first\"",
               yaml: route(rule("{path: {type: PathPrefix, value: /}}", name: "first") + "\n"
                   + "  - name: second\n    backendRefs: [{name: other, port: 8080}]")),
        .fails("the same match in two routes on one Gateway and host", "TS4003", .warning, at: "/spec/rules/0/matches/0",
               "identical to a match of HTTPRoute \"apps/a-web\" on Gateway \"apps/eg\" for host shop.example.com; HTTPRoute \"apps/a-web\" takes precedence because \"apps/a-web\" sorts before \"apps/b-web\"",
               yaml: route(rule("{path: {type: Exact, value: /login}, method: POST}", name: "login"), name: "b-web",
                           hostnames: "shop.example.com, www.example.com")
                   + route(rule("{method: POST, path: {type: Exact, value: /login}}", name: "signin"), name: "a-web",
                           hostnames: "shop.example.com")),
        .passes("matches that differ in method", "TS4003",
                yaml: route(rule("{path: {value: /api}, method: GET}", name: "read") + "\n"
                    + rule("{path: {value: /api}, method: POST}", name: "write"))),
        .passes("the same match in routes on different hosts", "TS4003",
                yaml: route(rule("{path: {value: /}}", name: "home"), name: "a-web", hostnames: "a.example.com")
                    + route(rule("{path: {value: /}}", name: "home"), name: "b-web", hostnames: "b.example.com")),
        .passes("the same match in routes on different listeners", "TS4003",
                yaml: route(rule("{path: {value: /}}", name: "home"), name: "a-web", parent: "{name: eg, sectionName: http}")
                    + route(rule("{path: {value: /}}", name: "home"), name: "b-web", parent: "{name: eg, sectionName: https}")),
        .passes("a repeated match inside one rule", "TS4003",
                yaml: route("  - matches: [{path: {value: /a}}, {path: {value: /a}}]\n    backendRefs: [{name: a, port: 8080}]")),

        .fails("backendRequest longer than request", "TS4004", .error, at: "/spec/rules/0/timeouts/backendRequest",
               "timeouts.backendRequest (1m) of rule 0 is longer than timeouts.request (30s)",
               yaml: route("  - timeouts: {request: 30s, backendRequest: 1m}\n    backendRefs: [{name: web, port: 8080}]")),
        .passes("request 0s disables the request timeout", "TS4004",
                yaml: route("  - timeouts: {request: 0s, backendRequest: 1m}\n    backendRefs: [{name: web, port: 8080}]")),
        .passes("backendRequest within request", "TS4004",
                yaml: route("  - timeouts: {request: 1m, backendRequest: 500ms}\n    backendRefs: [{name: web, port: 8080}]")),
    ]

    @Test(arguments: cases)
    func check(_ testCase: AnalyzerCase) { testCase.check(RouteRuleAnalyzer()) }

    @Test func everyCodeHasAFailingAndAPassingCase() {
        AnalyzerCase.checkCoverage(Self.cases, of: RouteRuleAnalyzer())
    }
}
