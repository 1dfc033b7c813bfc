import Testing
import TrafficCore

/// CRDs given with --crd-dir: their schema checks objects, `allOf` constraints included.
@Suite struct CRDSchemaLoaderTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: buffers.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Buffer, plural: buffers}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        limit:
                          anyOf: [{type: integer}, {type: string}]
                          x-kubernetes-int-or-string: true
                          allOf:
                            - pattern: '^[0-9]+(Ki|Mi)?$'
                            - pattern: '^[1-9]'
                        payload:
                          type: string
                          allOf:
                            - enum: [Text, Binary]
                        mode:
                          type: string
                          x-kubernetes-validations:
                            - rule: self != 'Disabled'
                              message: mode cannot be Disabled
            - name: v0
              served: false
              storage: false

        """

    private func validate(_ spec: String) throws -> [Finding] {
        let kinds = try CRDSchemaLoader.load(Array(Self.crd.utf8), source: "buffer.yaml", objectMeta: SchemaCatalog.builtin.objectMeta)
        #expect(kinds.map(\.versions) == [["v1"]], "unserved versions are skipped")
        let validator = ManifestValidator(catalog: SchemaCatalog.builtin.adding(kinds), analyzers: [])
        let yaml = "apiVersion: example.com/v1\nkind: Buffer\nmetadata: {name: b}\nspec: \(spec)\n"
        return validator.validate(bytes: Array(yaml.utf8), source: "b.yaml").findings
    }

    /// The findings other than the once-per-kind note that CEL rules were not evaluated.
    private func problems(_ spec: String) throws -> [Finding] {
        try validate(spec).filter { $0.code != Diagnostic.celNotEvaluated.code }
    }

    @Test func everyAllOfConstraintMustHold() throws {
        #expect(try problems("{limit: 32Ki, payload: Text}").isEmpty)
        let leadingZero = try problems("{limit: 0Ki}")
        #expect(leadingZero.map(\.code) == ["TS1006"], "the second pattern refuses a leading zero")
        let typo = try problems("{payload: Txt}")
        #expect(typo.map(\.code) == ["TS1004"])
        #expect(typo.first?.path == "/spec/payload")
    }

    @Test func celRulesAreReportedAsNotEvaluated() throws {
        let findings = try validate("{mode: Disabled}")
        #expect(findings.map(\.code) == ["TS0012"])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.message.contains("1 CEL rules") == true)
    }

    @Test func aFileWithoutCRDsGivesNoKinds() throws {
        #expect(try CRDSchemaLoader.load(Array("apiVersion: v1\nkind: ConfigMap\n".utf8), source: "x", objectMeta: nil).isEmpty)
        #expect(throws: CRDSchemaLoader.LoadError.self) {
            try CRDSchemaLoader.load(Array("kind: CustomResourceDefinition\nspec: {}\n".utf8), source: "x", objectMeta: nil)
        }
    }
}
