/// Cross-field rules of a structurally valid spec: the checks a schema cannot express but the
/// CRDs' CEL rules (or the controllers) would make, plus the spec's own consistency rules.
enum SpecValidator {
    struct Problem: Equatable {
        var path: String
        var message: String
        var code: String = Diagnostic.specRuleViolated.code
    }

    /// Collects problems; a rule that matches a manifest diagnostic passes its code, so the
    /// same mistake has the same code in a spec and in a manifest.
    final class ProblemSink {
        private(set) var found: [Problem] = []

        func callAsFunction(_ path: String, _ message: String, _ diagnostic: Diagnostic = .specRuleViolated) {
            found.append(Problem(path: path, message: message, code: diagnostic.code))
        }
    }

    static func problems(in spec: TrafficSpec) -> [Problem] {
        let fail = ProblemSink()

        checkListeners(spec, fail)
        checkRoutes(spec, fail)
        checkRateLimit(spec, fail)
        checkBackendPolicies(spec, fail)
        checkSecurity(spec, fail)
        checkAutoscaling(spec, fail)
        checkLLM(spec, fail)
        if (spec.routes ?? []).isEmpty && spec.llm == nil {
            fail("routes", "a spec needs at least one route (or an `llm` section)")
        }
        return fail.found
    }

    private static func checkListeners(_ spec: TrafficSpec, _ fail: ProblemSink) {
        let listeners = spec.gateway.listeners
        var seenNames: Set<String> = []
        var seenCombinations: Set<String> = []
        for (index, listener) in listeners.enumerated() {
            let path = "gateway.listeners[\(index)]"
            if !seenNames.insert(listener.name).inserted {
                fail("\(path).name", "listener name '\(listener.name)' is used twice")
            }
            if !seenCombinations.insert("\(listener.port)/\(listener.protocol)/\(listener.hostname ?? "")").inserted {
                fail(path, "another listener has the same port, protocol and hostname")
            }
            switch listener.protocol {
            case "HTTPS":
                if listener.tls == nil { fail("\(path).tls", "required for protocol HTTPS") }
                if listener.redirectToHTTPS == true { fail("\(path).redirectToHTTPS", "only allowed on HTTP listeners") }
            default:
                if listener.tls != nil { fail("\(path).tls", "not allowed for protocol HTTP") }
                if listener.redirectToHTTPS == true, !listeners.contains(where: { $0.protocol == "HTTPS" }) {
                    fail("\(path).redirectToHTTPS", "needs an HTTPS listener to redirect to")
                }
            }
            let selector = listener.allowedRoutes == "Selector"
            if selector, (listener.allowedNamespaceLabels ?? [:]).isEmpty {
                fail("\(path).allowedNamespaceLabels", "required when allowedRoutes is Selector")
            }
            for (key, value) in (listener.allowedNamespaceLabels ?? [:]).sorted(by: { $0.key < $1.key }) {
                if !Self.isLabelKey(key) { fail("\(path).allowedNamespaceLabels.\(key)", "'\(key)' is not a valid label key") }
                if !Self.isLabelValue(value) {
                    fail("\(path).allowedNamespaceLabels.\(key)", "'\(value)' is not a valid label value (≤ 63 of A-Z a-z 0-9 - _ ., alphanumeric at both ends)")
                }
            }
            if !selector, listener.allowedNamespaceLabels != nil {
                fail("\(path).allowedNamespaceLabels", "only allowed when allowedRoutes is Selector")
            }
            if let certificate = listener.tls?.certificate {
                for (nameIndex, dnsName) in certificate.dnsNames.enumerated() {
                    if let problem = StringFormat.hostname.problem(dnsName) {
                        fail("\(path).tls.certificate.dnsNames[\(nameIndex)]", problem)
                    }
                }
            }
        }
        if listeners.allSatisfy({ $0.redirectToHTTPS == true }) {
            fail("gateway.listeners", "at least one listener must serve the routes (not only redirect)")
        }
    }

    private static func checkRoutes(_ spec: TrafficSpec, _ fail: ProblemSink) {
        var names: Set<String> = []
        for (index, route) in (spec.routes ?? []).enumerated() {
            let path = "routes[\(index)]"
            if !names.insert(route.name).inserted { fail("\(path).name", "route name '\(route.name)' is used twice") }
            let pathMatches = [route.pathPrefix, route.path, route.pathRegex].compactMap { $0 }
            if pathMatches.count > 1 { fail(path, "set at most one of pathPrefix, path and pathRegex") }
            for (kind, matches) in [("headers", route.headers ?? []), ("queryParams", route.queryParams ?? [])] {
                var seen: Set<String> = []
                for (matchIndex, match) in matches.enumerated() {
                    let key = kind == "headers" ? match.name.lowercased() : match.name
                    if !seen.insert(key).inserted {
                        fail("\(path).\(kind)[\(matchIndex)].name", "'\(match.name)' is matched twice")
                    }
                    if match.value.isEmpty { fail("\(path).\(kind)[\(matchIndex)].value", "must not be empty") }
                }
            }
            if route.backends.allSatisfy({ ($0.weight ?? 1) == 0 }) {
                fail("\(path).backends", "at least one backend needs a weight above 0", .allBackendsZeroWeight)
            }
            if let timeouts = route.timeouts, let request = timeouts.request, let backend = timeouts.backendRequest,
                let requestMs = GatewayDuration.milliseconds(request), let backendMs = GatewayDuration.milliseconds(backend),
                requestMs != 0, backendMs > requestMs
            {
                fail("\(path).timeouts.backendRequest", "must not be longer than request (\(request))", .backendTimeoutExceedsRequest)
            }
            if let rewrite = route.rewrite {
                if rewrite.pathPrefix != nil, rewrite.fullPath != nil {
                    fail("\(path).rewrite", "set at most one of pathPrefix and fullPath")
                }
                if rewrite.pathPrefix != nil, route.path != nil || route.pathRegex != nil {
                    fail("\(path).rewrite.pathPrefix", "needs a pathPrefix match on the route")
                }
                if rewrite.pathPrefix == nil, rewrite.fullPath == nil, rewrite.hostname == nil {
                    fail("\(path).rewrite", "set pathPrefix, fullPath or hostname")
                }
            }
        }
    }

    private static func checkRateLimit(_ spec: TrafficSpec, _ fail: ProblemSink) {
        guard let rateLimit = spec.rateLimit else { return }
        if let perUser = rateLimit.perUser {
            switch (perUser.header, perUser.claim) {
            case (nil, nil), (.some, .some):
                fail("rateLimit.perUser", "set exactly one of header and claim")
            case (nil, .some):
                if spec.jwt == nil { fail("rateLimit.perUser.claim", "needs a `jwt` section to read the claim from") }
            default: break
            }
        }
        if rateLimit.anonymous != nil, rateLimit.perUser == nil {
            fail("rateLimit.anonymous", "needs perUser: anonymous callers are those without the user header")
        }
        if rateLimit.perUser == nil, rateLimit.anonymous == nil, rateLimit.perClientIP == nil, rateLimit.total == nil {
            fail("rateLimit", "set at least one of perUser, anonymous, perClientIP and total")
        }
    }

    private static func checkBackendPolicies(_ spec: TrafficSpec, _ fail: ProblemSink) {
        if let active = spec.healthCheck?.active {
            if (active.type ?? "HTTP") == "HTTP", active.path == nil {
                fail("healthCheck.active.path", "required for HTTP health checks")
            }
            if active.type == "TCP", active.path != nil || active.expectedStatuses != nil {
                fail("healthCheck.active", "path and expectedStatuses only apply to HTTP health checks")
            }
        }
        if let healthCheck = spec.healthCheck, healthCheck.active == nil, healthCheck.passive == nil {
            fail("healthCheck", "set active, passive or both")
        }
        if let loadBalancer = spec.loadBalancer {
            if loadBalancer.hashHeader != nil, loadBalancer.type != "ConsistentHash" {
                fail("loadBalancer.hashHeader", "only applies to type ConsistentHash")
            }
            if loadBalancer.slowStartWindow != nil, !["RoundRobin", "LeastRequest"].contains(loadBalancer.type) {
                fail("loadBalancer.slowStartWindow", "only applies to types RoundRobin and LeastRequest")
            }
        }
        if let backoff = spec.retry?.backoff, let max = backoff.max,
            let baseMs = GatewayDuration.milliseconds(backoff.base), let maxMs = GatewayDuration.milliseconds(max), maxMs < baseMs
        {
            fail("retry.backoff.max", "must not be shorter than base (\(backoff.base))")
        }
    }

    private static func checkSecurity(_ spec: TrafficSpec, _ fail: ProblemSink) {
        if let jwt = spec.jwt {
            var names: Set<String> = []
            for (index, provider) in jwt.providers.enumerated() where !names.insert(provider.name).inserted {
                fail("jwt.providers[\(index)].name", "provider name '\(provider.name)' is used twice")
            }
        }
        if let cors = spec.cors, cors.allowOrigins.contains("*"), cors.allowOrigins.count > 1 {
            fail("cors.allowOrigins", "'*' cannot be combined with other origins")
        }
        if let ipAccess = spec.ipAccess, ipAccess.allow == nil, ipAccess.deny == nil {
            fail("ipAccess", "set allow, deny or both")
        }
    }

    private static func checkAutoscaling(_ spec: TrafficSpec, _ fail: ProblemSink) {
        guard let scaling = spec.autoscaling else { return }
        let minimum = scaling.replicas.min ?? (scaling.scaleToZero == true ? 0 : 1)
        if minimum > scaling.replicas.max { fail("autoscaling.replicas.min", "must not exceed max (\(scaling.replicas.max))", .replicaBoundsInverted) }
        if minimum == 0, scaling.scaleToZero != true {
            fail("autoscaling.replicas.min", "0 replicas needs scaleToZero: true", .scaleToZeroColdStart)
        }
        if scaling.scaleToZero == true, minimum != 0 {
            fail("autoscaling.replicas.min", "must be 0 (or absent) with scaleToZero: true")
        }
        if scaling.engine == "hpa" {
            if scaling.cpu == nil { fail("autoscaling.cpu", "required with engine hpa") }
            for field in ["prometheus", "pollingInterval", "cooldownPeriod", "scaleToZero"] {
                let present = switch field {
                case "prometheus": scaling.prometheus != nil
                case "pollingInterval": scaling.pollingInterval != nil
                case "cooldownPeriod": scaling.cooldownPeriod != nil
                default: scaling.scaleToZero != nil
                }
                if present { fail("autoscaling.\(field)", "only applies to engine keda") }
            }
        } else {
            if scaling.prometheus == nil, scaling.cpu == nil { fail("autoscaling", "set prometheus, cpu or both") }
            if scaling.scaleToZero == true, scaling.prometheus == nil {
                fail("autoscaling.scaleToZero", "needs a prometheus trigger (CPU cannot wake a service from zero)")
            }
        }
    }

    private static func checkLLM(_ spec: TrafficSpec, _ fail: ProblemSink) {
        guard let llm = spec.llm else { return }
        var names: Set<String> = []
        for (index, provider) in llm.providers.enumerated() where !names.insert(provider.name).inserted {
            fail("llm.providers[\(index)].name", "provider name '\(provider.name)' is used twice")
        }
        for (index, provider) in llm.providers.enumerated()
        where provider.apiKeySecret != nil && AIGatewayBuilder.apiKeyType(for: provider.schema) == nil {
            fail("llm.providers[\(index)].apiKeySecret", "\(provider.schema) does not authenticate with an API key")
        }
        let tiers = Set(llm.providers.map { $0.priority ?? 0 })
        if !tiers.contains(0) { fail("llm.providers", "at least one provider needs priority 0 (the first tier)") }
    }

    /// Kubernetes label values: empty, or ≤ 63 characters of [A-Za-z0-9-_.] starting and ending alphanumeric.
    static func isLabelValue(_ value: String) -> Bool {
        value.isEmpty || (value.count <= 63 && StringFormat.matches(#"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"#, value))
    }

    /// Kubernetes label keys: an optional DNS-subdomain prefix and '/', then a name like a label value.
    static func isLabelKey(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, parts.count <= 2, !name.isEmpty, isLabelValue(String(name)) else { return false }
        return parts.count == 1 || DNSName.isSubdomain(String(parts[0]))
    }
}
