/// The three report formats: JSON for programs, one line per finding for people and grep, and
/// JUnit XML for CI systems that render test results.
extension ValidationReport {
    /// `{"valid", "summary", "findings"}`; `valid` is false when `fails(strict:)`.
    public func json(strict: Bool = false) -> JSONValue {
        let summary: JSONObject = [
            "sources": .integer(Int64(sources.count)),
            "documents": .integer(Int64(documentCount)),
            "resources": .integer(Int64(resourceCount)),
            "errors": .integer(Int64(count(.error))),
            "warnings": .integer(Int64(count(.warning))),
            "infos": .integer(Int64(count(.info))),
        ]
        return .object([
            "valid": .bool(!fails(strict: strict)),
            "strict": .bool(strict),
            "summary": .object(summary),
            "findings": .array(findings.map(\.json)),
        ])
    }

    /// `source:line:column: severity CODE Kind/namespace/name /path: message`, one line per
    /// finding, in report order; empty when there is nothing to say.
    public func text() -> String {
        findings.map { $0.line + "\n" }.joined()
    }

    /// `3 resources in 2 sources: 1 error, 2 warnings, 0 infos`.
    public var summaryLine: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(resourceCount, "resource")) in \(plural(sources.count, "source")): "
            + "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(plural(count(.info), "info"))"
    }

    /// JUnit XML: one test case per object (and per unreadable document); a case fails when
    /// the object has an error finding (or a warning, with `strict`). Every finding of the
    /// object is listed in the failure text or in `system-out`.
    public func junit(strict: Bool = false) -> String {
        struct Case {
            var classname: String
            var name: String
            var findings: [Finding]
        }
        var cases: [Case] = []
        var indexByKey: [String: Int] = [:]
        for finding in findings {
            let document = finding.resource?.documentIndex ?? 0
            let name = finding.resource.map { $0.kind == nil ? "document \($0.documentIndex)" : $0.label } ?? "document \(document)"
            let key = "\(finding.source)\u{0}\(document)\u{0}\(name)"
            if let index = indexByKey[key] {
                cases[index].findings.append(finding)
            } else {
                indexByKey[key] = cases.count
                cases.append(Case(classname: finding.source, name: name, findings: [finding]))
            }
        }
        let failing = cases.filter { $0.findings.contains { $0.severity == .error || (strict && $0.severity == .warning) } }
        let passingObjects = max(0, resourceCount - cases.filter { $0.findings.first?.resource?.kind != nil }.count)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = cases.count + passingObjects
        xml += "<testsuites name=\"trafficspec validate\" tests=\"\(total)\" failures=\"\(failing.count)\">\n"
        xml += "  <testsuite name=\"trafficspec validate\" tests=\"\(total)\" failures=\"\(failing.count)\" errors=\"0\" skipped=\"0\">\n"
        for testCase in cases {
            xml += "    <testcase classname=\"\(Self.xmlEscaped(testCase.classname))\" name=\"\(Self.xmlEscaped(testCase.name))\">\n"
            let lines = testCase.findings.map(\.line).joined(separator: "\n")
            if let first = testCase.findings.first(where: { $0.severity == .error || (strict && $0.severity == .warning) }) {
                xml += "      <failure type=\"\(first.code)\" message=\"\(Self.xmlEscaped(first.message))\">"
                xml += Self.xmlEscaped(lines) + "</failure>\n"
            } else {
                xml += "      <system-out>\(Self.xmlEscaped(lines))</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        if passingObjects > 0 {
            xml += "    <testcase classname=\"trafficspec\" name=\"\(passingObjects) other resources without findings\"/>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// Escapes the five XML specials and drops characters XML 1.0 cannot carry at all.
    static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension Finding {
    /// The finding as a JSON object (`resource`, `line` and `column` omitted when unknown).
    public var json: JSONValue {
        var object: JSONObject = [
            "code": .string(code),
            "name": .string(name),
            "severity": .string(severity.rawValue),
            "source": .string(source),
        ]
        if let resource {
            var described: JSONObject = [:]
            if let apiVersion = resource.apiVersion { described["apiVersion"] = .string(apiVersion) }
            if let kind = resource.kind { described["kind"] = .string(kind) }
            if let namespace = resource.namespace { described["namespace"] = .string(namespace) }
            if let name = resource.name { described["name"] = .string(name) }
            described["documentIndex"] = .integer(Int64(resource.documentIndex))
            object["resource"] = .object(described)
        }
        object["path"] = .string(path)
        if let location {
            object["line"] = .integer(Int64(location.line))
            object["column"] = .integer(Int64(location.column))
        }
        object["message"] = .string(message)
        object["hint"] = .string(hint)
        return .object(object)
    }

    /// `source:line:column: severity CODE Kind/namespace/name /path: message`.
    public var line: String {
        var text = source
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity.rawValue) \(code)"
        if let resource, resource.kind != nil { text += " \(resource.label)" }
        if !path.isEmpty { text += " \(path)" }
        return text + ": " + message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
