import Testing
@testable import TrafficCore

/// For every Gateway API rule: a manifest that breaks it, which must report the CRD's message as
/// a rule violation, and a close one that keeps it, which must validate without any error. The
/// cases were checked against the CRDs' own CEL with `shared/tools/kube-conform` (except the
/// IPAddress format, which it does not check).
@Suite struct GatewayAPIRulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var kind: String
        /// Nil for a rule that cannot fail on create (a transition rule).
        var message: String?
        var failing: String?
        var passing: String

        init(_ rule: String, _ kind: String, _ message: String?, failing: String?, passing: String) {
            self.rule = rule
            self.kind = kind
            self.message = message
            self.failing = failing
            self.passing = passing
        }

        var testDescription: String { "\(rule): \(message ?? "never on create")" }
    }

    static let apiVersions: [String: String] = ["HTTPRoute": "v1", "GRPCRoute": "v1", "Gateway": "v1", "GatewayClass": "v1", "BackendTLSPolicy": "v1", "TCPRoute": "v1alpha2"]

    /// A one-object manifest; `spec` is YAML for the lines below `spec:`.
    static func manifest(_ kind: String, spec: String) -> String {
        let version = apiVersions[kind] ?? "v1"
        return "apiVersion: gateway.networking.k8s.io/\(version)\nkind: \(kind)\nmetadata: {name: t}\nspec:\n  \(spec)\n"
    }

    static func findings(_ kind: String, spec: String) -> [Finding] {
        let yaml = manifest(kind, spec: spec)
        return ManifestValidator(analyzers: []).validate(bytes: Array(yaml.utf8), source: "t.yaml").findings
    }

    static let cases: [Case] = [
        Case(
            "GatewayAPI.backendRefPort", "HTTPRoute", "Must have port for Service reference",
            failing: "rules: [{backendRefs: [{name: s}]}]",
            passing: "rules: [{backendRefs: [{name: s, port: 80}, {name: b, group: example.com, kind: Bucket}]}]"),
        Case(
            "GatewayAPI.parentRefs", "HTTPRoute", "sectionName or port must be specified when parentRefs includes 2 or more references to the same parent",
            failing: "parentRefs: [{name: g, sectionName: a}, {name: g}]",
            passing: "parentRefs: [{name: g, sectionName: a}, {name: g, sectionName: b}, {name: g, namespace: other}]"),
        Case(
            "GatewayAPI.parentRefs", "TCPRoute", "sectionName or port must be unique when parentRefs includes 2 or more references to the same parent",
            failing: "parentRefs: [{name: g, port: 80}, {name: g, port: 80}]\n  rules: [{backendRefs: [{name: s, port: 80}]}]",
            passing: "parentRefs: [{name: g, port: 80}, {name: g, port: 81}]\n  rules: [{backendRefs: [{name: s, port: 80}]}]"),
        Case(
            "GatewayAPI.uniqueRuleNames", "HTTPRoute", "Rule name must be unique within the route",
            failing: "rules: [{name: a}, {name: a}]",
            passing: "rules: [{name: a}, {name: b}, {}]"),
        Case(
            "GatewayAPI.mirrorPercentOrFraction", "HTTPRoute", "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter",
            failing: "rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s, port: 80}, percent: 10, fraction: {numerator: 1}}}]}]",
            passing: "rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s, port: 80}, percent: 10}}]}]"),
        Case(
            "GatewayAPI.fraction", "GRPCRoute", "numerator must be less than or equal to denominator",
            failing: "rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s, port: 80}, fraction: {numerator: 101}}}]}]",
            passing: "rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: s, port: 80}, fraction: {numerator: 100}}}]}]"),
        Case(
            "GatewayAPI.sessionPersistence", "HTTPRoute", "AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",
            failing: "rules: [{sessionPersistence: {cookieConfig: {lifetimeType: Permanent}}}]",
            passing: "rules: [{sessionPersistence: {absoluteTimeout: 1h, cookieConfig: {lifetimeType: Permanent}}}]"),
        Case(
            "Gateway.listenerTLS", "Gateway", "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: cert}]}}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}]"),
        Case(
            "Gateway.listenerTLS", "Gateway", "tls mode must be Terminate for protocol HTTPS",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 443, protocol: TLS, tls: {mode: Passthrough}}]"),
        Case(
            "Gateway.listenerHostname", "Gateway", "hostname must not be specified for protocols ['TCP', 'UDP']",
            failing: "gatewayClassName: c\n  listeners: [{name: db, port: 5432, protocol: TCP, hostname: db.example.com}]",
            passing: "gatewayClassName: c\n  listeners: [{name: db, port: 5432, protocol: TCP}]"),
        Case(
            "Gateway.uniqueListenerNames", "Gateway", "Listener name must be unique within the Gateway",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}, {name: web, port: 81, protocol: HTTP}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}, {name: alt, port: 81, protocol: HTTP}]"),
        Case(
            "Gateway.uniqueListenerEndpoints", "Gateway", "Combination of port, protocol and hostname must be unique for each listener",
            failing: "gatewayClassName: c\n  listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP}]",
            passing: "gatewayClassName: c\n  listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP, hostname: b.example.com}]"),
        Case(
            "Gateway.tlsCertificates", "Gateway", "certificateRefs or options must be specified when mode is Terminate",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 443, protocol: HTTPS, tls: {certificateRefs: [], options: {}}}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}, {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}]"),
        Case(
            "Gateway.uniqueTLSPorts", "Gateway", "Port for TLS configuration must be unique within the Gateway",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  tls: {frontend: {default: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}}, perPort: [{port: 443, tls: {}}, {port: 443, tls: {}}]}}",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  tls: {frontend: {default: {validation: {caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}}, perPort: [{port: 443, tls: {}}, {port: 8443, tls: {}}]}}"),
        Case(
            "Gateway.uniqueAddresses", "Gateway", "IPAddress values must be unique",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{value: 10.0.0.1}, {type: IPAddress, value: 10.0.0.1}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{value: 10.0.0.1}, {value: 10.0.0.2}, {type: Hostname, value: 10.0.0.1}]"),
        Case(
            "Gateway.uniqueAddresses", "Gateway", "Hostname values must be unique",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: a.example.com}, {type: Hostname, value: a.example.com}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: a.example.com}, {type: Hostname, value: b.example.com}]"),
        Case(
            "Gateway.addressValue", "Gateway", #"Hostname value must be empty or contain only valid characters (matching ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)"#,
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: 'foo.com:80'}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: '*.foo.com'}, {type: example.com/custom, value: anything goes}]"),
        Case(
            "Gateway.addressValue", "Gateway", #"value "1.1.1" must be an IPv4 or IPv6 address when type is IPAddress"#,
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{value: 1.1.1}]",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  addresses: [{value: 1.1.1.1}, {value: '2001:db8::1'}, {value: '::ffff:10.0.0.1'}]"),
        Case(
            "Gateway.infrastructureLabelKeys", "Gateway", "Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  infrastructure: {labels: {-team: a}}",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  infrastructure: {labels: {example.com/team: a}}"),
        Case(
            "Gateway.infrastructureAnnotationKeys", "Gateway", "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.",
            failing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  infrastructure: {annotations: {aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/note: a}}",
            passing: "gatewayClassName: c\n  listeners: [{name: web, port: 80, protocol: HTTP}]\n  infrastructure: {annotations: {aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/note: a}}"),
        Case(
            "GatewayClass.controllerNameImmutable", "GatewayClass", nil,
            failing: nil,
            passing: "controllerName: example.com/gateway-controller"),
        Case(
            "HTTPRoute.filterFields", "HTTPRoute", "filter.requestRedirect must be nil if the filter.type is not RequestRedirect",
            failing: "rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x]}, requestRedirect: {port: 8080}}]}]",
            passing: "rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x]}}]}]"),
        Case(
            "HTTPRoute.filterFields", "HTTPRoute", "filter.cors must be specified for CORS filter.type",
            failing: "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: CORS}]}]}]",
            passing: "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: CORS, cors: {allowOrigins: ['*']}}]}]}]"),
        Case(
            "HTTPRoute.filterRepeats", "HTTPRoute", "ResponseHeaderModifier filter cannot be repeated",
            failing: "rules: [{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [x]}}, {type: ResponseHeaderModifier, responseHeaderModifier: {remove: [z]}}]}]",
            passing: "rules: [{filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {remove: [x, z]}}, {type: RequestHeaderModifier, requestHeaderModifier: {remove: [z]}}]}]"),
        Case(
            "HTTPRoute.filterRepeats", "HTTPRoute", "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both",
            failing: "rules: [{filters: [{type: RequestRedirect, requestRedirect: {port: 8443}}, {type: URLRewrite, urlRewrite: {hostname: a.example.com}}]}]",
            passing: "rules: [{filters: [{type: URLRewrite, urlRewrite: {hostname: a.example.com}}]}]"),
        Case(
            "HTTPRoute.redirectWithoutBackendRefs", "HTTPRoute", "RequestRedirect filter must not be used together with backendRefs",
            failing: "rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}], backendRefs: [{name: s, port: 80}]}]",
            passing: "rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]"),
        Case(
            "HTTPRoute.replacePrefixMatch", "HTTPRoute", "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
            failing: "rules: [{matches: [{path: {type: Exact, value: /old}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]}]",
            passing: "rules: [{matches: [{path: {value: /old}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]}]"),
        Case(
            "HTTPRoute.replacePrefixMatch", "HTTPRoute", "Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified",
            failing: "rules: [{matches: [{path: {value: /a}}, {path: {value: /b}}], backendRefs: [{name: s, port: 80, filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]}]}]",
            passing: "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}}]}]}]"),
        Case(
            "HTTPRoute.totalMatches", "HTTPRoute", "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",
            failing: "rules: [{matches: \(repeatedMatches(64))}, {matches: \(repeatedMatches(64))}, {}]",
            passing: "rules: [{matches: \(repeatedMatches(64))}, {matches: \(repeatedMatches(63))}, {}]"),
        Case(
            "HTTPRoute.pathMatch", "HTTPRoute", "must not contain '//' when type one of ['Exact', 'PathPrefix']",
            failing: "rules: [{matches: [{path: {type: Exact, value: /a//b}}]}]",
            passing: "rules: [{matches: [{path: {type: RegularExpression, value: /a//b}}]}]"),
        Case(
            "HTTPRoute.pathMatch", "HTTPRoute", "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
            failing: "rules: [{matches: [{path: {value: a}}]}]",
            passing: "rules: [{matches: [{path: {type: Exact}}]}]"),
        Case(
            "HTTPRoute.pathModifier", "HTTPRoute", "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
            failing: "rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replacePrefixMatch: /x}}}]}]",
            passing: "rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /x}}}]}]"),
        Case(
            "HTTPRoute.timeouts", "HTTPRoute", "backendRequest timeout cannot be longer than request timeout",
            failing: "rules: [{timeouts: {request: 1s, backendRequest: 1m}}]",
            passing: "rules: [{timeouts: {request: 1m30s, backendRequest: 90s}}, {timeouts: {request: 0s, backendRequest: 1h}}]"),
        Case(
            "HTTPRoute.corsAllowOrigins", "HTTPRoute", "AllowOrigins cannot contain '*' alongside other origins",
            failing: "rules: [{filters: [{type: CORS, cors: {allowOrigins: ['*', 'https://a.example.com']}}]}]",
            passing: "rules: [{filters: [{type: CORS, cors: {allowOrigins: ['https://a.example.com', 'https://b.example.com']}}]}]"),
        Case(
            "HTTPRoute.corsAllowMethods", "HTTPRoute", "AllowMethods cannot contain '*' alongside other methods",
            failing: "rules: [{filters: [{type: CORS, cors: {allowMethods: ['*', GET]}}]}]",
            passing: "rules: [{filters: [{type: CORS, cors: {allowMethods: ['*']}}]}]"),
        Case(
            "HTTPRoute.externalAuthProtocol", "HTTPRoute", "http must be specified when protocol is set to 'HTTP'",
            failing: "rules: [{filters: [{type: ExternalAuth, externalAuth: {protocol: HTTP, backendRef: {name: s, port: 80}}}]}]",
            passing: "rules: [{filters: [{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {path: /auth}, backendRef: {name: s, port: 80}}}]}]"),
        Case(
            "HTTPRoute.externalAuthProtocol", "HTTPRoute", "protocol must be 'GRPC' when grpc is set",
            failing: "rules: [{filters: [{type: ExternalAuth, externalAuth: {protocol: HTTP, http: {}, grpc: {}, backendRef: {name: s, port: 80}}}]}]",
            passing: "rules: [{filters: [{type: ExternalAuth, externalAuth: {protocol: GRPC, grpc: {}, backendRef: {name: s, port: 80}}}]}]"),
        Case(
            "GRPCRoute.filterFields", "GRPCRoute", "filter.extensionRef must be specified for ExtensionRef filter.type",
            failing: "rules: [{filters: [{type: ExtensionRef}]}]",
            passing: "rules: [{filters: [{type: ExtensionRef, extensionRef: {group: example.com, kind: Auth, name: a}}]}]"),
        Case(
            "GRPCRoute.filterRepeats", "GRPCRoute", "RequestHeaderModifier filter cannot be repeated",
            failing: "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x]}}, {type: RequestHeaderModifier, requestHeaderModifier: {remove: [z]}}]}]}]",
            passing: "rules: [{backendRefs: [{name: s, port: 80, filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [x, z]}}]}]}]"),
        Case(
            "GRPCRoute.totalMatches", "GRPCRoute", "While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",
            failing: "rules: [{matches: \(repeatedMatches(64))}, {matches: \(repeatedMatches(64))}, {matches: [{}]}]",
            passing: "rules: [{matches: \(repeatedMatches(64))}, {matches: \(repeatedMatches(64))}, {}]"),
        Case(
            "GRPCRoute.methodMatch", "GRPCRoute", "One or both of 'service' or 'method' must be specified",
            failing: "rules: [{matches: [{method: {type: Exact}}]}]",
            passing: "rules: [{matches: [{method: {method: Get}}]}]"),
        Case(
            "GRPCRoute.methodMatch", "GRPCRoute", #"service must only contain valid characters (matching ^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$)"#,
            failing: "rules: [{matches: [{method: {service: foo/bar}}]}]",
            passing: "rules: [{matches: [{method: {service: Foo.Bar_v1}}, {method: {type: RegularExpression, service: 'foo/.*'}}]}]"),
        Case(
            "BackendTLSPolicy.targetRefs", "BackendTLSPolicy", "sectionName must be unique when targetRefs includes 2 or more references to the same target",
            failing: "targetRefs: [{group: '', kind: Service, name: s, sectionName: https}, {group: '', kind: Service, name: s, sectionName: https}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System}",
            passing: "targetRefs: [{group: '', kind: Service, name: s, sectionName: https}, {group: '', kind: Service, name: s, sectionName: grpc}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System}"),
        Case(
            "BackendTLSPolicy.targetRefs", "BackendTLSPolicy", "sectionName must be specified when targetRefs includes 2 or more references to the same target",
            failing: "targetRefs: [{group: '', kind: Service, name: s, sectionName: https}, {group: '', kind: Service, name: s}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System}",
            passing: "targetRefs: [{group: '', kind: Service, name: s}, {group: '', kind: Service, name: t}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System}"),
        Case(
            "BackendTLSPolicy.caCertificates", "BackendTLSPolicy", "must specify either CACertificateRefs or WellKnownCACertificates",
            failing: "targetRefs: [{group: '', kind: Service, name: s}]\n  validation: {hostname: s.example.com}",
            passing: "targetRefs: [{group: '', kind: Service, name: s}]\n  validation: {hostname: s.example.com, caCertificateRefs: [{group: '', kind: ConfigMap, name: ca}]}"),
        Case(
            "BackendTLSPolicy.subjectAltName", "BackendTLSPolicy", "SubjectAltName element must contain URI, if Type is set to URI",
            failing: "targetRefs: [{group: '', kind: Service, name: s}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI}]}",
            passing: "targetRefs: [{group: '', kind: Service, name: s}]\n  validation: {hostname: s.example.com, wellKnownCACertificates: System, subjectAltNames: [{type: URI, uri: 'spiffe://cluster.local/ns/a/sa/b'}]}"),
    ]

    @Test(arguments: cases)
    func failingManifestReportsTheCRDMessage(_ testCase: Case) {
        guard let failing = testCase.failing, let message = testCase.message else { return }
        let findings = Self.findings(testCase.kind, spec: failing)
        #expect(
            findings.contains { $0.code == "TS2001" && $0.severity == .error && $0.message == message },
            "\(findings.map { "\($0.code) \($0.path): \($0.message)" })")
    }

    @Test(arguments: cases)
    func passingManifestHasNoErrors(_ testCase: Case) {
        let errors = Self.findings(testCase.kind, spec: testCase.passing).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.path): \($0.message)" })")
    }

    @Test func everyRuleHasACase() {
        #expect(Set(Self.cases.map(\.rule)) == Set(GatewayAPIRules.rules.map(\.id)))
    }
}

/// `[{}, {}, …]`: `count` match entries in YAML flow style.
private func repeatedMatches(_ count: Int) -> String {
    "[" + Array(repeating: "{}", count: count).joined(separator: ", ") + "]"
}
