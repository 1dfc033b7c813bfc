/// `spec.rateLimit.{local|global}.rules` of the BackendTrafficPolicy.
///
/// The traps, and how they are avoided:
/// - per-user buckets are a `type: Distinct` header selector *without* `value` (`value: "*"`
///   would match only the literal text `*`);
/// - "anonymous" means the header is absent: Envoy Gateway turns `invert: true` into
///   `expect_match: false`, so the selector is `RegularExpression` `.*` inverted — it matches
///   exactly the requests where the header does not match anything, i.e. is missing.
///   (`Distinct` + `invert` and `Exact` without a value are rejected by the controller.)
struct RateLimitRulesBuilder {
    let spec: TrafficSpec
    let rateLimit: RateLimitSpec

    /// The header that identifies a user: given directly, or the header a JWT claim is copied into.
    var userHeader: String? {
        guard let perUser = rateLimit.perUser else { return nil }
        if let header = perUser.header { return header }
        guard let claim = perUser.claim else { return nil }
        return ClaimHeaders.header(for: claim, in: spec)
    }

    var isGlobal: Bool { rateLimit.mode == "global" }

    func build() -> JSONValue {
        var rules: [JSONValue] = []
        if let perUser = rateLimit.perUser, let header = userHeader {
            rules.append(rule(
                selectors: [object(("headers", [object(("name", .string(header)), ("type", "Distinct"))]))],
                requests: perUser.requests, per: perUser.per))
        }
        if let anonymous = rateLimit.anonymous, let header = userHeader {
            rules.append(rule(
                selectors: [object(("headers", [object(
                    ("name", .string(header)), ("type", "RegularExpression"), ("value", ".*"), ("invert", true)
                )]))],
                requests: anonymous.requests, per: anonymous.per))
        }
        if let perClientIP = rateLimit.perClientIP {
            // One Distinct selector per address family: 0.0.0.0/0 alone would leave IPv6 clients unlimited.
            for cidr in ["0.0.0.0/0", "::/0"] {
                rules.append(rule(
                    selectors: [object(("sourceCIDR", object(("type", "Distinct"), ("value", .string(cidr)))))],
                    requests: perClientIP.requests, per: perClientIP.per))
            }
        }
        if let total = rateLimit.total {
            rules.append(rule(selectors: nil, requests: total.requests, per: total.per))
        }
        return object((isGlobal ? "global" : "local", object(("rules", .array(rules)))))
    }

    func rule(selectors: [JSONValue]?, requests: Int, per: String) -> JSONValue {
        object(
            ("clientSelectors", selectors.json { .array($0) }),
            ("limit", object(("requests", .int(requests)), ("unit", .string(Self.unit(per)))))
        )
    }

    /// `minute` → `Minute`: the CRD's enum spelling.
    static func unit(_ per: String) -> String { per.prefix(1).uppercased() + per.dropFirst() }
}
