import Foundation
import MiniHTTP
import Testing
import TestSupport
import TrafficCore
import TrafficStore
@testable import TrafficAPI

@Suite struct RenderedRevisionCacheTests {
    @Test func cachedRenderingIsWhatTheManifestsRouteServes() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "shop")).status.code == 201)
        let record = try #require(try fixture.store.revision(of: "shop", number: 1))
        let cache = RenderedRevisionCache()
        let entry = try cache.entry(for: record)
        let served = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests")
        #expect(entry.yaml.text == served.text)
        #expect(served.headers["ETag"] == "\"\(entry.yaml.digest)\"")
        let json = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests", headers: [("Accept", "application/json")])
        #expect(entry.json.text == json.text)
        #expect(entry.json.digest == ContentDigest.sha256Hex(json.body))
        // The second lookup is the same object, not a second rendering.
        #expect(try cache.entry(for: record) === entry)
        #expect(cache.entry(specName: "shop", number: 1) === entry)
        #expect(cache.entry(specName: "shop", number: 2) == nil)
    }

    @Test func oldestEntriesAreEvictedAtCapacity() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "shop", path: "/v1")).status.code == 201)
        for number in 2...3 {
            #expect(try fixture.post("/v1/specs/shop/revisions", yaml: minimalSpec(name: "shop", path: "/v\(number)")).status.code == 201)
        }
        let cache = RenderedRevisionCache(capacity: 2)
        for number in 1...3 {
            _ = try cache.entry(for: try #require(try fixture.store.revision(of: "shop", number: number)))
        }
        #expect(cache.entry(specName: "shop", number: 1) == nil)
        #expect(cache.entry(specName: "shop", number: 2) != nil)
        #expect(cache.entry(specName: "shop", number: 3)?.yaml.text.contains("/v3") == true)
    }

    /// Filtered requests are rendered from the cached objects, with their own digest.
    @Test func kindFilterGetsItsOwnRepresentation() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: "shop")).status.code == 201)
        let whole = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests")
        let routes = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests?kind=HTTPRoute")
        #expect(routes.headers["X-Manifest-Count"] == "1")
        #expect(routes.headers["ETag"] != whole.headers["ETag"])
        #expect(routes.headers["ETag"] == "\"\(ContentDigest.sha256Hex(routes.body))\"")
        let again = try fixture.send(.get, "/v1/specs/shop/revisions/1/manifests")
        #expect(again.body == whole.body)
    }
}
