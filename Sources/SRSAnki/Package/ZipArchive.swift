import Foundation
import ZIPFoundation

/// A zip archive held in memory, read member by member under `AnkiLimits`.
struct ZipArchive {
    private let archive: Archive
    let limits: AnkiLimits

    /// Opens the archive's directory; throws `.notAZip` when the bytes are not a whole zip.
    init(data: Data, limits: AnkiLimits) throws {
        guard data.count >= 22, data.starts(with: [0x50, 0x4B]) else {
            throw AnkiError.notAZip(data.isEmpty ? "the file is empty" : "it does not start as a zip archive does")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw AnkiError.notAZip("its zip directory is missing or damaged (a truncated download?)")
        }
        self.limits = limits
    }

    /// The names of the archive's members, in directory order.
    var names: [String] { archive.map(\.path) }

    /// Whether the archive has a member of that name.
    func contains(_ name: String) -> Bool { archive[name] != nil }

    /// The unpacked bytes of member `name`; nil when there is no such member.
    func read(_ name: String) throws -> Data? {
        guard let entry = archive[name] else { return nil }
        let packed = Int(clamping: entry.compressedSize)
        try limits.check(entry: name, produced: Int(clamping: entry.uncompressedSize), consumed: packed)
        var out = Data()
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                try limits.check(entry: name, produced: out.count, consumed: packed)
            }
            // The consumer form computes the CRC-32 but leaves the comparison to the caller.
            guard checksum == entry.checksum else {
                throw AnkiError.damagedEntry(entry: name, problem: "its CRC-32 does not match")
            }
        } catch let error as AnkiError {
            throw error
        } catch {
            throw AnkiError.damagedEntry(entry: name, problem: "\(error)")
        }
        return out
    }
}
