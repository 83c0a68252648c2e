import Foundation

/// A zip archive's central directory, read from bytes in memory with every offset and size
/// checked against them (zip64 included, for packages past 65,535 media files or 4 GiB).
struct ZipDirectory {
    /// One member: where its data is and how it is packed.
    struct Member {
        let name: String
        let method: Int
        let crc: UInt32
        let packedSize: Int
        let size: Int
        let localHeader: Int
        let encrypted: Bool
    }

    let members: [Member]

    private static let damaged = AnkiError.notAZip("its zip directory is missing or damaged (a truncated download?)")

    init(_ bytes: ByteReader) throws {
        let end = try Self.endRecord(bytes)
        var count = try bytes.u16(end + 10), size = try bytes.u32(end + 12), offset = try bytes.u32(end + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            (count, size, offset) = try Self.zip64End(bytes, before: end)
        }
        guard offset + size <= end, count <= size / 46 else { throw Self.damaged }
        var members: [Member] = []
        var position = offset
        for _ in 0..<count {
            let member = try Self.member(bytes, at: &position)
            members.append(member)
        }
        self.members = members
    }

    /// The end-of-central-directory record: the last signature within the final 64 KiB + 22 bytes.
    private static func endRecord(_ bytes: ByteReader) throws -> Int {
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var position = bytes.count - 22
        while position >= lowest {
            if try bytes.u32(position) == 0x0605_4B50 { return position }
            position -= 1
        }
        throw damaged
    }

    private static func zip64End(_ bytes: ByteReader, before end: Int) throws -> (Int, Int, Int) {
        guard end >= 20, try bytes.u32(end - 20) == 0x0706_4B50 else { throw damaged }
        let record = try bytes.u64(end - 20 + 8)
        guard try bytes.u32(record) == 0x0606_4B50 else { throw damaged }
        return (try bytes.u64(record + 32), try bytes.u64(record + 40), try bytes.u64(record + 48))
    }

    private static func member(_ bytes: ByteReader, at position: inout Int) throws -> Member {
        let p = position
        guard try bytes.u32(p) == 0x0201_4B50 else { throw damaged }
        let nameLength = try bytes.u16(p + 28), extraLength = try bytes.u16(p + 30), commentLength = try bytes.u16(p + 32)
        let name = String(decoding: try bytes.slice(p + 46, nameLength), as: UTF8.self)
        var sizes = [try bytes.u32(p + 24), try bytes.u32(p + 20), try bytes.u32(p + 42)]
        try zip64Sizes(&sizes, extra: try bytes.slice(p + 46 + nameLength, extraLength))
        position = p + 46 + nameLength + extraLength + commentLength
        return Member(name: name, method: try bytes.u16(p + 10), crc: UInt32(try bytes.u32(p + 16)),
                      packedSize: sizes[1], size: sizes[0], localHeader: sizes[2], encrypted: try bytes.u16(p + 8) & 1 == 1)
    }

    /// The zip64 extra field (id 1) holds, in order, each of size, packed size and offset that is 0xFFFFFFFF.
    private static func zip64Sizes(_ sizes: inout [Int], extra: Data) throws {
        let field = ByteReader(extra)
        var position = 0
        while position + 4 <= extra.count {
            let id = try field.u16(position), length = try field.u16(position + 2)
            if id == 1 {
                var at = position + 4
                for index in sizes.indices where sizes[index] == 0xFFFF_FFFF && at + 8 <= position + 4 + length {
                    sizes[index] = try field.u64(at)
                    at += 8
                }
            }
            position += 4 + length
        }
    }
}

/// Little-endian reads from bytes, each bounds-checked (`.notAZip` past the end).
struct ByteReader {
    let data: Data
    init(_ data: Data) { self.data = data }
    var count: Int { data.count }

    func slice(_ offset: Int, _ length: Int) throws -> Data {
        guard offset >= 0, length >= 0, offset <= data.count - length else {
            throw AnkiError.notAZip("its zip directory is missing or damaged (a truncated download?)")
        }
        let start = data.startIndex + offset
        return data.subdata(in: start..<start + length)
    }

    /// The bytes `offset..<offset + length` viewed in place (no copy), bounds-checked.
    func withBytes<R>(_ offset: Int, _ length: Int, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        guard offset >= 0, length >= 0, offset <= data.count - length else {
            throw AnkiError.notAZip("its zip directory is missing or damaged (a truncated download?)")
        }
        return try data.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
    }

    func u16(_ offset: Int) throws -> Int { Int(try little(offset, 2)) }
    func u32(_ offset: Int) throws -> Int { Int(try little(offset, 4)) }
    func u64(_ offset: Int) throws -> Int {
        let value = try little(offset, 8)
        guard value < UInt64(Int.max) else { throw AnkiError.notAZip("its zip directory holds an impossible size") }
        return Int(value)
    }

    private func little(_ offset: Int, _ length: Int) throws -> UInt64 {
        try slice(offset, length).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
