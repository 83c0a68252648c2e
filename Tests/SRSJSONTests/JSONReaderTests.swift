import Testing
@testable import SRSJSON

/// The reader itself, on its own bytes: strict RFC 8259, with the offset and the message of each
/// refusal.
@Suite struct JSONReaderTests {
    /// Runs `body` on a reader over `text`; returns its result and where the reader stopped.
    static func read<T>(_ text: String, _ body: (inout JSONReader) throws -> T) throws -> (T, Int) {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            let value = try body(&reader)
            return (value, reader.offset)
        }
    }

    static func refusal(_ text: String, _ body: (inout JSONReader) throws -> Any) -> JSONError? {
        do {
            _ = try read(text, body)
            return nil
        } catch let error as JSONError {
            return error
        } catch {
            return nil
        }
    }

    @Test func acceptsEveryNumberForm() throws {
        let numbers: [(String, Double)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-12", -12), ("0.5", 0.5), ("-0.25", -0.25), ("10.0", 10),
            ("1e5", 100_000), ("1E+2", 100), ("25e-1", 2.5), ("0e0", 0), ("-1.5E3", -1500),
            ("2.5000000000000001", 2.5), ("123456789012345678", 1.2345678901234568e17),
        ]
        for (text, value) in numbers {
            let (read, end) = try Self.read(text) { try $0.readDouble() }
            #expect(read == value, "\(text)")
            #expect(end == text.utf8.count, "\(text) read to its end")
        }
    }

    @Test func refusesNumbersRFC8259Refuses() {
        let refused: [(String, String)] = [
            (".5", "a number without a digit before its '.' (write 0.5, not .5)"),
            ("-.5", "a number without a digit before its '.' (write 0.5, not .5)"),
            ("5.", "a number without a digit after its '.' (write 5 or 5.0, not 5.)"),
            ("5.e3", "a number without a digit after its '.' (write 5 or 5.0, not 5.)"),
            ("01", "a number with a leading zero (write 7, not 07)"),
            ("-00.5", "a number with a leading zero (write 7, not 07)"),
            ("+1", "a number with a '+' sign (write 1, not +1)"),
            ("1e", "a number without digits in its exponent (write 1e5)"),
            ("1e+", "a number without digits in its exponent (write 1e5)"),
            ("-", "expected a number"), ("--1", "expected a number"), ("Infinity", "expected a number"),
            ("NaN", "expected a number"),
        ]
        for (text, problem) in refused {
            let error = Self.refusal("  " + text) { try $0.readDouble() }
            #expect(error == JSONError(offset: 2, problem: problem), "\(text)")
        }
    }

    @Test func readIntRefusesTheSameAndFractions() {
        let refused: [(String, String)] = [
            ("01", "a number with a leading zero (write 7, not 07)"), ("-01", "a number with a leading zero (write 7, not 07)"),
            ("+1", "a number with a '+' sign (write 1, not +1)"), (".5", "expected an integer"),
            ("1.5", "expected a whole number"), ("1e3", "expected a whole number"),
            ("9223372036854775808", "an integer too large"),
        ]
        for (text, problem) in refused {
            #expect(Self.refusal(text) { try $0.readInt() } == JSONError(offset: 0, problem: problem), "\(text)")
        }
    }

    @Test func readIntReadsTheWholeRange() throws {
        for (text, value) in [("0", 0), ("-0", 0), ("10", 10), ("9223372036854775807", Int64.max),
                              ("-9223372036854775808", Int64.min)] as [(String, Int64)] {
            #expect(try Self.read(text) { try $0.readInt() }.0 == value, "\(text)")
        }
    }

    @Test func theFastPathAgreesWithTheGrammar() {
        let bytes = Array("0.5 .5 5. 01 -0 12.25".utf8)
        let results = bytes.withUnsafeBufferPointer { buffer in
            [0..<3, 4..<6, 7..<9, 10..<12, 13..<15, 16..<21].map { JSONReader.exactDouble(buffer, $0) }
        }
        #expect(results == [0.5, nil, nil, nil, -0.0, 12.25])
    }

    /// Up to 2^53 as an integer of digits the fast path answers, exactly as strtod; beyond it, nil.
    @Test func theFastPathTakesDigitsUpToTwoToThe53() {
        let texts = ["2.083724125574744", "9007199254740.992", "0.9007199254740992", "-4.010608969296839",
                     "9007199254740.993", "1458.3822301486643", "12345678901234567890.5"]
        let results = texts.map { text in Array(text.utf8).withUnsafeBufferPointer { JSONReader.exactDouble($0, 0..<$0.count) } }
        #expect(results == texts.prefix(4).map(Double.init) + [nil, nil, nil])
        #expect(results[0] == 2.083724125574744 && results[2] == 0.9007199254740992)
    }

    @Test func stringsUnescapeAndRefuseControls() throws {
        #expect(try Self.read(#""a\"b\\c\n\u00e9\ud83d\ude00""#) { try $0.readString() }.0 == "a\"b\\c\né😀")
        #expect(Self.refusal("\"a\u{1}\"") { try $0.readString() } == JSONError(offset: 2, problem: "a control character inside a string"))
        #expect(Self.refusal(#""\ud83d""#) { try $0.readString() }?.problem == "a lone UTF-16 surrogate in a string")
        #expect(Self.refusal(#""\x""#) { try $0.readString() }?.problem == "an unknown escape in a string")
    }

    @Test func anErrorInsideAMemberNamesItsKeys() throws {
        var caught: JSONError?
        do { _ = try JSONValue.parse(Array(#"{"a": 1, "new_today": {"day": "x", "limit": 040}}"#.utf8)) } catch let error as JSONError { caught = error }
        let error = try #require(caught)
        #expect(error.path == ["new_today", "limit"])
        #expect(error.located == #""new_today.limit": a number with a leading zero (write 7, not 07)"#)
        #expect(error.offset == 44)
    }

    @Test func aWholeTextMustEndAfterItsValue() {
        #expect(throws: JSONError(offset: 3, problem: "unexpected text after the value")) { try JSONValue.parse(Array("{} x".utf8)) }
        #expect(throws: JSONError(offset: 0, problem: "expected a value")) { try JSONValue.parse(Array("".utf8)) }
    }

    @Test func valuesKeepNumbersWholeOrNot() throws {
        let value = try JSONValue.parse(Array(#"{"n": 3, "x": 3.0, "e": 1e2, "s": [true, null]}"#.utf8))
        #expect(value["n"] == .number(3, isInteger: true))
        #expect(value["x"] == .number(3, isInteger: false))
        #expect(value["e"] == .number(100, isInteger: false))
        #expect(value["s"] == .array([.bool(true), .null]))
    }

    /// Skipping a value the caller does not know (a member srs does not read) holds a stack frame
    /// per bracket: nesting that no file srs writes has is refused at the depth `JSONValue`
    /// refuses, not followed until the stack overflows (a crash, exit 139).
    @Test(arguments: ["[", "{\"a\":"]) func skippingDeepNestingIsRefusedNotACrash(open: String) {
        let deep = String(repeating: open, count: 100_000)
        let refusal = Self.refusal(deep, { try $0.skipValue() })
        #expect(refusal?.problem == "nesting deeper than 512")
        #expect(refusal?.offset == 512 * open.utf8.count) // at the 513th bracket
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { _ = try Self.read(allowed) { try $0.skipValue() } }
        #expect(Self.refusal("[" + allowed + "]", { try $0.skipValue() })?.problem == "nesting deeper than 512")
    }

    /// Where reading ends, or the refusal, as the learner would see it.
    static func outcome(_ bytes: [UInt8], _ body: (inout JSONReader) throws -> Void) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            do {
                try body(&reader)
                return "end \(reader.offset)"
            } catch let error as JSONError {
                return "\(error.problem) at \(error.offset)"
            } catch {
                return "\(error)"
            }
        }
    }

    /// Skipping a string (a member srs does not read) builds no copy of it, yet refuses exactly
    /// what reading it refuses, at the same offset: 3,000 random strings of quotes, escapes,
    /// surrogate halves, control characters and broken UTF-8.
    @Test func skippingAStringRefusesWhatReadingItRefuses() {
        let pieces: [[UInt8]] = [[0x22], [0x5C], Array("u".utf8), Array("D83D".utf8), Array("DE00".utf8), Array("00e9".utf8),
                                 Array("n".utf8), Array("a".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xC3], [0x80],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x01], [0x0A], [0x7F]]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var kinds: Set<String> = []
        for _ in 0..<3000 {
            var bytes: [UInt8] = [0x22]
            for _ in 0..<next(12) { bytes += pieces[next(pieces.count)] }
            if next(4) > 0 { bytes.append(0x22) }
            let read = Self.outcome(bytes) { _ = try $0.readString() }
            #expect(Self.outcome(bytes) { try $0.skipValue() } == read, "\(bytes)")
            kinds.insert(String(read.prefix(while: { !$0.isNumber })))
        }
        #expect(kinds.count >= 8) // read whole, and each kind of refusal
    }
}
