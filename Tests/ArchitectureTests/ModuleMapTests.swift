import Foundation
import Testing

/// `docs/architecture.md` draws the module map as one line per module, `A ──► B, C`; this test
/// keeps that drawing equal to the `import` lines of `Sources/` (project modules only).
@Suite struct ModuleMapTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theDiagramEqualsTheImportsOfSources() throws {
        let drawn = try Self.drawnMap()
        let real = try Self.importMap()
        #expect(!real.isEmpty)
        for module in Set(drawn.keys).union(real.keys).sorted() {
            #expect(drawn[module] == real[module], "\(module): docs/architecture.md draws \(Self.describe(drawn[module])), Sources/ imports \(Self.describe(real[module]))")
        }
    }

    static func describe(_ modules: Set<String>?) -> String {
        guard let modules else { return "no such module" }
        return modules.isEmpty ? "nothing" : modules.sorted().joined(separator: ", ")
    }

    /// Each module (a folder of `Sources/`) and the project modules its files import.
    static func importMap() throws -> [String: Set<String>] {
        let sources = root.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        var map: [String: Set<String>] = [:]
        for module in modules {
            var imports: Set<String> = []
            let folder = sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    let name = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                    if modules.contains(name) { imports.insert(name) }
                }
            }
            map[module] = imports
        }
        return map
    }

    /// The lines `A ──► B, C` (or `A ──► nothing`) of the fenced block after `<!-- module map -->`.
    static func drawnMap() throws -> [String: Set<String>] {
        let doc = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let marker = try #require(doc.range(of: "<!-- module map -->"))
        let block = doc[marker.upperBound...].split(separator: "```", omittingEmptySubsequences: false)
        let lines = try #require(block.count > 1 ? block[1] : nil).split(separator: "\n")
        var map: [String: Set<String>] = [:]
        for line in lines {
            let parts = line.components(separatedBy: "──►")
            guard parts.count == 2 else { continue }
            let module = parts[0].trimmingCharacters(in: .whitespaces)
            let targets = (parts[1].split(separator: "#").first ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "nothing" }
            map[module] = Set(targets)
        }
        return map
    }
}
