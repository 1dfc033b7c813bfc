/// The rules of routes: backend weights (TS4001, TS4002), matches that can never win because
/// an earlier rule or an older route has the same one (TS4003), and timeouts whose backend
/// part exceeds the whole (TS4004).
public struct RouteRuleAnalyzer: ManifestAnalyzer {
    public init() {}

    public var diagnostics: [Diagnostic] {
        [.allBackendsZeroWeight, .zeroWeightBackend, .unreachableMatch, .backendTimeoutExceedsRequest]
    }

    public func analyze(_ bundle: ManifestBundle, into findings: inout [Finding]) {
        let routes = AttachedRoute.all(in: bundle)
        var shared = SharedMatches()
        for route in routes {
            let rules = route.object.node["spec"]?.list("rules") ?? []
            for (ruleIndex, rule) in rules.enumerated() {
                checkWeights(route, rule, ruleIndex, into: &findings)
                checkTimeouts(route, rule, ruleIndex, into: &findings)
            }
            let matches = RouteMatch.all(of: route, rules: rules)
            checkWithinRoute(route, matches, rules: rules, into: &findings)
            shared.add(route, matches)
        }
        shared.report(into: &findings)
    }

    // MARK: Weights

    private func checkWeights(_ route: AttachedRoute, _ rule: SourceNode, _ ruleIndex: Int, into findings: inout [Finding]) {
        let backends = rule.list("backendRefs")
        guard !backends.isEmpty else { return }
        let rulePath: [PathToken] = ["spec", "rules", .index(ruleIndex)]
        // Envoy AI Gateway splits by weight within a priority tier; the other routes across the rule.
        var tiers: [Int64: [(index: Int, weight: Int64)]] = [:]
        for (index, backend) in backends.enumerated() {
            let tier = route.object.kind == "AIGatewayRoute" ? backend["priority"]?.integer ?? 0 : 0
            tiers[tier, default: []].append((index, backend["weight"]?.integer ?? 1))
        }
        for tier in tiers.keys.sorted() {
            guard let members = tiers[tier] else { continue }
            if members.allSatisfy({ $0.weight == 0 }) {
                let scope = tiers.count > 1 ? " of priority \(tier)" : ""
                findings.append(route.object.finding(
                    .allBackendsZeroWeight, at: rulePath + ["backendRefs"],
                    message: "every backendRef\(scope) of \(ruleLabel(rule, ruleIndex)) has weight 0, so requests it matches get HTTP 500"))
                continue
            }
            for member in members where member.weight == 0 {
                let name = backends[member.index]["name"]?.string ?? "#\(member.index)"
                findings.append(route.object.finding(
                    .zeroWeightBackend, at: rulePath + ["backendRefs", .index(member.index), "weight"],
                    message: "backend \"\(name)\" of \(ruleLabel(rule, ruleIndex)) has weight 0 and receives no traffic"))
            }
        }
    }

    // MARK: Timeouts

    private func checkTimeouts(_ route: AttachedRoute, _ rule: SourceNode, _ ruleIndex: Int, into findings: inout [Finding]) {
        guard let timeouts = rule["timeouts"], let request = timeouts["request"]?.string,
            let backendRequest = timeouts["backendRequest"]?.string,
            let requestMilliseconds = GatewayDuration.milliseconds(request),
            let backendMilliseconds = GatewayDuration.milliseconds(backendRequest),
            requestMilliseconds != 0, backendMilliseconds > requestMilliseconds
        else { return }
        findings.append(route.object.finding(
            .backendTimeoutExceedsRequest, at: ["spec", "rules", .index(ruleIndex), "timeouts", "backendRequest"],
            message: "timeouts.backendRequest (\(backendRequest)) of \(ruleLabel(rule, ruleIndex)) is longer than timeouts.request (\(request)); the request times out first",
            hint: "Make backendRequest at most \(request), or raise request (\"0s\" disables the request timeout)."))
    }

    // MARK: Matches

    private func checkWithinRoute(_ route: AttachedRoute, _ matches: [RouteMatch], rules: [SourceNode], into findings: inout [Finding]) {
        var first: [String: RouteMatch] = [:]
        for match in matches {
            guard let earlier = first[match.key] else {
                first[match.key] = match
                continue
            }
            // Repeating a match inside one rule is redundant but sends traffic to the same place.
            guard earlier.ruleIndex != match.ruleIndex else { continue }
            findings.append(route.object.finding(
                .unreachableMatch, at: match.path,
                message: "this match (\(match.summary)) of \(ruleLabel(rules[match.ruleIndex], match.ruleIndex)) repeats a match of \(ruleLabel(rules[earlier.ruleIndex], earlier.ruleIndex)); the earlier rule always wins, so it never receives traffic"))
        }
    }

    private func ruleLabel(_ rule: SourceNode, _ index: Int) -> String {
        rule.nonEmptyString("name").map { "rule \"\($0)\"" } ?? "rule \(index)"
    }

    /// Identical matches of different routes on one Gateway and one hostname: Gateway API gives
    /// the request to the older route (then the one first by namespace/name).
    private struct SharedMatches {
        private struct Bucket: Hashable {
            let gateway: ObjectKey
            let routeKind: String
            /// A hostname both routes list, or `""` for routes without hostnames.
            let hostname: String
            let match: String
        }

        private struct Entry {
            let route: AttachedRoute
            let sectionName: String?
            let match: RouteMatch
        }

        private var buckets: [Bucket: [Entry]] = [:]
        private var order: [Bucket] = []

        mutating func add(_ route: AttachedRoute, _ matches: [RouteMatch]) {
            guard route.object.kind == "HTTPRoute" || route.object.kind == "GRPCRoute" else { return }
            let hostnames = route.hostnames.isEmpty ? [""] : Array(Set(route.hostnames))
            for parent in route.parentRefs where parent.isGateway {
                for hostname in hostnames {
                    var seen = Set<String>()
                    for match in matches where seen.insert(match.key).inserted {
                        let bucket = Bucket(gateway: parent.key, routeKind: route.object.kind, hostname: hostname, match: match.key)
                        if buckets[bucket] == nil { order.append(bucket) }
                        buckets[bucket, default: []].append(Entry(route: route, sectionName: parent.sectionName, match: match))
                    }
                }
            }
        }

        func report(into findings: inout [Finding]) {
            var reported = Set<String>()
            for bucket in order {
                guard let entries = buckets[bucket], entries.count > 1 else { continue }
                let ranked = entries.sorted { ConflictOrder.precedes($0.route.object, $1.route.object) }
                for (position, loser) in ranked.enumerated() {
                    guard let winner = ranked[..<position].first(where: { winner in
                        winner.route.object.qualifiedName != loser.route.object.qualifiedName
                            && (winner.sectionName == nil || loser.sectionName == nil || winner.sectionName == loser.sectionName)
                    }) else { continue }
                    let identity = "\(loser.route.object.source)#\(loser.route.object.documentIndex)\(PathToken.pointer(loser.match.path))"
                    guard reported.insert(identity).inserted else { continue }
                    let reason = ConflictOrder.reason(winner.route.object, over: loser.route.object)
                    let host = bucket.hostname.isEmpty ? "every host" : "host \(bucket.hostname)"
                    findings.append(loser.route.object.finding(
                        .unreachableMatch, at: loser.match.path,
                        message: "this match (\(loser.match.summary)) is identical to a match of \(winner.route.label) on \(bucket.gateway) for \(host); \(winner.route.label) takes precedence because \(reason), so this match never receives traffic there"))
                }
            }
        }
    }
}

/// One match of a route rule, in a canonical form that equal matches share.
struct RouteMatch {
    let ruleIndex: Int
    let path: [PathToken]
    /// Equal for matches that select the same requests.
    let key: String
    /// How the match reads in a message.
    let summary: String

    /// The matches of every rule; a rule without matches has the kind's default match.
    static func all(of route: AttachedRoute, rules: [SourceNode]) -> [RouteMatch] {
        let kind = route.object.kind
        guard kind == "HTTPRoute" || kind == "GRPCRoute" else { return [] }
        var matches: [RouteMatch] = []
        for (ruleIndex, rule) in rules.enumerated() {
            let rulePath: [PathToken] = ["spec", "rules", .index(ruleIndex)]
            let items = rule.list("matches")
            if items.isEmpty {
                let (key, summary) = kind == "HTTPRoute" ? httpKey(SourceNode(.mapping([]))) : grpcKey(SourceNode(.mapping([])))
                matches.append(RouteMatch(ruleIndex: ruleIndex, path: rulePath, key: key, summary: summary))
                continue
            }
            for (index, match) in items.enumerated() {
                let (key, summary) = kind == "HTTPRoute" ? httpKey(match) : grpcKey(match)
                matches.append(RouteMatch(ruleIndex: ruleIndex, path: rulePath + ["matches", .index(index)], key: key, summary: summary))
            }
        }
        return matches
    }

    private static func httpKey(_ match: SourceNode) -> (String, String) {
        let path = match["path"]
        let type = path?["type"]?.string ?? "PathPrefix"
        var value = path?["value"]?.string ?? "/"
        // A prefix matches whole path segments, so a trailing slash does not change it.
        if type == "PathPrefix", value.count > 1, value.hasSuffix("/") { value.removeLast() }
        var key = ["path=\(type):\(value)"]
        var summary = ["\(type) \(value)"]
        if let method = match["method"]?.string {
            key.append("method=\(method)")
            summary.append("method \(method)")
        }
        let (headerKey, headerSummary) = pairs(match.list("headers"), word: "header", caseInsensitive: true)
        let (queryKey, querySummary) = pairs(match.list("queryParams"), word: "query", caseInsensitive: false)
        return ((key + headerKey + queryKey).joined(separator: "|"), (summary + headerSummary + querySummary).joined(separator: ", "))
    }

    private static func grpcKey(_ match: SourceNode) -> (String, String) {
        var key: [String] = []
        var summary: [String] = []
        if let method = match["method"] {
            let type = method["type"]?.string ?? "Exact"
            let service = method["service"]?.string ?? "*"
            let name = method["method"]?.string ?? "*"
            key.append("method=\(type):\(service)/\(name)")
            summary.append("\(type) method \(service)/\(name)")
        }
        let (headerKey, headerSummary) = pairs(match.list("headers"), word: "header", caseInsensitive: true)
        let joinedSummary = (summary + headerSummary).joined(separator: ", ")
        return ((key + headerKey).joined(separator: "|"), joinedSummary.isEmpty ? "every request" : joinedSummary)
    }

    /// Header or query matches, sorted by name: their order does not matter (all must hold).
    private static func pairs(_ items: [SourceNode], word: String, caseInsensitive: Bool) -> ([String], [String]) {
        let entries = items.compactMap { item -> (name: String, type: String, value: String)? in
            guard var name = item["name"]?.string else { return nil }
            if caseInsensitive { name = name.lowercased() }
            return (name, item["type"]?.string ?? "Exact", item["value"]?.string ?? "")
        }.sorted { ($0.name, $0.type, $0.value) < ($1.name, $1.type, $1.value) }
        let keys = entries.map { "\(word)=\($0.name):\($0.type):\($0.value)" }
        let summaries = entries.map { $0.type == "Exact" ? "\(word) \($0.name)=\($0.value)" : "\(word) \($0.name)~\($0.value)" }
        return (keys, summaries)
    }
}
