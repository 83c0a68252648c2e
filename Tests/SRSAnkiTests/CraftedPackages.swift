import CSQLite
import CZstd
import Foundation
import ZIPFoundation
@testable import SRSAnki

/// Packages made by hand for the bad cases: zips of chosen members, zstd frames, and the legacy
/// fixture's collection changed by SQL.
enum Crafted {
    /// A zip of `members` (name, bytes, deflated?), in memory.
    static func zip(_ members: [(String, Data, Bool)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes, deflate) in members {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: deflate ? .deflate : .none) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

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
        let package = try Archive(data: try Fixture.data("sm2-legacy.apkg"), accessMode: .read)
        guard let entry = package["collection.anki21"] else { return Data() }
        var bytes = Data()
        _ = try package.extract(entry) { bytes.append($0) }
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
