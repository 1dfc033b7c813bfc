import Foundation
import MiniHTTP
import Testing
import TestSupport

@Suite(.serialized) struct SpecRoutesTests {
    let spec1 = minimalSpec(path: "/api")
    let spec2 = minimalSpec(path: "/api/v2")

    @Test func createReturns201WithLocationETagAndRevision() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.post("/v1/specs", yaml: spec1)
        #expect(response.status.code == 201)
        #expect(response.headers["Location"] == "/v1/specs/task-api")
        #expect(response.headers["Content-Type"] == "application/json")
        let digest = try #require(response.json["digest"] as? String)
        #expect(response.headers["ETag"] == "\"\(digest)\"")
        #expect(response.json["revision"] as? Int == 1)
        #expect(response.json["createdBy"] as? String == "test-admin", "the actor is the token's name")
        #expect(response.json["createdAt"] as? String == "2026-11-18T11:06:40.000Z")
    }

    @Test func createTwiceIsAConflict() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let response = try fixture.post("/v1/specs", yaml: spec2)
        #expect(response.status.code == 409)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.json["type"] as? String == "urn:trafficspec:problem:spec-exists")
        #expect(response.json["requestId"] as? String == "test-1")
    }

    @Test func malformedYAMLIs400WithLineAndColumn() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.post("/v1/specs", yaml: "name: x\nroutes: [a, b\n")
        #expect(response.status.code == 400)
        let errors = try #require(response.json["errors"] as? [[String: Any]])
        #expect(errors.first?["line"] as? Int != nil)
        let list = try fixture.send(.get, "/v1/specs")
        #expect((list.json["items"] as? [Any])?.isEmpty == true, "nothing may be stored")
    }

    @Test(arguments: [
        ("x: 1", "name", "required field is missing"),
        ("name: Bad_Name", "name", "must be a DNS-1123 label"),
        ("[1, 2]", "", "a spec must be a mapping"),
        (minimalSpec().replacingOccurrences(of: "port: 8000", with: "port: 8000, weigth: 2"),
            "routes[0].backends[0].weigth", "unknown field; did you mean 'weight'?"),
        (minimalSpec().replacingOccurrences(of: "version: trafficspec/v1\n", with: ""), "version", "required field is missing"),
    ])
    func invalidContentIs422NamingTheField(body: String, path: String, message: String) throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.post("/v1/specs", yaml: body)
        #expect(response.status.code == 422)
        let errors = try #require(response.json["errors"] as? [[String: Any]])
        #expect(errors.first?["path"] as? String == path)
        #expect((errors.first?["message"] as? String)?.hasPrefix(message) == true)
    }

    @Test(arguments: ["text/html", "multipart/form-data; boundary=x", "application/yaml; charset=latin1"])
    func unsupportedMediaTypesAre415(contentType: String) throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let response = try fixture.send(.post, "/v1/specs", body: spec1, headers: [("Content-Type", contentType)])
        #expect(response.status.code == 415)
        #expect(response.headers["Accept-Post"] != nil)
    }

    @Test func curlDefaultContentTypeIsSniffed() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let json = try fixture.send(
            .post, "/v1/specs",
            body: #"{"version":"trafficspec/v1","name":"a-json","gateway":{"listeners":[{"name":"http","protocol":"HTTP","port":80}]},"routes":[{"name":"r","pathPrefix":"/","backends":[{"service":"s","port":80}]}]}"#,
            headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(json.status.code == 201)
        #expect(json.json["format"] as? String == "json")
        let yaml = try fixture.send(.post, "/v1/specs", body: minimalSpec(name: "a-yaml"))
        #expect(yaml.status.code == 201)
        #expect(yaml.json["format"] as? String == "yaml")
    }

    @Test func emptyBodyIs400() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs", yaml: "  \n").status.code == 400)
    }

    @Test func identicalContentDoesNotCreateARevision() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let reformatted = """
            # the same content, written differently
            name: task-api
            version: "trafficspec/v1"
            routes: [{backends: [{port: 8000, service: backend}], pathPrefix: /api, name: main}]
            gateway: {listeners: [{port: 80, protocol: HTTP, name: http}]}

            """
        let response = try fixture.post("/v1/specs/task-api/revisions", yaml: reformatted)
        #expect(response.status.code == 200)
        #expect(response.json["revision"] as? Int == 1)
        #expect(response.headers["Content-Location"] == "/v1/specs/task-api/revisions/1")
    }

    @Test func newContentCreatesRevision2() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let first = try fixture.post("/v1/specs", yaml: spec1)
        let etag = try #require(first.headers["ETag"])
        let response = try fixture.post("/v1/specs/task-api/revisions", yaml: spec2, headers: [("If-Match", etag)])
        #expect(response.status.code == 201)
        #expect(response.headers["Location"] == "/v1/specs/task-api/revisions/2")
        #expect(response.json["revision"] as? Int == 2)
    }

    @Test func staleIfMatchIs412AndStoresNothing() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let first = try fixture.post("/v1/specs", yaml: spec1)
        let staleTag = try #require(first.headers["ETag"])
        _ = try fixture.post("/v1/specs/task-api/revisions", yaml: spec2)
        let response = try fixture.post(
            "/v1/specs/task-api/revisions", yaml: minimalSpec(path: "/x3"), headers: [("If-Match", staleTag)])
        #expect(response.status.code == 412)
        #expect(response.json["latestRevision"] as? Int == 2)
        let revisions = try fixture.send(.get, "/v1/specs/task-api/revisions")
        #expect((revisions.json["items"] as? [Any])?.count == 2)
    }

    @Test func staleBaseRevisionIs412() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        _ = try fixture.post("/v1/specs/task-api/revisions?baseRevision=1", yaml: spec2)
        let stale = try fixture.post("/v1/specs/task-api/revisions?baseRevision=1", yaml: minimalSpec(path: "/y1"))
        #expect(stale.status.code == 412)
        let both = try fixture.post(
            "/v1/specs/task-api/revisions?baseRevision=2", yaml: minimalSpec(path: "/y1"), headers: [("If-Match", "\"x\"")])
        #expect(both.status.code == 400)
    }

    @Test func revisionNameMustMatchTheURL() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let response = try fixture.post("/v1/specs/task-api/revisions", yaml: minimalSpec(name: "other"))
        #expect(response.status.code == 422)
        let errors = try #require(response.json["errors"] as? [[String: Any]])
        #expect(errors.first?["path"] as? String == "name")
    }

    @Test func revisionsOfUnknownSpecAre404() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        #expect(try fixture.post("/v1/specs/nope/revisions", yaml: minimalSpec(name: "nope")).status.code == 404)
        #expect(try fixture.send(.get, "/v1/specs/nope").status.code == 404)
        #expect(try fixture.send(.get, "/v1/specs/nope/revisions/1").status.code == 404)
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let missing = try fixture.send(.get, "/v1/specs/task-api/revisions/9")
        #expect(missing.status.code == 404)
        #expect(missing.json["type"] as? String == "urn:trafficspec:problem:revision-not-found")
    }

    @Test(arguments: ["/v1/specs/Bad_Name", "/v1/specs/a%00b", "/v1/specs/..", "/v1/specs/task-api/revisions/0",
        "/v1/specs/task-api/revisions/-1", "/v1/specs/task-api/revisions/lates"])
    func badPathParametersAre400(target: String) throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let response = try fixture.send(.get, target)
        #expect(response.status.code == 400, "\(target)")
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func listsPaginateWithOpaqueCursors() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        for name in ["e-spec", "a-spec", "c-spec", "b-spec", "d-spec"] {
            #expect(try fixture.post("/v1/specs", yaml: minimalSpec(name: name)).status.code == 201)
        }
        var names: [String] = []
        var target = "/v1/specs?limit=2"
        var pages = 0
        while true {
            let response = try fixture.send(.get, target)
            #expect(response.status.code == 200)
            let items = try #require(response.json["items"] as? [[String: Any]])
            names += items.compactMap { $0["name"] as? String }
            pages += 1
            guard let cursor = response.json["nextCursor"] as? String else {
                #expect(response.headers["Link"] == nil)
                break
            }
            #expect(response.headers["Link"]?.contains("rel=\"next\"") == true)
            target = "/v1/specs?limit=2&cursor=\(cursor)"
        }
        #expect(names == ["a-spec", "b-spec", "c-spec", "d-spec", "e-spec"])
        #expect(pages == 3)
        #expect(try fixture.send(.get, "/v1/specs?cursor=garbage").status.code == 400)
        #expect(try fixture.send(.get, "/v1/specs?limit=0").status.code == 400)
        #expect(try fixture.send(.get, "/v1/specs?limit=501").status.code == 400)
    }

    @Test func revisionListPaginates() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: minimalSpec(name: "s", path: "/v0"))
        for version in 1...4 { _ = try fixture.post("/v1/specs/s/revisions", yaml: minimalSpec(name: "s", path: "/v\(version)")) }
        let first = try fixture.send(.get, "/v1/specs/s/revisions?limit=3")
        let items = try #require(first.json["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["revision"] as? Int } == [1, 2, 3])
        let cursor = try #require(first.json["nextCursor"] as? String)
        let second = try fixture.send(.get, "/v1/specs/s/revisions?limit=3&cursor=\(cursor)")
        #expect((second.json["items"] as? [[String: Any]])?.compactMap { $0["revision"] as? Int } == [4, 5])
        #expect(second.json["nextCursor"] is NSNull)
    }

    @Test func specSummaryNamesTheLatestRevision() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let second = try fixture.post("/v1/specs/task-api/revisions", yaml: spec2)
        let summary = try fixture.send(.get, "/v1/specs/task-api")
        #expect(summary.status.code == 200)
        #expect(summary.json["latestRevision"] as? Int == 2)
        #expect(summary.json["revisionCount"] as? Int == 2)
        #expect(summary.headers["ETag"] == second.headers["ETag"])
    }

    @Test func revisionIsServedAsPostedByDefault() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let response = try fixture.send(.get, "/v1/specs/task-api/revisions/1")
        #expect(response.status.code == 200)
        #expect(response.text == spec1)
        #expect(response.headers["Content-Type"] == "application/yaml")
        #expect(response.headers["Vary"] == "Accept")
        let latest = try fixture.send(.get, "/v1/specs/task-api/revisions/latest")
        #expect(latest.text == spec1)
        #expect(latest.headers["Content-Location"] == "/v1/specs/task-api/revisions/1")
    }

    @Test func revisionConvertsByAccept() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        _ = try fixture.post("/v1/specs", yaml: spec1)
        let json = try fixture.send(.get, "/v1/specs/task-api/revisions/1", headers: [("Accept", "application/json")])
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.text.hasPrefix("{\n  \"version\": \"trafficspec/v1\",\n  \"name\": \"task-api\",\n  \"gateway\": {"))
        let posted = #"{"version":"trafficspec/v1","name":"j","gateway":{"listeners":[{"name":"http","protocol":"HTTP","port":80}]},"routes":[{"name":"yes","pathPrefix":"/","backends":[{"service":"s","port":80}]}]}"#
        #expect(try fixture.send(.post, "/v1/specs", body: posted, headers: [("Content-Type", "application/json")]).status.code == 201)
        let yaml = try fixture.send(.get, "/v1/specs/j/revisions/1", headers: [("Accept", "application/yaml")])
        #expect(yaml.headers["Content-Type"] == "application/yaml")
        #expect(yaml.text.contains("- name: \"yes\"\n"), "a string that YAML 1.1 reads as a boolean is quoted: \(yaml.text)")
        #expect(yaml.text.hasPrefix("version: trafficspec/v1\nname: j\ngateway:\n"))
        let refused = try fixture.send(.get, "/v1/specs/j/revisions/1", headers: [("Accept", "text/html")])
        #expect(refused.status.code == 406)
    }

    @Test func ifNoneMatchGives304() throws {
        let fixture = try APIFixture()
        defer { fixture.close() }
        let created = try fixture.post("/v1/specs", yaml: spec1)
        let etag = try #require(created.headers["ETag"])
        let response = try fixture.send(.get, "/v1/specs/task-api/revisions/1", headers: [("If-None-Match", etag)])
        #expect(response.status.code == 304)
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == etag)
        let weak = try fixture.send(.get, "/v1/specs/task-api/revisions/1", headers: [("If-None-Match", "W/\(etag)")])
        #expect(weak.status.code == 304)
        let other = try fixture.send(.get, "/v1/specs/task-api/revisions/1", headers: [("If-None-Match", "\"other\"")])
        #expect(other.status.code == 200)
    }
}
