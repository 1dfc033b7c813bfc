import Synchronization

/// Named string formats of the spec. Each carries the regular expression published in the JSON
/// Schema and a check that explains, in words, why a value is rejected. The checks mirror what
/// the target CRDs enforce, so a spec that decodes renders to objects the API server accepts.
enum StringFormat: String, Sendable, CaseIterable {
    case dnsLabel
    case dnsSubdomain
    case duration
    case httpPath
    case regex
    case headerName
    case hostname
    case cidr
    case url
    case corsOrigin
    case quantity
    case version

    /// The pattern published in the JSON Schema (the check below may be stricter).
    var pattern: String {
        switch self {
        case .dnsLabel: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#
        case .dnsSubdomain: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
        case .duration: #"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#
        case .httpPath: #"^/(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})*$"#
        case .regex: #"^.+$"#
        case .headerName: #"^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$"#
        case .hostname: #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#
        case .cidr: #"^[0-9a-fA-F:.]+/[0-9]{1,3}$"#
        case .url: #"^https?://[^\s/$.?#][^\s]*$"#
        case .corsOrigin: #"^(\*|https?:\/\/(\*|(\*\.)?(([\w-]+\.?)+)?[\w-]+)(:\d{1,5})?)$"#
        case .quantity: #"^[1-9][0-9]*([EPTGMK]i|[EPTGMk])?$"#
        case .version: #"^trafficspec/v[0-9]+$"#
        }
    }

    var maxLength: Int? {
        switch self {
        case .dnsLabel: 63
        case .dnsSubdomain, .hostname, .url, .corsOrigin: 253
        case .httpPath, .regex: 1024
        case .headerName: 256
        default: nil
        }
    }

    /// A short human description for docs and messages.
    var summary: String {
        switch self {
        case .dnsLabel: "a DNS-1123 label"
        case .dnsSubdomain: "a DNS-1123 subdomain"
        case .duration: "a Gateway API duration such as 500ms, 5s, 1m or 1h30m"
        case .httpPath: "an absolute HTTP path"
        case .regex: "a regular expression (RE2)"
        case .headerName: "an HTTP header name"
        case .hostname: "a hostname, optionally with a leading '*.' wildcard"
        case .cidr: "a CIDR block such as 10.0.0.0/8 or 2001:db8::/32"
        case .url: "an http(s) URL"
        case .corsOrigin: "an origin such as https://app.example.com, https://*.example.com or *"
        case .quantity: "a size such as 32Ki, 1Mi or 1048576"
        case .version: "trafficspec/v1"
        }
    }

    /// Why `text` does not have this format; nil when it does.
    func problem(_ text: String) -> String? {
        if let maxLength, text.unicodeScalars.count > maxLength {
            return "must be at most \(maxLength) characters (got \(text.unicodeScalars.count))"
        }
        switch self {
        case .dnsLabel:
            return DNSName.labelProblem(text)
        case .dnsSubdomain:
            return DNSName.isSubdomain(text)
                ? nil : "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit"
        case .httpPath:
            return Self.pathProblem(text)
        case .regex:
            return text.isEmpty ? "must not be empty" : nil
        case .cidr:
            return Self.cidrProblem(text)
        default:
            return Self.matches(pattern, text) ? nil : "must be \(summary) (got '\(text)')"
        }
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        compiled.withLock { cache in
            if cache[pattern] == nil { cache[pattern] = try? Regex(pattern) }
            guard let regex = cache[pattern] else { return false }
            return (try? regex.wholeMatch(in: text)) != nil
        }
    }

    /// Patterns compiled once: compiling a `Regex` from a string costs far more than matching
    /// it, and decoding one spec checks dozens of values. `Regex<AnyRegexOutput>` is not
    /// `Sendable`, so the cache and every match stay inside the lock (a match takes microseconds).
    private static let compiled = Mutex<[String: Regex<AnyRegexOutput>]>([:])

    /// The Gateway API CEL rules for Exact and PathPrefix path values, in the order the CRD lists them.
    static func pathProblem(_ text: String) -> String? {
        guard text.hasPrefix("/") else { return "must be an absolute path starting with '/' (got '\(text)')" }
        for bad in ["//", "/./", "/../", "%2f", "%2F", "#"] where text.contains(bad) {
            return "must not contain '\(bad)'"
        }
        if text.hasSuffix("/..") { return "must not end with '/..'" }
        if text.hasSuffix("/.") { return "must not end with '/.'" }
        guard matches(StringFormat.httpPath.pattern, text) else {
            return "must only contain the characters A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ / and %XX escapes"
        }
        return nil
    }

    static func cidrProblem(_ text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let message = "must be a CIDR block such as 10.0.0.0/8 or 2001:db8::/32 (got '\(text)')"
        guard parts.count == 2, let prefix = Int(parts[1]), !parts[1].isEmpty else { return message }
        let address = parts[0]
        if address.contains(":") {
            let allowed = Set("0123456789abcdefABCDEF:")
            guard (0...128).contains(prefix), address.allSatisfy(allowed.contains),
                address.split(separator: ":", omittingEmptySubsequences: false).count <= 8,
                address.ranges(of: "::").count <= 1
            else { return message }
            return nil
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        guard (0...32).contains(prefix), octets.count == 4,
            octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && (Int($0).map { (0...255).contains($0) } ?? false) })
        else { return message }
        return nil
    }
}
