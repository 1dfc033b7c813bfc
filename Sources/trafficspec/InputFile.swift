import Foundation
import TrafficCore

/// A document named on the command line: a path, or `-` for standard input.
struct InputFile {
    var displayName: String
    var bytes: [UInt8]
    var format: SourceFormat

    /// Reads the file; the format comes from the extension (`.json`, else YAML) or, for stdin,
    /// from the first non-blank byte.
    static func read(_ argument: String) throws(InputError) -> InputFile {
        if argument == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let bytes = [UInt8](data)
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            let isJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            return InputFile(displayName: "<stdin>", bytes: bytes, format: isJSON ? .json : .yaml)
        }
        guard let data = FileManager.default.contents(atPath: argument) else {
            throw InputError(message: "cannot read \(argument): no such file or not readable")
        }
        let format: SourceFormat = argument.lowercased().hasSuffix(".json") ? .json : .yaml
        return InputFile(displayName: argument, bytes: [UInt8](data), format: format)
    }
}

struct InputError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension FieldError {
    /// `file:line:column: path: message`, the form editors and CI logs link to.
    func formatted(file: String) -> String {
        let position = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        let subject = path.isEmpty ? "" : "\(path): "
        return "\(position): \(subject)\(message)"
    }
}
