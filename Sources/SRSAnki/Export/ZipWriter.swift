import CZlib
import Foundation

/// Writes a zip archive in memory: each member Stored or Deflated (raw deflate with the system
/// zlib), its CRC-32 in the local header and the central directory, no data descriptors and no
/// zip64 (a package past 4 GiB or 65,535 members is refused). `ZipArchive` reads what it writes.
struct ZipWriter {
    enum Method: UInt16 { case stored = 0, deflated = 8 }

    private var bytes = Data()
    private var directory = Data()
    private var count = 0

    /// Adds member `name` holding `content`.
    mutating func add(_ name: String, _ content: Data, method: Method) throws {
        let packed = method == .deflated ? try Self.deflate(content) : content
        let offset = bytes.count
        let name = Data(name.utf8)
        guard offset < 0xFFFF_FFFF, content.count < 0xFFFF_FFFF, packed.count < 0xFFFF_FFFF, count < 0xFFFF else {
            throw AnkiWriteError.tooLarge("the package would pass 4 GiB or 65,535 files, more than a zip without zip64 holds")
        }
        let crc = Self.crc32(content)
        var local = Data()
        local.little32(0x0403_4B50)
        local.append(header(method: method, crc: crc, packed: packed.count, size: content.count, name: name))
        local.append(name)
        bytes.append(local)
        bytes.append(packed)
        directory.little32(0x0201_4B50)
        directory.little16(20) // made by: zip 2.0, MS-DOS attributes
        directory.append(header(method: method, crc: crc, packed: packed.count, size: content.count, name: name))
        directory.little16(0) // comment length
        directory.little16(0) // disk number
        directory.little16(0) // internal attributes
        directory.little32(0) // external attributes
        directory.little32(UInt32(offset))
        directory.append(name)
        count += 1
    }

    /// The fields a local header and a directory entry share, from "version needed" to the
    /// extra field's length.
    private func header(method: Method, crc: UInt32, packed: Int, size: Int, name: Data) -> Data {
        var out = Data()
        out.little16(20) // version needed: 2.0
        out.little16(1 << 11) // names are UTF-8
        out.little16(method.rawValue)
        out.little16(0) // time: 00:00:00
        out.little16(0x21) // date: 1980-01-01, the earliest zip can say: the bytes depend on the content only
        out.little32(crc)
        out.little32(UInt32(packed))
        out.little32(UInt32(size))
        out.little16(UInt16(name.count))
        out.little16(0) // extra field length
        return out
    }

    /// The whole archive: the members, the central directory and its end record. The members'
    /// bytes are moved out, not copied: nothing can be added after.
    mutating func finish() throws -> Data {
        guard bytes.count + directory.count < 0xFFFF_FFFF else {
            throw AnkiWriteError.tooLarge("the package would pass 4 GiB, more than a zip without zip64 holds")
        }
        var out = Data()
        swap(&out, &bytes)
        let start = out.count
        out.append(directory)
        out.little32(0x0605_4B50)
        out.little16(0) // this disk
        out.little16(0) // disk of the directory
        out.little16(UInt16(count))
        out.little16(UInt16(count))
        out.little32(UInt32(directory.count))
        out.little32(UInt32(start))
        out.little16(0) // comment length
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { UInt32(truncatingIfNeeded: ZipArchive.crc(0, $0)) }
    }

    /// Raw deflate (no zlib header), as zip's method 8 holds it, at zlib's fastest level: on a
    /// heavy user's 147 MB collection it takes a fifth of the default level's time for a package
    /// 14% larger (measured with Python's zlib: 2.7 s and 53 MB against 13.3 s and 46 MB).
    /// The input is read in place and the output grows a megabyte at a time.
    static func deflate(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw AnkiWriteError.library("zlib could not start")
        }
        defer { deflateEnd(&stream) }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status = Z_OK
        data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlib.deflate(&stream, Z_FINISH)
                    if let base = buffer.baseAddress { out.append(base, count: buffer.count - Int(stream.avail_out)) }
                }
            }
        }
        guard status == Z_STREAM_END else { throw AnkiWriteError.library("zlib could not compress (status \(status))") }
        return out
    }
}

extension Data {
    mutating func little16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func little32(_ value: UInt32) {
        little16(UInt16(value & 0xFFFF))
        little16(UInt16(value >> 16))
    }
}
