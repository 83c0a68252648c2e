import SRSCore
/// A key given at import with `--key N=X` (or `--key FILE:N=X` when importing several files):
/// item `position` (1-based, as the import report numbers items) has key option `index`.
/// Such a key counts as corrected.
public struct KeyOverride: Equatable, Sendable {
    public var file: String?
    public var position: Int
    public var index: Int

    public init(file: String?, position: Int, index: Int) {
        self.file = file
        self.position = position
        self.index = index
    }

    /// Parses `N=X` or `FILE:N=X` (X a letter A–H, any case); nil when malformed.
    public init?(parsing text: String) {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let letter = text[text.index(after: equals)...].uppercased()
        guard letter.utf8.count == 1, let byte = letter.utf8.first, (65...72).contains(byte) else { return nil }
        let target = text[..<equals]
        let colon = target.lastIndex(of: ":")
        let number = colon.map { target[target.index(after: $0)...] } ?? target
        guard let position = Int(number), position >= 1 else { return nil }
        self.init(file: colon.map { String(target[..<$0]) }, position: position, index: Int(byte) - 65)
    }

    /// True when this override is for `path` (matched as given or by its last component).
    public func applies(to path: String) -> Bool {
        guard let file else { return true }
        return file == path || file == path.split(separator: "/").last.map(String.init)
    }
}

extension QuizParseResult {
    /// Sets each override's key as explicit. Returns a message for each override that names no
    /// valid multiple-choice item or an option the item does not have.
    public mutating func apply(_ overrides: [KeyOverride]) -> [String] {
        var problems: [String] = []
        for override in overrides {
            if let problem = apply(override) { problems.append(problem) }
        }
        return problems
    }

    private mutating func apply(_ override: KeyOverride) -> String? {
        let letter = Character(UnicodeScalar(UInt8(65 + override.index)))
        let spec = "--key \(override.position)=\(letter)"
        guard let index = items.firstIndex(where: { $0.position == override.position }) else {
            if errors.contains(where: { $0.position == override.position }) {
                return "\(spec): item \(override.position) is invalid; fix it in the file first"
            }
            return "\(spec): there is no item \(override.position) (the file has \(itemCount))"
        }
        guard case .multipleChoice(let options, _) = items[index].kind else {
            return "\(spec): item \(override.position) is not multiple choice"
        }
        guard override.index < options.count else {
            let last = Character(UnicodeScalar(UInt8(64 + options.count)))
            return "\(spec): item \(override.position) has options A to \(last) only"
        }
        items[index].kind = .multipleChoice(options: options, key: AnswerKey(index: override.index, source: .corrected))
        warnings.removeAll { $0.position == override.position && $0.message.hasPrefix("no answer key") }
        return nil
    }
}
