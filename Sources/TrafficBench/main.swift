import Foundation
import TrafficCore

// trafficspec-bench: in-process throughput of the pure core, printed as figures (never a
// pass/fail gate).
// Usage: trafficspec-bench [--seconds N] [--bundle EXAMPLES_DIR] [--diff OLD.yaml NEW.yaml] SPEC.yaml
//
// Measures, on one thread: document parsing, spec decoding, rendering to typed manifests,
// YAML emission, and the whole pipeline (bytes in → YAML out) that `POST /v1/render` runs.
// With --bundle: manifest validation over a large bundle made of every
// EXAMPLES_DIR/*/manifests.yaml, copied into as many namespaces as it takes to pass 600 documents.

var arguments = Array(CommandLine.arguments.dropFirst())
var requestedSeconds = 3.0
if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count {
    requestedSeconds = Double(arguments[index + 1]) ?? requestedSeconds
    arguments.removeSubrange(index...index + 1)
}
let seconds = requestedSeconds
var bundleDirectory: String?
if let index = arguments.firstIndex(of: "--bundle"), index + 1 < arguments.count {
    bundleDirectory = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
}
var diffPair: (old: String, new: String)?
if let index = arguments.firstIndex(of: "--diff"), index + 2 < arguments.count {
    diffPair = (arguments[index + 1], arguments[index + 2])
    arguments.removeSubrange(index...index + 2)
}
guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("usage: trafficspec-bench [--seconds N] SPEC.yaml\n".utf8))
    exit(2)
}
let bytes = [UInt8](data)

/// Runs `body` repeatedly for about `seconds` and returns operations per second.
func measure(_ name: String, seconds: Double = seconds, _ body: () -> Void) {
    for _ in 0..<50 { body() }  // warm-up
    let clock = ContinuousClock()
    var iterations = 0
    let start = clock.now
    let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
    while clock.now < deadline {
        for _ in 0..<20 { body() }
        iterations += 20
    }
    let elapsed = start.duration(to: clock.now)
    let perSecond = Double(iterations) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    let micros = 1e6 / perSecond
    print(String(format: "%-28@ %12.0f ops/s %10.1f µs/op", name as NSString, perSecond, micros))
}

guard case .success(let spec) = TrafficSpecDecoder.decode(bytes, format: .yaml) else {
    FileHandle.standardError.write(Data("\(path): not a valid spec\n".utf8))
    exit(1)
}
let root = try DocumentParser().parseSingle(bytes, format: .yaml)
let manifests = ManifestRenderer.render(spec, context: .stateless)
print("spec: \(path) (\(bytes.count) bytes) → \(manifests.count) manifests, \(ManifestEncoder.yaml(manifests).utf8.count) bytes of YAML")
measure("parse (YAML → tree)") { _ = try? DocumentParser().parseSingle(bytes, format: .yaml) }
measure("decode (tree → spec)") { _ = TrafficSpecDecoder.decode(root) }
measure("render (spec → objects)") { _ = ManifestRenderer.render(spec, context: .stateless) }
measure("emit YAML (objects → text)") { _ = ManifestEncoder.yaml(manifests) }
measure("emit JSON List") { _ = ManifestEncoder.jsonList(manifests) }
measure("pipeline (bytes → YAML)") {
    if case .success(let decoded) = TrafficSpecDecoder.decode(bytes, format: .yaml) {
        _ = ManifestEncoder.yaml(ManifestRenderer.render(decoded, context: .stateless))
    }
}

if let bundleDirectory {
    let folders = ((try? FileManager.default.contentsOfDirectory(atPath: bundleDirectory)) ?? []).sorted()
    let texts = folders.compactMap { FileManager.default.contents(atPath: "\(bundleDirectory)/\($0)/manifests.yaml") }
        .map { String(decoding: $0, as: UTF8.self) }
    let perCopy = texts.reduce(0) { $0 + $1.components(separatedBy: "\n---\n").count }
    guard perCopy > 0 else {
        FileHandle.standardError.write(Data("\(bundleDirectory): no */manifests.yaml\n".utf8))
        exit(2)
    }
    // Each copy lives in its own namespaces, so references stay resolvable within a copy.
    var copies: [String] = []
    var copy = 0
    while copies.count * perCopy < 600 || copies.count == 0 {
        copies.append(texts.joined(separator: "\n---\n").replacingOccurrences(of: "namespace: ", with: "namespace: c\(copy)-"))
        copy += 1
    }
    let bundleBytes = Array(copies.joined(separator: "\n---\n").utf8)
    let validator = ManifestValidator()
    let report = validator.validate(bytes: bundleBytes, source: "bundle.yaml")
    let resources = Double(report.resourceCount)
    print("bundle: \(report.resourceCount) resources, \(bundleBytes.count) bytes; \(report.count(.error)) errors, "
        + "\(report.count(.warning)) warnings, \(report.count(.info)) infos")
    func resourcesPerSecond(_ name: String, _ body: () -> Void) {
        body()
        let clock = ContinuousClock()
        var runs = 0
        let start = clock.now
        while start.duration(to: clock.now) < .milliseconds(Int(seconds * 1000)) {
            body()
            runs += 1
        }
        let elapsed = start.duration(to: clock.now)
        let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let perSecond = resources * Double(runs) / secondsTaken
        print(String(format: "%-28@ %12.0f resources/s %8.1f ms/bundle", name as NSString, perSecond, secondsTaken * 1000 / Double(runs)))
    }
    let parsed = ManifestBundle(objects: ManifestReader().read(bundleBytes, source: "bundle.yaml").objects)
    resourcesPerSecond("validate (bytes → report)") { _ = validator.validate(bytes: bundleBytes, source: "bundle.yaml") }
    resourcesPerSecond("  of which checks only") { _ = validator.validate(parsed) }
    let schemaOnly = ManifestValidator(analyzers: [])
    resourcesPerSecond("    schema and CEL rules") { _ = schemaOnly.validate(parsed) }
    resourcesPerSecond("  of which parsing only") { _ = ManifestReader().read(bundleBytes, source: "bundle.yaml") }
}

if let diffPair {
    func documents(_ file: String) -> (text: String, values: [JSONValue]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
            exit(2)
        }
        let objects = ManifestReader().read([UInt8](data), source: file).objects
        return (String(decoding: data, as: UTF8.self), objects.map(\.node.jsonValue))
    }
    let old = documents(diffPair.old)
    let new = documents(diffPair.new)
    let changed = ManifestDiffer.diff(old: old.values, new: new.values).changedResourceCount
    print("diff pair: \(old.values.count) and \(new.values.count) objects, \(old.text.utf8.count) and "
        + "\(new.text.utf8.count) bytes; \(changed) resources differ")
    /// Best of `runs`, in milliseconds: the figure a user waiting on one diff sees.
    func best(_ name: String, runs: Int = 7, _ body: () -> Void) {
        let clock = ContinuousClock()
        var fastest = Duration.seconds(1000)
        for _ in 0..<runs {
            let start = clock.now
            body()
            fastest = min(fastest, start.duration(to: clock.now))
        }
        let milliseconds = Double(fastest.components.seconds) * 1000 + Double(fastest.components.attoseconds) / 1e15
        print(String(format: "%-28@ %12.2f ms (best of %d)", name as NSString, milliseconds, runs))
    }
    best("diff (semantic)") { _ = ManifestDiffer.diff(old: old.values, new: new.values) }
    best("diff + JSON report") { _ = ManifestDiffer.diff(old: old.values, new: new.values).json() }
    best("unified diff of the texts") {
        _ = UnifiedDiff.diff(old: old.text, new: new.text, oldLabel: "old", newLabel: "new")
    }
}
