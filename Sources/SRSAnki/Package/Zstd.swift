import CZstd
import Foundation

/// Streaming zstd decompression (Anki's frames carry no content size), under `AnkiLimits`.
enum Zstd {
    static let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

    /// Unpacks every frame of `data` into memory; `entry` names the member in errors.
    static func decompress(_ data: Data, entry: String, limits: AnkiLimits) throws -> Data {
        var out = Data()
        try decompress(data, entry: entry, limits: limits) { out.append(contentsOf: $0) }
        return out
    }

    /// Unpacks every frame of `data`, handing the output to `sink` chunk by chunk.
    static func decompress(_ data: Data, entry: String, limits: AnkiLimits,
                           into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try data.withUnsafeBytes { try decompress($0, entry: entry, limits: limits, into: sink) }
    }

    /// Unpacks every frame of the bytes `raw` views, handing the output to `sink` chunk by chunk.
    static func decompress(_ raw: UnsafeRawBufferPointer, entry: String, limits: AnkiLimits,
                           into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard raw.starts(with: magic) else { throw AnkiError.damagedEntry(entry: entry, problem: "not zstd-compressed") }
        guard let stream = ZSTD_createDStream() else { throw AnkiError.damagedEntry(entry: entry, problem: "zstd could not start") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        try run(stream, raw, entry: entry, limits: limits, sink: sink)
    }

    private static func run(_ stream: OpaquePointer, _ raw: UnsafeRawBufferPointer, entry: String,
                            limits: AnkiLimits, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var input = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        var produced = 0
        var pending = 1
        while input.pos < input.size || pending != 0 {
            let before = input.pos
            let (result, written) = try chunk.withUnsafeMutableBytes { buffer in
                var output = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                let result = ZSTD_decompressStream(stream, &output, &input)
                if ZSTD_isError(result) != 0 {
                    throw AnkiError.damagedEntry(entry: entry, problem: String(cString: ZSTD_getErrorName(result)))
                }
                try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<output.pos]))
                return (result, output.pos)
            }
            produced += written
            try limits.check(entry: entry, produced: produced, consumed: max(input.pos, 1))
            if input.pos == before, written == 0 {
                throw AnkiError.damagedEntry(entry: entry, problem: "the zstd frame is cut short")
            }
            pending = result
        }
    }
}
