import Testing
import TrafficStore

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test func equalBytes_areEqual() {
        #expect(ConstantTime.isEqual([], []))
        #expect(ConstantTime.isEqual([0x00], [0x00]))
        #expect(ConstantTime.isEqual(Array(0...255), Array(0...255)))
        #expect(ConstantTime.isEqual("tsk_abc", "tsk_abc"))
    }

    @Test(arguments: [0, 1, 31, 63])
    func oneDifferentBit_anywhere_isUnequal(position: Int) {
        let digest = [UInt8](repeating: 0xA5, count: 64)
        var changed = digest
        changed[position] ^= 0x01
        #expect(!ConstantTime.isEqual(digest, changed))
        #expect(!ConstantTime.isEqual(changed, digest))
    }

    @Test func differentLengths_areUnequal_evenAsPrefixes() {
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.isEqual([1, 2], [1, 2, 3]))
        #expect(!ConstantTime.isEqual([], [0]))
        // Zero padding must not make a shorter value equal to a longer one.
        #expect(!ConstantTime.isEqual([7, 0], [7]))
        #expect(!ConstantTime.isEqual("abc", "abc\u{0}"))
        #expect(!ConstantTime.isEqual("abc", "abcd"))
    }

    @Test func strings_compareTheirUTF8Bytes() {
        #expect(!ConstantTime.isEqual("é", "e\u{301}"))  // canonically equivalent, different bytes
        #expect(!ConstantTime.isEqual("A", "a"))
    }
}
