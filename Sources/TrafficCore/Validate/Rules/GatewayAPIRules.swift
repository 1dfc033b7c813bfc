/// The CEL rules of the GatewayAPI CRDs, as Swift checks with the CRDs' messages.
enum GatewayAPIRules {
    static let rules: [SchemaRule] = shared + gateway + httpRoute + grpcRoute + backendTLSPolicy
}

private typealias Support = GatewayAPIRuleSupport

// MARK: - Rules shared by several kinds

extension GatewayAPIRules {
    static let shared: [SchemaRule] = [
        // On every backend reference: `group` defaults to "" (core) and `kind` to Service.
        SchemaRule("GatewayAPI.backendRefPort") { reference in
            let group = reference.string(at: "group", default: "")
            let kind = reference.string(at: "kind", default: "Service")
            guard group == "", kind == "Service", !reference.has("port") else { return [] }
            return [RuleViolation("Must have port for Service reference")]
        },
        SchemaRule("GatewayAPI.parentRefs") { parentRefs in
            parentRefsViolations(parentRefs.items ?? [])
        },
        SchemaRule("GatewayAPI.uniqueRuleNames") { rules in
            let names = (rules.items ?? []).compactMap { $0["name"]?.string }
            guard Set(names).count < names.count else { return [] }
            return [RuleViolation("Rule name must be unique within the route")]
        },
        SchemaRule("GatewayAPI.mirrorPercentOrFraction") { mirror in
            guard mirror.has("percent"), mirror.has("fraction") else { return [] }
            return [RuleViolation("Only one of percent or fraction may be specified in HTTPRequestMirrorFilter")]
        },
        SchemaRule("GatewayAPI.fraction") { fraction in
            guard let numerator = fraction["numerator"]?.integer else { return [] }
            let denominator = fraction.has("denominator") ? fraction["denominator"]?.integer : 100
            guard let denominator, numerator > denominator else { return [] }
            return [RuleViolation("numerator must be less than or equal to denominator")]
        },
        SchemaRule("GatewayAPI.sessionPersistence") { persistence in
            guard persistence["cookieConfig"]?["lifetimeType"]?.string == "Permanent", !persistence.has("absoluteTimeout") else {
                return []
            }
            return [RuleViolation("AbsoluteTimeout must be specified when cookie lifetimeType is Permanent")]
        },
    ]

    /// Two references to the same parent must both name a section (or port), and name different ones.
    private static func parentRefsViolations(_ references: [SourceNode]) -> [RuleViolation] {
        let parents = references.map(Support.Parent.init)
        var unspecified = false
        var duplicated = false
        for (first, firstParent) in zip(references, parents) {
            guard let firstParent else { continue }
            var sameTarget = 0
            for (second, secondParent) in zip(references, parents) where secondParent == firstParent {
                if (Support.sectionName(first) == nil) != (Support.sectionName(second) == nil)
                    || (Support.port(first) == nil) != (Support.port(second) == nil)
                {
                    unspecified = true
                }
                if Support.sectionName(first) == Support.sectionName(second), Support.port(first) == Support.port(second) {
                    sameTarget += 1
                }
            }
            if sameTarget != 1 { duplicated = true }
        }
        var violations: [RuleViolation] = []
        if unspecified {
            violations.append(RuleViolation(
                "sectionName or port must be specified when parentRefs includes 2 or more references to the same parent"))
        }
        if duplicated {
            violations.append(RuleViolation(
                "sectionName or port must be unique when parentRefs includes 2 or more references to the same parent"))
        }
        return violations
    }
}

// MARK: - Gateway and GatewayClass

extension GatewayAPIRules {
    static let gateway: [SchemaRule] = [
        SchemaRule("Gateway.listenerTLS") { listeners in
            let items = listeners.items ?? []
            var violations: [RuleViolation] = []
            if items.contains(where: { ["HTTP", "TCP", "UDP"].contains($0["protocol"]?.string ?? "") && $0.has("tls") }) {
                violations.append(RuleViolation("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']"))
            }
            let nonTerminatingHTTPS = items.contains { listener in
                guard listener["protocol"]?.string == "HTTPS", let tls = listener["tls"], !tls.isNull else { return false }
                let mode = tls.string(at: "mode", default: "Terminate")
                return mode != "" && mode != "Terminate"
            }
            if nonTerminatingHTTPS { violations.append(RuleViolation("tls mode must be Terminate for protocol HTTPS")) }
            return violations
        },
        SchemaRule("Gateway.listenerHostname") { listeners in
            let hostnameOnL4 = (listeners.items ?? []).contains {
                ["TCP", "UDP"].contains($0["protocol"]?.string ?? "") && !Support.isUnset($0, "hostname")
            }
            return hostnameOnL4 ? [RuleViolation("hostname must not be specified for protocols ['TCP', 'UDP']")] : []
        },
        SchemaRule("Gateway.uniqueListenerNames") { listeners in
            let names = (listeners.items ?? []).compactMap { $0["name"]?.string }
            return Set(names).count < names.count ? [RuleViolation("Listener name must be unique within the Gateway")] : []
        },
        SchemaRule("Gateway.uniqueListenerEndpoints") { listeners in
            struct Endpoint: Hashable {
                var port: Int64
                var protocolName: String
                var hostname: String?
            }
            // A listener without port or protocol is reported as incomplete by the schema.
            let endpoints = (listeners.items ?? []).compactMap { listener -> Endpoint? in
                guard let port = listener["port"]?.integer, let protocolName = listener["protocol"]?.string else { return nil }
                let hostname = listener.has("hostname") ? listener["hostname"]?.string : nil
                return Endpoint(port: port, protocolName: protocolName, hostname: hostname)
            }
            guard Set(endpoints).count < endpoints.count else { return [] }
            return [RuleViolation("Combination of port, protocol and hostname must be unique for each listener")]
        },
        SchemaRule("Gateway.tlsCertificates") { tls in
            guard tls.string(at: "mode", default: "Terminate") == "Terminate" else { return [] }
            let hasOptions = !(tls["options"]?.entries?.isEmpty ?? true)
            guard !tls.hasItems("certificateRefs"), !hasOptions else { return [] }
            return [RuleViolation("certificateRefs or options must be specified when mode is Terminate")]
        },
        SchemaRule("Gateway.uniqueTLSPorts") { perPort in
            let ports = (perPort.items ?? []).compactMap { $0["port"]?.integer }
            return Set(ports).count < ports.count ? [RuleViolation("Port for TLS configuration must be unique within the Gateway")] : []
        },
        SchemaRule("Gateway.uniqueAddresses") { addresses in
            let items = addresses.items ?? []
            func valuesRepeat(ofType type: String) -> Bool {
                let values = items.filter { $0.string(at: "type", default: "IPAddress") == type }.compactMap { $0["value"]?.string }
                return Set(values).count < values.count
            }
            var violations: [RuleViolation] = []
            if valuesRepeat(ofType: "IPAddress") { violations.append(RuleViolation("IPAddress values must be unique")) }
            if valuesRepeat(ofType: "Hostname") { violations.append(RuleViolation("Hostname values must be unique")) }
            return violations
        },
        // The CEL rule on Hostname values, and the CRD's `oneOf` that makes an IPAddress value an IP.
        SchemaRule("Gateway.addressValue") { address in
            guard let value = address["value"]?.string else { return [] }
            switch address.string(at: "type", default: "IPAddress") ?? "" {
            case "Hostname" where !hostname.matches(value):
                return [RuleViolation(
                    #"Hostname value must be empty or contain only valid characters (matching ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)"#)]
            case "IPAddress" where !isIPAddress(value):
                return [RuleViolation("value \"\(value)\" must be an IPv4 or IPv6 address when type is IPAddress", at: ["value"])]
            default:
                return []
            }
        },
        SchemaRule("Gateway.infrastructureLabelKeys") { labels in
            keyViolations(
                labels,
                form: "Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",
                prefix: "If specified, the label key's prefix must be a DNS subdomain not longer than 253 characters in total.")
        },
        SchemaRule("Gateway.infrastructureAnnotationKeys") { annotations in
            keyViolations(
                annotations,
                form: "Annotation keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",
                prefix: "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.")
        },
        // `self == oldSelf` compares with the stored object, so it only applies on update.
        SchemaRule("GatewayClass.controllerNameImmutable") { _ in [] },
    ]

    private static let hostname = SchemaPattern(#"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#)
    private static let qualifiedKey = SchemaPattern(
        #"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$"#)

    private static func keyViolations(_ map: SourceNode, form: String, prefix: String) -> [RuleViolation] {
        let keys = (map.entries ?? []).map(\.key)
        var violations: [RuleViolation] = []
        if !keys.allSatisfy(qualifiedKey.matches) { violations.append(RuleViolation(form)) }
        let longPrefix = keys.contains { key in
            (key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first?.unicodeScalars.count ?? 0) >= 253
        }
        if longPrefix { violations.append(RuleViolation(prefix)) }
        return violations
    }

    /// What OpenAPI's `ipv4` and `ipv6` formats accept.
    private static func isIPAddress(_ text: String) -> Bool {
        if text.contains(":") { return IPv6Text.isValid(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else { return false }
            return value <= 255 && (part.count == 1 || part.first != "0")
        }
    }
}

/// IPv6 text forms (RFC 4291 §2.2), with an optional embedded IPv4 tail.
private enum IPv6Text {
    static func isValid(_ text: String) -> Bool {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            var parts = half.split(separator: ":", omittingEmptySubsequences: false)
            if index == halves.count - 1, let last = parts.last, last.contains(".") {
                let octets = last.split(separator: ".", omittingEmptySubsequences: false)
                guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
                parts.removeLast()
                groups += 2
            }
            for part in parts {
                guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                groups += 1
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }
}

// MARK: - HTTPRoute

extension GatewayAPIRules {
    static let httpRouteFilterFields: [(field: String, type: String)] = [
        ("requestHeaderModifier", "RequestHeaderModifier"), ("responseHeaderModifier", "ResponseHeaderModifier"),
        ("requestMirror", "RequestMirror"), ("requestRedirect", "RequestRedirect"), ("urlRewrite", "URLRewrite"),
        ("extensionRef", "ExtensionRef"), ("cors", "CORS"), ("externalAuth", "ExternalAuth"),
    ]

    static let httpRoute: [SchemaRule] = [
        SchemaRule("HTTPRoute.filterFields") { filter in
            Support.filterFieldViolations(filter, fields: httpRouteFilterFields)
        },
        SchemaRule("HTTPRoute.filterRepeats") { filters in
            var violations: [RuleViolation] = []
            if Support.count(ofType: "RequestRedirect", in: filters) > 0, Support.count(ofType: "URLRewrite", in: filters) > 0 {
                violations.append(RuleViolation(
                    "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"))
            }
            return violations + Support.repeatedFilterViolations(
                filters, types: ["RequestHeaderModifier", "ResponseHeaderModifier", "RequestRedirect", "URLRewrite"])
        },
        SchemaRule("HTTPRoute.redirectWithoutBackendRefs") { rule in
            let redirects = Support.items(rule, "filters").contains { $0.has("requestRedirect") }
            guard redirects, rule.hasItems("backendRefs") else { return [] }
            return [RuleViolation("RequestRedirect filter must not be used together with backendRefs")]
        },
        SchemaRule("HTTPRoute.replacePrefixMatch") { rule in
            replacePrefixMatchViolations(rule)
        },
        SchemaRule("HTTPRoute.totalMatches") { rules in
            // An absent `matches` defaults to one match (PathPrefix "/").
            let total = (rules.items ?? []).reduce(0) { $0 + ($1.has("matches") ? ($1["matches"]?.items?.count ?? 0) : 1) }
            return total > 128 ? [RuleViolation(tooManyMatches)] : []
        },
        SchemaRule("HTTPRoute.pathMatch") { path in
            pathMatchViolations(path)
        },
        SchemaRule("HTTPRoute.pathModifier") { path in
            guard let type = path["type"]?.string else { return [] }
            var violations: [RuleViolation] = []
            for (field, fieldType) in [("replaceFullPath", "ReplaceFullPath"), ("replacePrefixMatch", "ReplacePrefixMatch")] {
                if type == fieldType, !path.has(field) {
                    violations.append(RuleViolation("\(field) must be specified when type is set to '\(fieldType)'"))
                }
                if path.has(field), type != fieldType {
                    violations.append(RuleViolation("type must be '\(fieldType)' when \(field) is set"))
                }
            }
            return violations
        },
        SchemaRule("HTTPRoute.timeouts") { timeouts in
            guard let request = timeouts["request"]?.string.flatMap(GatewayDuration.milliseconds),
                let backendRequest = timeouts["backendRequest"]?.string.flatMap(GatewayDuration.milliseconds),
                request != 0, backendRequest > request
            else { return [] }
            return [RuleViolation("backendRequest timeout cannot be longer than request timeout")]
        },
        SchemaRule("HTTPRoute.corsAllowOrigins") { origins in
            wildcardAlongsideOthers(origins) ? [RuleViolation("AllowOrigins cannot contain '*' alongside other origins")] : []
        },
        SchemaRule("HTTPRoute.corsAllowMethods") { methods in
            wildcardAlongsideOthers(methods) ? [RuleViolation("AllowMethods cannot contain '*' alongside other methods")] : []
        },
        SchemaRule("HTTPRoute.externalAuthProtocol") { auth in
            guard let protocolName = auth["protocol"]?.string else { return [] }
            var violations: [RuleViolation] = []
            for (field, value) in [("grpc", "GRPC"), ("http", "HTTP")] {
                if protocolName == value, !auth.has(field) {
                    violations.append(RuleViolation("\(field) must be specified when protocol is set to '\(value)'"))
                }
                if auth.has(field), protocolName != value {
                    violations.append(RuleViolation("protocol must be '\(value)' when \(field) is set"))
                }
            }
            return violations
        },
    ]

    static let tooManyMatches =
        "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128"

    private static func wildcardAlongsideOthers(_ list: SourceNode) -> Bool {
        let items = list.items ?? []
        return items.count > 1 && items.contains { $0.string == "*" }
    }

    private static let pathCharacters = SchemaPattern(#"^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$"#)

    /// The CRD's rules on `matches[].path`, in its order; `type` defaults to PathPrefix and
    /// `value` to "/".
    private static func pathMatchViolations(_ path: SourceNode) -> [RuleViolation] {
        let type = path.string(at: "type", default: "PathPrefix") ?? ""
        let value = path.string(at: "value", default: "/") ?? ""
        var violations: [RuleViolation] = []
        if ["Exact", "PathPrefix"].contains(type) {
            let forTypes = "when type one of ['Exact', 'PathPrefix']"
            if !value.hasPrefix("/") { violations.append(RuleViolation("value must be an absolute path and start with '/' \(forTypes)")) }
            for fragment in ["//", "/./", "/../", "%2f", "%2F", "#"] where value.contains(fragment) {
                violations.append(RuleViolation("must not contain '\(fragment)' \(forTypes)"))
            }
            for suffix in ["/..", "/."] where value.hasSuffix(suffix) {
                violations.append(RuleViolation("must not end with '\(suffix)' \(forTypes)"))
            }
        } else if type != "RegularExpression" {
            violations.append(RuleViolation("type must be one of ['Exact', 'PathPrefix', 'RegularExpression']"))
        }
        if ["Exact", "PathPrefix"].contains(type), !pathCharacters.matches(value) {
            violations.append(RuleViolation(
                #"must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']"#))
        }
        return violations
    }

    /// A `replacePrefixMatch` rewrite needs the rule to match exactly one path prefix; the CEL
    /// counts the filters with `exists_one`, so two such filters slip through, as here.
    private static func replacePrefixMatchViolations(_ rule: SourceNode) -> [RuleViolation] {
        func rewritesPrefix(_ filter: SourceNode, _ field: String) -> Bool {
            guard let path = filter[field]?["path"] else { return false }
            return path["type"]?.string == "ReplacePrefixMatch" && path.has("replacePrefixMatch")
        }
        func exactlyOneFilter(_ filters: [SourceNode], _ field: String) -> Bool {
            filters.filter { rewritesPrefix($0, field) }.count == 1
        }
        func exactlyOneBackend(_ field: String) -> Bool {
            Support.items(rule, "backendRefs").filter { exactlyOneFilter(Support.items($0, "filters"), field) }.count == 1
        }
        // After defaulting, an absent `matches` or `path` is one PathPrefix match.
        let matches = rule.has("matches") ? Support.items(rule, "matches") : [SourceNode(.mapping([]))]
        let onePrefixMatch = matches.count == 1
            && (matches[0]["path"].map { $0.string(at: "type", default: "PathPrefix") == "PathPrefix" } ?? true)
        guard !onePrefixMatch else { return [] }
        let filters = Support.items(rule, "filters")
        var violations: [RuleViolation] = []
        if exactlyOneFilter(filters, "requestRedirect") {
            violations.append(RuleViolation(
                "When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"))
        }
        if exactlyOneFilter(filters, "urlRewrite") {
            violations.append(RuleViolation(
                "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"))
        }
        if exactlyOneBackend("requestRedirect") {
            violations.append(RuleViolation(
                "Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"))
        }
        if exactlyOneBackend("urlRewrite") {
            violations.append(RuleViolation(
                "Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"))
        }
        return violations
    }
}

// MARK: - GRPCRoute

extension GatewayAPIRules {
    static let grpcRoute: [SchemaRule] = [
        SchemaRule("GRPCRoute.filterFields") { filter in
            Support.filterFieldViolations(filter, fields: [
                ("requestHeaderModifier", "RequestHeaderModifier"), ("responseHeaderModifier", "ResponseHeaderModifier"),
                ("requestMirror", "RequestMirror"), ("extensionRef", "ExtensionRef"),
            ])
        },
        SchemaRule("GRPCRoute.filterRepeats") { filters in
            Support.repeatedFilterViolations(filters, types: ["RequestHeaderModifier", "ResponseHeaderModifier"])
        },
        SchemaRule("GRPCRoute.totalMatches") { rules in
            // Unlike HTTPRoute, GRPCRoute has no default match: an absent `matches` counts 0.
            let total = (rules.items ?? []).reduce(0) { $0 + ($1["matches"]?.items?.count ?? 0) }
            return total > 128 ? [RuleViolation(tooManyMatches)] : []
        },
        SchemaRule("GRPCRoute.methodMatch") { method in
            // `type` defaults to Exact, so the first rule always applies.
            var violations: [RuleViolation] = []
            if !method.has("service"), !method.has("method") {
                violations.append(RuleViolation("One or both of 'service' or 'method' must be specified"))
            }
            guard method.string(at: "type", default: "Exact") == "Exact" else { return violations }
            if let service = method["service"]?.string, !grpcService.matches(service) {
                violations.append(RuleViolation(
                    #"service must only contain valid characters (matching ^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$)"#))
            }
            if let name = method["method"]?.string, !grpcMethod.matches(name) {
                violations.append(RuleViolation("method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)"))
            }
            return violations
        },
    ]

    private static let grpcService = SchemaPattern(#"^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$"#)
    private static let grpcMethod = SchemaPattern("^[A-Za-z_][A-Za-z_0-9]*$")
}

// MARK: - BackendTLSPolicy

extension GatewayAPIRules {
    static let backendTLSPolicy: [SchemaRule] = [
        SchemaRule("BackendTLSPolicy.targetRefs") { targetRefs in
            struct Target: Hashable {
                var group: String
                var kind: String
                var name: String
            }
            // A reference without group, kind or name is reported as incomplete by the schema.
            let references = (targetRefs.items ?? []).filter { $0.has("group") && $0.has("kind") && $0.has("name") }
            let targets = references.map {
                Target(group: $0["group"]?.string ?? "", kind: $0["kind"]?.string ?? "", name: $0["name"]?.string ?? "")
            }
            var unspecified = false
            var duplicated = false
            for (first, target) in zip(references, targets) {
                let sameTarget = zip(references, targets).filter { $0.1 == target }.map(\.0)
                if sameTarget.contains(where: { Support.isUnset($0, "sectionName") != Support.isUnset(first, "sectionName") }) {
                    unspecified = true
                }
                if sameTarget.filter({ Support.sectionName($0) == Support.sectionName(first) }).count != 1 { duplicated = true }
            }
            var violations: [RuleViolation] = []
            if unspecified {
                violations.append(RuleViolation(
                    "sectionName must be specified when targetRefs includes 2 or more references to the same target"))
            }
            if duplicated {
                violations.append(RuleViolation(
                    "sectionName must be unique when targetRefs includes 2 or more references to the same target"))
            }
            return violations
        },
        SchemaRule("BackendTLSPolicy.caCertificates") { validation in
            let hasRefs = validation.hasItems("caCertificateRefs")
            let hasWellKnown = !Support.isUnset(validation, "wellKnownCACertificates")
            if hasRefs, hasWellKnown { return [RuleViolation("must not contain both CACertificateRefs and WellKnownCACertificates")] }
            if !hasRefs, !hasWellKnown { return [RuleViolation("must specify either CACertificateRefs or WellKnownCACertificates")] }
            return []
        },
        SchemaRule("BackendTLSPolicy.subjectAltName") { name in
            guard let type = name["type"]?.string else { return [] }
            var violations: [RuleViolation] = []
            for (field, fieldType) in [("hostname", "Hostname"), ("uri", "URI")] {
                if type == fieldType, Support.isUnset(name, field) {
                    violations.append(RuleViolation("SubjectAltName element must contain \(fieldType), if Type is set to \(fieldType)"))
                }
                if type != fieldType, !Support.isUnset(name, field) {
                    violations.append(RuleViolation("SubjectAltName element must not contain \(fieldType), if Type is not set to \(fieldType)"))
                }
            }
            return violations
        },
    ]
}
