import CZlib
import Foundation

/// A zip archive held in memory, read member by member under `AnkiLimits`: Stored members are
/// sliced, Deflated ones inflated with the system zlib in chunks; every member's CRC-32 is checked.
struct ZipArchive {
    private let bytes: ByteReader
    private let members: [String: ZipDirectory.Member]
    let names: [String]
    let limits: AnkiLimits

    /// Opens the archive's directory; throws `.notAZip` when the bytes are not a whole zip.
    init(data: Data, limits: AnkiLimits) throws {
        guard data.count >= 22, data.starts(with: [0x50, 0x4B]) else {
            throw AnkiError.notAZip(data.isEmpty ? "the file is empty" : "it does not start as a zip archive does")
        }
        bytes = ByteReader(data)
        let directory = try ZipDirectory(bytes)
        names = directory.members.map(\.name)
        members = Dictionary(directory.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.limits = limits
    }

    /// Whether the archive has a member of that name.
    func contains(_ name: String) -> Bool { members[name] != nil }

    /// The unpacked bytes of member `name`; nil when there is no such member.
    func read(_ name: String) throws -> Data? {
        var out = Data()
        return try read(name) { out.append(contentsOf: $0) } ? out : nil
    }

    /// Unpacks member `name` into `sink` chunk by chunk; false when there is no such member.
    /// A Stored member is checked (size, CRC-32) before `sink` sees it, as one chunk that views
    /// the archive's bytes (no copy); a Deflated one is checked at the end, so a sink must not
    /// act before the call returns.
    func read(_ name: String, into sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        guard let member = members[name] else { return false }
        guard !member.encrypted else { throw AnkiError.damagedEntry(entry: name, problem: "it is encrypted") }
        try limits.check(entry: name, produced: member.size, consumed: member.packedSize)
        let start = try dataStart(of: member)
        try bytes.withBytes(start, member.packedSize) { packed in
            switch member.method {
            case 0:
                try Self.verify(member, produced: packed.count, crc: Self.crc(0, packed))
                try sink(packed)
            case 8:
                var produced = 0
                var crc: uLong = 0
                try Inflate.run(packed, entry: name, limits: limits) { chunk in
                    produced += chunk.count
                    crc = Self.crc(crc, chunk)
                    try sink(chunk)
                }
                try Self.verify(member, produced: produced, crc: crc)
            default:
                throw AnkiError.damagedEntry(entry: name, problem: "compression method \(member.method) is not zip's Stored or Deflated")
            }
        }
        return true
    }

    /// The whole unpacked member `name` handed to `body` at once: a view of the archive's bytes
    /// when it is Stored, else inflated into memory first; nil when there is no such member.
    func withMember<R>(_ name: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        guard let member = members[name] else { return nil }
        if member.method == 0, !member.encrypted {
            var result: R?
            _ = try read(name) { result = try body($0) }
            return result
        }
        guard let unpacked = try read(name) else { return nil }
        return try unpacked.withUnsafeBytes(body)
    }

    /// zlib's CRC-32 of `chunk`, continuing from `crc` (0 to start); the zip writer uses it too.
    static func crc(_ crc: uLong, _ chunk: UnsafeRawBufferPointer) -> uLong {
        CZlib.crc32(crc, chunk.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(chunk.count))
    }

    private static func verify(_ member: ZipDirectory.Member, produced: Int, crc: uLong) throws {
        guard produced == member.size else {
            throw AnkiError.damagedEntry(entry: member.name, problem: "it unpacks to \(produced) bytes, not the \(member.size) its directory says")
        }
        guard UInt32(truncatingIfNeeded: crc) == member.crc else { throw AnkiError.damagedEntry(entry: member.name, problem: "its CRC-32 does not match") }
    }

    /// Where the packed bytes start, after the member's local header (checked to lie within the archive).
    private func dataStart(of member: ZipDirectory.Member) throws -> Int {
        do {
            guard try bytes.u32(member.localHeader) == 0x0403_4B50 else { throw AnkiError.notAZip("") }
            let start = member.localHeader + 30 + (try bytes.u16(member.localHeader + 26)) + (try bytes.u16(member.localHeader + 28))
            try bytes.withBytes(start, member.packedSize) { _ in }
            return start
        } catch {
            throw AnkiError.damagedEntry(entry: member.name, problem: "its data is missing or cut short")
        }
    }
}

/// Raw deflate (zip method 8) with zlib, chunk by chunk, under the limits.
enum Inflate {
    static func run(_ packed: UnsafeRawBufferPointer, entry: String, limits: AnkiLimits, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw AnkiError.damagedEntry(entry: entry, problem: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var produced = 0
        var status = Z_OK
        // zlib reads the input only; its API type is mutable for historical reasons.
        stream.next_in = packed.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
        stream.avail_in = uInt(packed.count)
        while status != Z_STREAM_END {
            let written = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int in
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
                return outBuffer.count - Int(stream.avail_out)
            }
            guard status == Z_OK || status == Z_STREAM_END else {
                throw AnkiError.damagedEntry(entry: entry, problem: status == Z_BUF_ERROR ? "its deflate stream is cut short" : "its deflate stream is damaged")
            }
            try chunk.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
            produced += written
            try limits.check(entry: entry, produced: produced, consumed: max(packed.count - Int(stream.avail_in), 1))
        }
    }
}
