import Foundation
import SRSJSON

/// Packs a collection as a legacy Anki package (`collection.anki21`, schema 11; `meta` says
/// version 2, the media map is JSON), which every Anki since 2.1 imports. `AnkiPackage.read`
/// reads back what it writes.
public enum AnkiPackageWriter {
    /// One media file to put in the package.
    public struct MediaFile: Sendable {
        public var name: String
        public var bytes: Data
        public init(name: String, bytes: Data) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The package's bytes; `modified` (seconds) stamps the rows. Throws `AnkiWriteError`.
    public static func legacy(_ collection: AnkiCollection, media: [MediaFile] = [], modified: Int64) throws -> Data {
        var zip = ZipWriter()
        try zip.add("meta", Data([0x08, 0x02]), method: .stored)
        try Schema11Writer.write(collection, modified: modified) { try zip.add("collection.anki21", $0, method: .deflated) }
        for (index, file) in media.enumerated() { try zip.add(String(index), file.bytes, method: .deflated) }
        let map = JSONText.object(media.enumerated().map { (String($0.offset), .string($0.element.name)) })
        try zip.add("media", Data(map.compact.utf8), method: .stored)
        return try zip.finish()
    }
}
