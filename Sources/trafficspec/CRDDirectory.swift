import Foundation
import TrafficCore

/// `--crd-dir`: every `*.yaml`/`*.yml`/`*.json` file below a folder, read as CRDs, so that any
/// kind can be checked against its schema as the cluster has it.
enum CRDDirectory {
    static func load(_ path: String) throws(InputError) -> [KindSchema] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(message: "--crd-dir \(path): not a directory")
        }
        let files = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
            .filter { [".yaml", ".yml", ".json"].contains(where: $0.lowercased().hasSuffix) }.sorted()
        var kinds: [KindSchema] = []
        for file in files {
            let full = (path as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: full) else {
                throw InputError(message: "cannot read \(full)")
            }
            do {
                kinds += try CRDSchemaLoader.load([UInt8](data), source: file, objectMeta: SchemaCatalog.builtin.objectMeta)
            } catch {
                throw InputError(message: "--crd-dir: \(error)")
            }
        }
        return kinds
    }
}
