import Foundation

/// One validated migration file.
struct MigrationFile {
    var number: Int
    var identifier: String
    var fileName: String
    var sql: String

    /// Paths of the `*.sql` files in `directory`.
    static func sqlFiles(in directory: String) throws(EmbedderError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".sql") }
                .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
        } catch {
            throw .unreadable(file: directory, reason: error.localizedDescription)
        }
    }

    /// Loads and validates the files: names match `^[0-9]{4}_[a-z0-9_]+\.sql$`, numbers are
    /// unique and run 1, 2, 3… without gaps. Returned in number order.
    static func load(_ paths: [String]) throws(EmbedderError) -> [MigrationFile] {
        var files: [MigrationFile] = []
        for path in paths {
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            guard let number = number(ofValidName: fileName) else {
                throw .badName(file: fileName)
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .unreadable(file: fileName, reason: error.localizedDescription)
            }
            guard let sql = String(data: data, encoding: .utf8) else {
                throw .notUTF8(file: fileName)
            }
            files.append(MigrationFile(number: number, identifier: String(fileName.dropLast(4)), fileName: fileName, sql: sql))
        }
        files.sort { $0.fileName < $1.fileName }
        for (offset, file) in files.enumerated() {
            let sameNumber = files.filter { $0.number == file.number }
            if sameNumber.count > 1 {
                throw .duplicateNumber(file.number, files: sameNumber.map(\.fileName))
            }
            if file.number != offset + 1 {
                throw .gap(expected: offset + 1, found: file.fileName)
            }
        }
        return files
    }

    /// The number of a name matching `^[0-9]{4}_[a-z0-9_]+\.sql$`, else `nil`.
    static func number(ofValidName name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count > 9, name.hasSuffix(".sql") else { return nil }
        let digits = bytes[0..<4]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              bytes[4] == UInt8(ascii: "_")
        else { return nil }
        let rest = bytes[5..<(bytes.count - 4)]
        let allowed = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        guard !rest.isEmpty, rest.allSatisfy(allowed) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
