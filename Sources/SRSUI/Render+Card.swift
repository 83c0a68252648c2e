import SRSCore

/// The card body: question, answer area and, once revealed, verdict and explanation.
struct CardLayout {
    var rows: [Row] = []
    /// Body rows of each option, by screen position.
    var optionRows: [Range<Int>] = []
    /// The last row of the verdict once revealed: the reveal scrolls it into view.
    var verdictEnd: Int?

    mutating func add(_ text: String, _ style: Style = .plain, width: Int) {
        rows += TextLayout.wrap(text, width: width).map { Row($0, style) }
    }

    mutating func blank() { rows.append(Row()) }
}

extension ReviewSession {
    func cardLayout(view: CardView, card: Card, width: Int) -> CardLayout {
        var layout = CardLayout()
        layout.add(kicker(card: card, entry: view.entry), .dim, width: width)
        layout.add(clean(card.prompt), .bold, width: width)
        layout.blank()
        switch card.kind {
        case .multipleChoice: addOptions(to: &layout, view: view, card: card, width: width)
        case let .trueFalse(truth): addTrueFalse(to: &layout, phase: view.phase, truth: truth, width: width)
        case let .shortAnswer(model): addShortAnswer(to: &layout, phase: view.phase, model: model, width: width)
        case let .typeIn(answer): addShortAnswer(to: &layout, phase: view.phase, model: answer, label: "Answer:       ", width: width)
        case .basic, .reverse, .cloze: addBack(to: &layout, phase: view.phase, back: card.revealedAnswer ?? "", width: width)
        }
        if case .revealed = view.phase { layout.verdictEnd = layout.rows.count - 1 }
        if case .revealed = view.phase, !card.explanation.isEmpty {
            layout.blank()
            layout.add(clean(card.explanation), width: width)
        }
        return layout
    }

    /// The small line above the question: the card type and why it is here.
    func kicker(card: Card, entry: QueueEntry) -> String {
        let type: String
        switch card.kind {
        case .multipleChoice(_, nil): type = "Multiple choice, no answer key: you grade yourself"
        case .multipleChoice: type = "Multiple choice"
        case .trueFalse: type = "True or false?"
        case .shortAnswer: type = "Short answer"
        case .basic: type = "Basic"
        case .reverse: type = "Basic, reversed"
        case .cloze(let number): type = "Cloze \(number)"
        case .typeIn: type = "Type the answer"
        }
        switch entry.origin {
        case .new: return type + " · new card"
        case .sameDay: return type + " · again today"
        case .practice: return type + " · practice: the schedule does not change"
        case .review: return type
        case .learning: return type + " · learning"
        }
    }

    func addOptions(to layout: inout CardLayout, view: CardView, card: Card, width: Int) {
        let options = card.options
        var given: Int?
        if case let .revealed(.option(index)) = view.phase { given = index }
        for (position, index) in view.order.enumerated() where options.indices.contains(index) {
            let (marker, style) = optionLook(index: index, position: position, view: view, card: card, given: given)
            let lines = TextLayout.wrap(clean(options[index]), width: width, hangingAfter: marker + letter(position) + ") ")
            let first = layout.rows.count
            layout.rows += lines.map { Row($0, style) }
            layout.optionRows.append(first..<layout.rows.count)
        }
        guard case let .revealed(answer) = view.phase else { return }
        layout.blank()
        layout.add(verdictText(card: card, answer: answer, order: view.order), verdictStyle(card.verdict(on: answer)), width: width)
        if case let .inferred(confidence)? = card.answerKey?.source {
            layout.add("The key was inferred from the explanation (\(Int(confidence * 100))% sure); k corrects it.", .dim, width: width)
        }
    }

    /// An option's mark and style: `›` highlighted, `✓` the key, `✗` a wrong choice.
    func optionLook(index: Int, position: Int, view: CardView, card: Card, given: Int?) -> (String, Style) {
        switch view.phase {
        case let .choosing(highlighted):
            return highlighted == position ? ("› ", .reverse) : ("  ", .plain)
        case .revealed:
            if card.answerKey?.index == index { return ("✓ ", .color(.green, bold: true)) }
            if given == index { return (card.answerKey == nil ? "› " : "✗ ", card.answerKey == nil ? .bold : .color(.red, bold: true)) }
            return ("  ", .dim)
        default:
            return ("  ", .plain)
        }
    }

    func verdictText(card: Card, answer: GivenAnswer, order: [Int]) -> String {
        let keyLetter = card.answerKey.flatMap { key in order.firstIndex(of: key.index) }.map(letter)
        let givenLetter: String?
        if case let .option(index) = answer { givenLetter = order.firstIndex(of: index).map(letter) } else { givenLetter = nil }
        switch (card.verdict(on: answer), keyLetter, givenLetter) {
        case (true?, _, _): return "✓ Right."
        case let (false?, key?, given?): return "✗ Wrong: you chose \(given); the answer is \(key)."
        case let (nil, key?, _): return "The answer is \(key). Grade yourself."
        case let (nil, nil, given?): return "You chose \(given). No answer key: grade yourself (k sets the key)."
        default: return "No answer key: grade yourself (k sets the key)."
        }
    }

    func verdictStyle(_ verdict: Bool?) -> Style {
        switch verdict {
        case true?: return .color(.green, bold: true)
        case false?: return .color(.red, bold: true)
        case nil: return .bold
        }
    }

    func addTrueFalse(to layout: inout CardLayout, phase: Phase, truth: Bool, width: Int) {
        guard case let .revealed(answer) = phase else {
            layout.add("t) true    f) false", width: width)
            return
        }
        let word = truth ? "true" : "false"
        switch answer {
        case let .truth(given) where given == truth:
            layout.add("✓ Right: it is \(word).", verdictStyle(true), width: width)
        case .truth:
            layout.add("✗ Wrong: it is \(word).", verdictStyle(false), width: width)
        default:
            layout.add("It is \(word). Grade yourself.", .bold, width: width)
        }
    }

    /// The answer being typed, wrapped, with the cursor in reverse video on the character it
    /// stands before (a reverse space at the end). A placeholder marks the cursor while wrapping.
    func typingRows(_ text: String, width: Int) -> [Row] {
        let after = currentView?.cursorFromEnd ?? 0
        let shown = { (part: Substring) in clean(String(part), keepNewlines: false).split(separator: Self.cursorMark, omittingEmptySubsequences: false).joined(separator: "\u{FFFD}") }
        let marked = shown(text.dropLast(after)) + String(Self.cursorMark) + shown(text.suffix(after))
        return TextLayout.wrap(marked, width: max(width - 1, 1), hangingAfter: "Your answer: ").map { line in
            guard let mark = line.firstIndex(of: Self.cursorMark) else { return Row(line) }
            let rest = line[line.index(after: mark)...]
            return Row([Span(String(line[..<mark])), Span(rest.first.map(String.init) ?? " ", .reverse),
                        Span(String(rest.dropFirst()))])
        }
    }

    /// Private use U+E000: never shown, it stands for the cursor in `typingRows`.
    static let cursorMark: Character = "\u{E000}"

    /// Basic, reverse and cloze cards: the answer once revealed, then the learner grades.
    func addBack(to layout: inout CardLayout, phase: Phase, back: String, width: Int) {
        guard case .revealed = phase else {
            layout.add("Recall the answer, then press Space to see it.", .dim, width: width)
            return
        }
        layout.add(clean(back), .color(.green, bold: true), width: width)
        layout.blank()
        layout.add("Grade yourself: how well did you know it?", .bold, width: width)
    }

    func addShortAnswer(to layout: inout CardLayout, phase: Phase, model: String, label: String = "Model answer: ",
                        width: Int) {
        switch phase {
        case let .typing(text):
            layout.rows += typingRows(text, width: width)
        case let .paused(text) where text.isEmpty:
            layout.add("Press i to type your answer, or Space to see the model answer.", .dim, width: width)
        case let .paused(text):
            layout.add("Your answer: " + clean(text, keepNewlines: false), width: width)
            layout.add("i goes on typing; Enter shows the model answer.", .dim, width: width)
        case let .revealed(answer):
            var typed = "(nothing typed)"
            if case let .typed(text) = answer { typed = clean(text, keepNewlines: false) }
            layout.rows += TextLayout.wrap(typed, width: width, hangingAfter: "Your answer:  ").map { Row($0) }
            layout.rows += TextLayout.wrap(clean(model), width: width, hangingAfter: label).map { Row($0, .color(.green, bold: true)) }
            if case let .typed(text) = answer, TextLayout.sameAnswer(text, model) {
                layout.add("✓ Your answer matches (ignoring case, accents and spacing).", .color(.green, bold: true), width: width)
            }
            layout.blank()
            layout.add("Grade yourself: how well did you know it?", .bold, width: width)
        default:
            break
        }
    }

    func clean(_ text: String, keepNewlines: Bool = true) -> String {
        TextLayout.sanitize(text, keepNewlines: keepNewlines)
    }
}
