import Testing
@testable import SRSJSON

@Suite struct JSONTextTests {
    @Test func quotesEscapeQuotesBackslashesAndControls() {
        #expect(JSONText.quoted("a\"b\\c\n\t\r\u{1}\u{7F}\u{85}é") == #""a\"b\\c\n\t\r\u0001\u007f\u0085é""#)
    }

    @Test func bidiZeroWidthAndSeparatorsAreEscapedToo() throws {
        let text = "\u{202E}rtl \u{2066}iso\u{2069} z\u{200B}w\u{2060}j\u{FEFF} \u{2028}\u{AD} 👨‍👩‍👧 \u{E0067}"
        let quoted = JSONText.quoted(text)
        #expect(quoted == #""\u202ertl \u2066iso\u2069 z\u200bw\u2060j\ufeff \u2028\u00ad 👨\u200d👩\u200d👧 \udb40\udc67""#)
        // Read back, the same text.
        let value = try Array(quoted.utf8).withUnsafeBufferPointer { buffer -> String in
            var reader = JSONReader(buffer)
            return try reader.readString()
        }
        #expect(value == text)
    }

    @Test func numbersKeepAtMostTheirPlacesWithoutTrailingZeros() {
        let cases: [(Double, Int, String)] = [
            (2.456, 2, "2.46"), (2.5, 2, "2.5"), (3, 2, "3"), (-0.001, 2, "0"), (-1.25, 1, "-1.3"),
            (1234567.5, 0, "1234568"), (.infinity, 2, "null"),
        ]
        for (value, places, text) in cases {
            #expect(JSONText.number(value, places: places).rendered() == text)
        }
    }

    @Test func smallFlatObjectsStayOnOneLine() {
        let value = JSONText.object([("a", .int(1)), ("b", .array([.object([("c", .null)])]))])
        #expect(value.rendered() == "{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": null}\n  ]\n}")
    }
}

@Suite struct JSONTextLineTests {
    static let value = JSONText.object([("a", .int(1)), ("b", .array([.double(2.36), .bool(true), .string("x")]))])

    @Test func compactHasNoSpaces() {
        #expect(Self.value.compact == #"{"a":1,"b":[2.36,true,"x"]}"#)
    }

    @Test func oneLineSpacedWhenNoIndent() {
        #expect(Self.value.rendered(indent: nil) == #"{"a": 1, "b": [2.36, true, "x"]}"#)
    }

    @Test func doublesAreShortestAndNeverInfinite() {
        #expect(JSONText.shortest(2.5) == "2.5")
        #expect(JSONText.shortest(1.3) == "1.3")
        #expect(JSONText.shortest(.nan) == "null")
        #expect(JSONText.double(-.infinity).compact == "null")
    }
}
