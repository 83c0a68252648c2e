import Foundation

/// A reader of the protobuf wire format, for the few fields of Anki's messages srs needs
/// (`PackageMetadata`, `MediaEntries`, `Notetype.Config`, `Template.Config`, `DeckConfig.Config`,
/// `Deck.KindContainer`). Unknown fields are skipped, as protobuf requires.
struct ProtoWire {
    /// One field: its number and its value.
    enum Value: Equatable {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(Data)
        case fixed32(UInt32)
    }

    struct Malformed: Error {}

    /// Every field of `data` in order; throws `Malformed` on a cut or invalid encoding.
    static func fields(_ data: Data) throws -> [(number: Int, value: Value)] {
        var reader = ProtoWire(bytes: [UInt8](data))
        var out: [(number: Int, value: Value)] = []
        while reader.offset < reader.bytes.count {
            out.append(try reader.field())
        }
        return out
    }

    private let bytes: [UInt8]
    private var offset = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func field() throws -> (number: Int, value: Value) {
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed() }
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return (number, .fixed64(try little(8)))
        case 2:
            let count = Int(clamping: try varint())
            guard count <= bytes.count - offset else { throw Malformed() }
            defer { offset += count }
            return (number, .bytes(Data(bytes[offset..<offset + count])))
        case 5: return (number, .fixed32(UInt32(try little(4))))
        default: throw Malformed()
        }
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard offset < bytes.count else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        throw Malformed()
    }

    private mutating func little(_ count: Int) throws -> UInt64 {
        guard count <= bytes.count - offset else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Typed look-ups over the fields of one message.
struct ProtoMessage {
    let fields: [(number: Int, value: ProtoWire.Value)]

    init(_ data: Data) throws { fields = try ProtoWire.fields(data) }

    /// The last varint of field `number` (protobuf's rule for repeated scalars), or 0.
    func uint(_ number: Int) -> UInt64 {
        for field in fields.reversed() where field.number == number {
            if case .varint(let v) = field.value { return v }
        }
        return 0
    }

    /// Field `number` as a float (wire type fixed32), or nil when absent.
    func float(_ number: Int) -> Float? {
        for field in fields.reversed() where field.number == number {
            if case .fixed32(let bits) = field.value { return Float(bitPattern: bits) }
        }
        return nil
    }

    /// Every length-delimited value of field `number` (strings, sub-messages).
    func bytes(_ number: Int) -> [Data] {
        fields.compactMap { field in
            guard field.number == number, case .bytes(let data) = field.value else { return nil }
            return data
        }
    }

    /// Field `number` as UTF-8 text, or "" when absent.
    func string(_ number: Int) -> String { bytes(number).last.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    /// A `repeated float`, packed or not.
    func floats(_ number: Int) -> [Float] {
        fields.flatMap { field -> [Float] in
            guard field.number == number else { return [] }
            switch field.value {
            case .fixed32(let bits): return [Float(bitPattern: bits)]
            case .bytes(let data) where data.count % 4 == 0:
                let raw = [UInt8](data)
                return stride(from: 0, to: raw.count, by: 4).map { i in
                    Float(bitPattern: raw[i..<i + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                }
            default: return []
            }
        }
    }
}
