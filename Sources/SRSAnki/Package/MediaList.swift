import Foundation
import SRSJSON

/// The package's `media` member: a JSON object `{"0": "cat.png"}` in legacy packages, a zstd
/// protobuf `MediaEntries { repeated MediaEntry entries = 1 { name = 1; size = 2; sha1 = 3 } }` in
/// current ones, where entry i is zip member "i".
enum MediaList {
    static func read(_ archive: ZipArchive, modern: Bool) throws -> [AnkiMediaFile] {
        guard let raw = try archive.read("media") else { return [] }
        let files = modern ? try protobuf(Zstd.decompress(raw, entry: "media", limits: archive.limits)) : try json(raw)
        return try files.map { AnkiMediaFile(name: try safeName($0.name), member: $0.member) }
    }

    private static func protobuf(_ data: Data) throws -> [AnkiMediaFile] {
        guard let list = try? ProtoMessage(data) else {
            throw AnkiError.damagedEntry(entry: "media", problem: "not a media list")
        }
        return try list.bytes(1).enumerated().map { index, entry in
            guard let fields = try? ProtoMessage(entry) else {
                throw AnkiError.damagedEntry(entry: "media", problem: "entry \(index) is not a media entry")
            }
            return AnkiMediaFile(name: fields.string(1), member: String(index))
        }
    }

    private static func json(_ data: Data) throws -> [AnkiMediaFile] {
        guard let map = try? JSONValue.parse(data), case .object(let members) = map else {
            throw AnkiError.damagedEntry(entry: "media", problem: "not a JSON object of names")
        }
        return try members.map { member, name in
            guard let name = name.text else { throw AnkiError.damagedEntry(entry: "media", problem: "entry \(member) is not a name") }
            return AnkiMediaFile(name: name, member: member)
        }.sorted { (Int($0.member) ?? Int.max, $0.member) < (Int($1.member) ?? Int.max, $1.member) }
    }

    /// `name` in NFC, or `.unsafeMediaName` when it could leave the media folder or hide in it:
    /// empty, with `/` or `\`, `..` anywhere, or a leading dot. A control character cannot leave
    /// the folder: the import leaves such a file out with a warning (`MediaFolder.problem`), as
    /// it does an invisible one, rather than refusing the whole package.
    static func safeName(_ name: String) throws -> String {
        let nfc = name.precomposedStringWithCanonicalMapping
        guard !nfc.isEmpty, !nfc.contains("/"), !nfc.contains("\\"), !nfc.contains(".."), !nfc.hasPrefix(".") else {
            throw AnkiError.unsafeMediaName(name)
        }
        return nfc
    }
}
