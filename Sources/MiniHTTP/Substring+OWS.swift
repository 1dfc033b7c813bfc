extension Substring {
    /// Drops leading and trailing SP and HTAB (RFC 9110 §5.6.3 OWS).
    func trimmingOWS() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
