import TrafficCore
import TrafficStore

/// The rendered manifests of stored revisions, with their YAML and JSON representations and
/// digests, by spec name and revision number.
///
/// A stored revision never changes and is never deleted, and rendering is a pure function of
/// it, so an entry never goes stale: the only policy needed is a bound on memory. Rendering
/// costs far more than serving (parse, decode, render, encode, hash: about a millisecond for
/// a typical spec), which is why `…/manifests`, validation and rollouts share this cache.
final class RenderedRevisionCache: Sendable {
    /// One revision, rendered. The representations are built on first use.
    final class Entry: Sendable {
        let specName: String
        let number: Int
        let manifests: [Manifest]
        let yaml: Representation
        private let jsonList = ReadWriteLock<Representation?>(nil)
        private let report = ReadWriteLock<ValidationReport?>(nil)

        init(specName: String, number: Int, manifests: [Manifest]) {
            self.specName = specName
            self.number = number
            self.manifests = manifests
            yaml = Representation(ManifestEncoder.yaml(manifests))
        }

        /// The validation of the YAML representation (what `…/validation` reports and what a
        /// rollout's gate checks), run once. The server has one validator for its lifetime, so
        /// the report cannot go stale.
        func validation(by validator: ManifestValidator) -> ValidationReport {
            if let cached = report.read({ $0 }) { return cached }
            return report.write { cached in
                if let cached { return cached }
                let made = validator.validate(
                    bytes: Array(yaml.text.utf8), source: Paths.revision(specName, number) + "/manifests")
                cached = made
                return made
            }
        }

        /// The JSON `v1 List`, encoded once.
        var json: Representation {
            if let cached = jsonList.read({ $0 }) { return cached }
            return jsonList.write { cached in
                if let cached { return cached }
                let made = Representation(ManifestEncoder.jsonList(manifests))
                cached = made
                return made
            }
        }
    }

    /// A body and its SHA-256 (the strong ETag of that representation).
    struct Representation: Sendable {
        let text: String
        let digest: String

        init(_ text: String) {
            self.text = text
            digest = ContentDigest.sha256Hex(text)
        }
    }

    private struct Key: Hashable {
        var specName: String
        var number: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Insertion order, for eviction (oldest first).
        var order: [Key] = []
    }

    /// Entries kept; a typical entry (six manifests, both representations) is about 20 KB.
    let capacity: Int
    /// Read on every request for manifests, written once per revision rendered.
    private let state = ReadWriteLock(State())

    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// The cached rendering of `number` of `specName`, if any. No database read happens: a
    /// revision that is in the cache exists.
    func entry(specName: String, number: Int) -> Entry? {
        state.read { $0.entries[Key(specName: specName, number: number)] }
    }

    /// The rendering of `record`, rendered and cached on first use.
    func entry(for record: RevisionRecord) throws -> Entry {
        if let cached = entry(specName: record.specName, number: record.number) { return cached }
        // Rendered outside the lock: two threads may render the same revision at once, and the
        // results are equal, so the second insert is harmless.
        let made = Entry(specName: record.specName, number: record.number, manifests: try record.renderedManifests())
        return state.write { state in
            let key = Key(specName: record.specName, number: record.number)
            if let existing = state.entries[key] { return existing }
            if state.order.count >= capacity {
                let evicted = state.order.removeFirst()
                state.entries[evicted] = nil
            }
            state.entries[key] = made
            state.order.append(key)
            return made
        }
    }
}
