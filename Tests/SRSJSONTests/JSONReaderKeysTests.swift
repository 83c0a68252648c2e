import Testing
@testable import SRSJSON

/// Objects read against a list of known keys (`readObject(keys:)`, `readString(matching:)`): the
/// same positions whatever form a key is written in, and the general reader's errors.
@Suite struct JSONReaderKeysTests {
    static let names = JSONReader.Names(["due", "type", "last_review", "a_key_longer_than_sixteen", "x", ""])

    /// The positions `readObject(keys:)` reports for each member of `text`, and each value.
    static func members(_ text: String) throws -> [String] {
        try JSONReaderTests.read(text) { reader in
            var seen: [String] = []
            try reader.readObject(keys: names) { r, key in seen.append("\(key.map(String.init) ?? "-")=\(try r.readInt())") }
            return seen
        }.0
    }

    @Test(arguments: [
        // Short keys (found 16 bytes at a time), keys at the very end of the text (byte by byte),
        // keys longer than 16 bytes, escaped and unknown keys, blanks anywhere.
        ("{\"due\":1,\"type\":2,\"last_review\":3}", ["0=1", "1=2", "2=3"]),
        ("{\"x\":1}", ["4=1"]),
        ("{\"\":5,\"a_key_longer_than_sixteen\":6,\"a_key_longer_than_sixteeN\":7}", ["5=5", "3=6", "-=7"]),
        ("{\"d\\u0075e\":1,\"ty\\/pe\":2,\"typ\":3,\"types\":4,\"dué\":5}", ["0=1", "-=2", "-=3", "-=4", "-=5"]),
        (" { \"due\" : 1 , \"last_review\"\n:\t2 } ", ["0=1", "2=2"]),
        ("{\"due\":1,\"due\":2}", ["0=1", "0=2"]),
        ("{}", []),
    ])
    func keysAreFoundWhateverTheirForm(text: String, expected: [String]) throws {
        #expect(try Self.members(text) == expected)
    }

    @Test func eachLengthUpToSixteenBytesIsMatchedExactly() throws {
        // Every prefix of a 20-byte name, each followed by more text than 16 bytes and by none.
        let long = "abcdefghijklmnopqrst"
        let prefixes = (0...long.count).map { String(long.prefix($0)) }
        let names = JSONReader.Names(prefixes)
        for (position, name) in prefixes.enumerated() {
            for tail in ["", ",\"padding after the string\""] {
                let (found, end) = try JSONReaderTests.read("\"\(name)\"" + tail) { try $0.readString(matching: names) }
                #expect(found == position, "\(name)")
                #expect(end == name.utf8.count + 2)
            }
            let (other, _) = try JSONReaderTests.read("\"\(name)!\"") { try $0.readString(matching: names) }
            #expect(other == nil || other == prefixes.firstIndex(of: name + "!"), "\(name)! is not \(name)")
        }
    }

    @Test(arguments: [
        ("{\"due\":01}", "\"due\": a number with a leading zero (write 7, not 07)"),
        ("{\"due\" 1}", "expected ':'"),
        ("{\"du\\qe\":1}", "an unknown escape in a string"),
        ("{\"due\":1 \"x\":2}", "expected ',' or '}' after a value"),
        ("{\"due", "a string that does not end"),
        ("{\"a\u{1}\":1}", "a control character inside a string"),
        ("{\"x\":\"\\u00e9\"}", "\"x\": expected an integer"),
    ])
    func errorsAreTheGeneralReaders(text: String, message: String) {
        let keyed = JSONReaderTests.refusal(text) { reader in
            try reader.readObject(keys: Self.names) { r, _ in _ = try r.readInt() }
        }
        let general = JSONReaderTests.refusal(text) { reader in
            try reader.readObject { r, _ in _ = try r.readInt() }
        }
        #expect(keyed?.located == message)
        #expect(keyed == general, "the same message, offset and member")
    }
}
