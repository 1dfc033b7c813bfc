/// Kubernetes object-name rules (RFC 1123), used for spec names and every name we render.
public enum DNSName {
    /// RFC 1123 label: 1–63 characters, lower-case alphanumerics and '-', starting and ending
    /// with an alphanumeric.
    public static func isLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        return isLabelBytes(bytes[...])
    }

    /// RFC 1123 subdomain: dot-separated labels, at most 253 characters in all.
    public static func isSubdomain(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...253).contains(bytes.count) else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy {
            (1...63).contains($0.count) && isLabelBytes($0)
        }
    }

    /// The reason `name` is not a label, phrased for an error message; nil when it is one.
    public static func labelProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 63 { return "must be at most 63 characters (got \(name.utf8.count))" }
        if isLabel(name) { return nil }
        return "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit"
    }

    private static func isLabelBytes(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
