/// A reason to fail the build; the description is what the developer sees.
enum EmbedderError: Error, CustomStringConvertible {
    case usage(String)
    case badName(file: String)
    case duplicateNumber(Int, files: [String])
    case gap(expected: Int, found: String)
    case unreadable(file: String, reason: String)
    case notUTF8(file: String)

    var description: String {
        switch self {
        case .usage(let message):
            "usage: \(message)"
        case .badName(let file):
            "migration file name '\(file)' must match NNNN_name.sql (four digits, then lowercase letters, digits or _)"
        case .duplicateNumber(let number, let files):
            "migration number \(fourDigits(number)) is used by more than one file: \(files.joined(separator: ", "))"
        case .gap(let expected, let found):
            "migrations must be numbered 0001, 0002, … without gaps: expected \(fourDigits(expected)), found '\(found)'"
        case .unreadable(let file, let reason):
            "cannot read migration '\(file)': \(reason)"
        case .notUTF8(let file):
            "migration '\(file)' is not valid UTF-8"
        }
    }

    private func fourDigits(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
