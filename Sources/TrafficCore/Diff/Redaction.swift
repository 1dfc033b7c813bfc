/// The one place that decides which values are sensitive and how they are hidden in diffs.
///
/// The rules:
/// - **Manifests**: every value under `data` and `stringData` of a core `v1` `Secret`.
/// - **Specs**: the value of any member whose key names a credential. A key is normalized
///   (lower-cased, `-` and `_` dropped) and is sensitive when it ends in one of
///   `password`, `passwd`, `passphrase`, `apikey`, `token`, `secret`, `secretkey`, `privatekey`,
///   `credential` or `credentials` — so `apiKey`, `password`, `accessToken`, `clientSecret`
///   are; `tokens`, `tokenBudget`, `apiKeyAuth` are not. Keys that *name* a Kubernetes Secret
///   are excluded: the trafficspec/v1 reference fields `secret` (listener TLS) and
///   `apiKeySecret` (LLM providers), and any key ending in `secretName` or `secretRef`.
///   Only scalar values are hidden; an object or list under such a key is walked, so a
///   reference structure stays readable while any credential inside it is hidden.
///
/// Hidden values are first replaced by a digest marker, `<redacted:` + the first 8 hex digits
/// of the SHA-256 of the value + `>`, so both revisions are masked identically and a changed
/// secret still differs (as a line in a unified diff, as a field in a structural diff). JSON
/// and patch output then show the plain `"<redacted>"` placeholder (see `opaque(_:)`).
public enum Redaction {
    /// What JSON and patch output show instead of a sensitive value.
    public static let placeholder = "<redacted>"

    private static let markerPrefix = "<redacted:"
    private static let sensitiveSuffixes = [
        "password", "passwd", "passphrase", "apikey", "token", "secret", "secretkey", "privatekey", "credential", "credentials",
    ]
    private static let referenceKeys: Set<String> = ["secret", "apikeysecret"]
    private static let referenceSuffixes = ["secretname", "secretref"]

    /// Whether a spec member named `key` holds a credential (see the type's rules).
    public static func isSensitiveSpecKey(_ key: String) -> Bool {
        let normalized = String(key.lowercased().filter { $0 != "-" && $0 != "_" })
        if referenceKeys.contains(normalized) || referenceSuffixes.contains(where: normalized.hasSuffix) { return false }
        return sensitiveSuffixes.contains(where: normalized.hasSuffix)
    }

    /// Whether `object` is a core Secret, whose `data`/`stringData` values are all sensitive.
    public static func isSecret(_ object: JSONValue) -> Bool {
        object["kind"]?.stringValue == "Secret" && object["apiVersion"]?.stringValue == "v1"
    }

    /// Manifests with every sensitive value replaced by its digest marker; use on both sides
    /// before encoding YAML for `UnifiedDiff`.
    public static func masked(_ manifests: [JSONValue]) -> [JSONValue] {
        manifests.map(maskedManifest)
    }

    /// `masked(_:)` for rendered manifests (bodies masked; identities unchanged).
    public static func masked(_ manifests: [Manifest]) -> [Manifest] {
        manifests.map { manifest in
            var copy = manifest
            copy.body = maskedManifest(manifest.body)
            return copy
        }
    }

    /// One Kubernetes object with Secret values replaced by digest markers.
    public static func maskedManifest(_ object: JSONValue) -> JSONValue {
        guard isSecret(object), case .object(var members) = object else { return object }
        for field in ["data", "stringData"] {
            guard case .object(var values)? = members[field] else { continue }
            for (key, value) in values { values[key] = .string(marker(for: value)) }
            members[field] = .object(values)
        }
        return .object(members)
    }

    /// A spec document with every credential value replaced by its digest marker.
    public static func maskedSpec(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            for (key, member) in object {
                switch member {
                case .object, .array: object[key] = maskedSpec(member)
                case .null: break
                default: if isSensitiveSpecKey(key) { object[key] = .string(marker(for: member)) }
                }
            }
            return .object(object)
        case .array(let items):
            return .array(items.map(maskedSpec))
        default:
            return value
        }
    }

    /// `value` with every digest marker replaced by the plain placeholder, for JSON output
    /// where even a digest of a short secret says too much. (A real string that happens to
    /// look like a marker is hidden too, which errs on the safe side.)
    public static func opaque(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text) where text.hasPrefix(markerPrefix) && text.hasSuffix(">"):
            return .string(placeholder)
        case .object(var object):
            for (key, member) in object {
                switch member {
                case .object, .array, .string: object[key] = opaque(member)
                default: break
                }
            }
            return .object(object)
        case .array(let items):
            return .array(items.map(opaque))
        default:
            return value
        }
    }

    /// `<redacted:` + first 8 hex digits of SHA-256 of the value (its text for strings, its
    /// canonical JSON otherwise) + `>`.
    static func marker(for value: JSONValue) -> String {
        let text = value.stringValue ?? value.canonicalText
        return markerPrefix + ContentDigest.sha256Hex(text).prefix(8) + ">"
    }
}
