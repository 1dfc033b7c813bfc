/// Comparison whose running time does not depend on where two byte strings differ, so that a
/// caller timing many attempts learns nothing about a stored secret or digest from it.
public enum ConstantTime {
    /// `true` when `lhs` and `rhs` have the same length and the same bytes. Every byte up to the
    /// longer length is visited whatever the contents; only the lengths (which are not secret:
    /// digests have a fixed size) influence the time taken.
    public static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        // Differences are OR-ed together rather than returned early; the length mismatch is
        // folded in the same way.
        var difference = UInt(bitPattern: lhs.count ^ rhs.count)
        let length = Swift.max(lhs.count, rhs.count)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= UInt(left ^ right)
        }
        return difference == 0
    }

    /// `isEqual` on the UTF-8 bytes of two strings.
    public static func isEqual(_ lhs: String, _ rhs: String) -> Bool {
        isEqual(Array(lhs.utf8), Array(rhs.utf8))
    }
}
