import CSQLite
import CZlib
import CZstd
import Foundation
@testable import SRSAnki

/// Packages made by hand for the bad cases: zips of chosen members, zstd frames, and the legacy
/// fixture's collection changed by SQL.
enum Crafted {
    /// A zip of `members` (name, bytes, deflated?), in memory: local headers, the central
    /// directory and its end record, as zip writers lay them out.
    /// With `zip64`, the end record points to a zip64 end record, as writers do past 65,535
    /// members; `flags` and `method` override the general-purpose flags and the method.
    static func zip(_ members: [(String, Data, Bool)], zip64: Bool = false, flags: Int = 0x800, method: Int? = nil) throws -> Data {
        var body = Data(), directory = Data()
        for (name, bytes, deflate) in members {
            let packed = deflate ? Self.deflate(bytes) : bytes
            let crc = UInt32(bytes.withUnsafeBytes { CZlib.crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) })
            let common = le(20, 2) + le(flags, 2) + le(method ?? (deflate ? 8 : 0), 2) + le(0, 4) + le(Int(crc), 4)
                + le(packed.count, 4) + le(bytes.count, 4) + le(name.utf8.count, 2) + le(0, 2)
            directory += le(0x0201_4B50, 4) + le(20, 2) + common + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4)
                + le(body.count, 4) + Data(name.utf8)
            body += le(0x0403_4B50, 4) + common + Data(name.utf8) + packed
        }
        guard zip64 else {
            return body + directory + le(0x0605_4B50, 4) + le(0, 4) + le(members.count, 2) + le(members.count, 2)
                + le(directory.count, 4) + le(body.count, 4) + le(0, 2)
        }
        let record = le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4)
            + le(members.count, 8) + le(members.count, 8) + le(directory.count, 8) + le(body.count, 8)
        let locator = le(0x0706_4B50, 4) + le(0, 4) + le(body.count + directory.count, 8) + le(1, 4)
        let end = le(0x0605_4B50, 4) + le(0, 4) + le(0xFFFF, 2) + le(0xFFFF, 2) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        return body + directory + record + locator + end
    }

    static func le(_ value: Int, _ count: Int) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
    }

    /// Raw deflate, as zip's method 8 holds it (the package writer's own).
    static func deflate(_ bytes: Data) -> Data { (try? ZipWriter.deflate(bytes)) ?? Data() }

    /// One zstd frame of `bytes`, written without a content size in its header, as Anki does.
    static func zstd(_ bytes: Data) -> Data {
        guard let context = ZSTD_createCCtx() else { return Data() }
        defer { ZSTD_freeCCtx(context) }
        ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0)
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count) + 64)
        var written = 0
        bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
                var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
                _ = ZSTD_compressStream2(context, &outBuffer, &inBuffer, ZSTD_e_end)
                written = outBuffer.pos
            }
        }
        return Data(out[0..<written])
    }

    /// protobuf `PackageMetadata { version = 1 }`.
    static func meta(_ version: UInt8) -> Data { Data([0x08, version]) }

    /// The legacy fixture's collection (schema 11), changed by `sql`.
    static func legacyCollection(_ sql: String) throws -> Data {
        let package = try ZipArchive(data: try Fixture.data("sm2-legacy.apkg"), limits: .standard)
        guard let bytes = try package.read("collection.anki21") else { return Data() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("srs-anki-\(UUID().uuidString).anki21")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        var db: OpaquePointer?
        guard sqlite3_open(file.path, &db) == SQLITE_OK else { return Data() }
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        sqlite3_close(db)
        guard rc == SQLITE_OK else { return Data() }
        return try Data(contentsOf: file)
    }

    /// A legacy package holding `collection` as its collection.anki21.
    static func legacyPackage(_ collection: Data, media: Data = Data("{}".utf8)) throws -> Data {
        try zip([("meta", meta(2), false), ("collection.anki21", collection, true), ("media", media, false)])
    }

    /// A current package holding `collection` (zstd-compressed here) as its collection.anki21b.
    static func modernPackage(_ collection: Data, extra: [(String, Data, Bool)] = []) throws -> Data {
        try zip([("meta", meta(3), false), ("collection.anki21b", zstd(collection), false)] + extra)
    }
}
