import Foundation
import Testing
@testable import TrafficCore

/// Valid JSON that YAML's reader would refuse, or read differently, reads as JSON means it.
@Suite struct JSONForYAMLReaderTests {
    private func string(_ json: String) throws -> String? {
        try DocumentParser().parseSingle(Array(json.utf8), format: .json)["s"]?.string
    }

    @Test(arguments: [
        (#"{"s": "\ud83d\ude00"}"#, "😀"),  // a surrogate pair, as json.dumps writes emoji
        (#"{"s": "a\uD83D\uDE00b\ud83c\udf89"}"#, "a😀b🎉"),
        ("{\"s\": \"x\u{9F}y\"}", "x\u{9F}y"),  // a raw C1 control
        ("{\"s\": \"x\u{7F}y\u{85}z\"}", "x\u{7F}y\u{85}z"),  // DEL; NEL is not a line break in JSON
        ("{\"s\": \"one\u{2028}two\u{2029}\"}", "one\u{2028}two\u{2029}"),
        (#"{"s": "\\ud83d"}"#, #"\ud83d"#),  // an escaped backslash, then plain text
        (#"{"s": "\u00e9\n"}"#, "é\n"),  // ordinary escapes pass through
        (#"{"s": "plain"}"#, "plain"),
    ])
    func jsonStringsReadAsJSONMeansThem(json: String, expected: String) throws {
        #expect(try string(json) == expected)
    }

    @Test func aLoneSurrogateIsStillAnError() {
        #expect(throws: DocumentError.self) { try string(#"{"s": "\ud83d"}"#) }
    }

    @Test func linesKeepTheirNumbersAfterARewrite() throws {
        let json = "{\"a\": \"\u{2028}\",\n \"b\": \"\\ud83d\\ude00\",\n \"c\": 1}"
        let root = try DocumentParser().parseSingle(Array(json.utf8), format: .json)
        #expect(root["c"]?.location?.line == 3)
        #expect(root["b"]?.string == "😀")
    }

    @Test func textWithoutAnythingToRewriteIsReturnedAsIs() {
        let text: Substring = #"{"a": [1, "b", {"c": null}]}"#
        #expect(JSONForYAMLReader.rewrite(text) == text)
    }
}

@Suite struct RFC3339DateTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0) as (String, Double),
        ("2026-11-22T08:00:00Z", 1_795_334_400.0),
        ("2026-11-22T08:00:00.25Z", 1_795_334_400.25),
        ("2026-11-22t09:30:00+01:30", 1_795_334_400.0),
        ("2026-01-01T00:00:00-19:17", 1_767_295_020.0),  // beyond ±18:00: 1_767_225_600 + 19 h 17 min
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1500-03-01T00:00:00Z", -14_826_672_000.0),  // proleptic Gregorian, not Julian
        ("2016-12-31T23:59:60Z", 1_483_228_800.0),  // a leap second: the next minute
    ])
    func instants(text: String, seconds: Double) {
        #expect(RFC3339.date(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-11-22", "2026-11-22T08:00:00", "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-22T24:00:00Z",
        "2026-11-22T08:00:00+24:00", "2026-11-22T08:00:00.Z", "yesterday", "2026-11-22T08:00:00Zjunk",
    ])
    func refused(text: String) {
        #expect(RFC3339.date(text) == nil)
    }
}
