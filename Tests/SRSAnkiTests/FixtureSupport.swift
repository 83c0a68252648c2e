import Foundation
@testable import SRSAnki

/// The committed fixtures (scripts/make-anki-fixtures.sh) and Anki's own view of them.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func package(_ name: String) throws -> AnkiPackage {
        try AnkiPackage.read(try data(name))
    }

    /// `<base>.expected.json`, as Anki's API wrote it.
    static func expected(_ base: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try data("\(base).expected.json"))
        return object as? [String: Any] ?? [:]
    }
}

/// Typed views of the expected JSON.
extension Dictionary where Key == String, Value == Any {
    func list(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func int(_ key: String) -> Int64? { (self[key] as? NSNumber)?.int64Value }
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func string(_ key: String) -> String { self[key] as? String ?? "" }
    func strings(_ key: String) -> [String] { self[key] as? [String] ?? [] }
    func doubles(_ key: String) -> [Double] { (self[key] as? [NSNumber])?.map(\.doubleValue) ?? [] }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
}
