// libFuzzer target: quiz text through the parser, the importer's merge and the deck writer,
// then the written deck back through the reader; raw input also straight into the deck reader
// and the id listing (which must agree with it whenever the deck reads).
// Build and run with Fuzz/run-fuzzer.sh (docs/fuzzing.md). Any crash, leak report, timeout
// or failed check below is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let result = QuizParser.parse(bytes)
    check(result.items.count + result.errors.count == result.itemCount, "every item is valid or an error")
    for item in result.items { checkSafe(item) }
    var taken = Set<CardID>()
    let (deck, _) = DeckMerge.merge(result.items, name: "fuzz", previous: nil, taken: &taken)
    check(Set(deck.cards.map(\.id)).count == deck.cards.count, "ids are unique")
    let text = DeckWriter.text(of: deck)
    do {
        let reread = try DeckReader.read(bytes: Array(text.utf8), name: "fuzz", path: "fuzz.deck")
        check(reread == deck, "a written deck reads back equal")
    } catch {
        check(false, "a written deck reads back: \(error)")
    }
    let listed = try? DeckReader.cardIDs(bytes, path: "raw.deck")
    if let raw = try? DeckReader.read(bytes, name: "raw", path: "raw.deck") {
        check(listed == raw.cards.map(\.id), "listing ids agrees with reading the deck")
    }
    return 0
}

private func checkSafe(_ item: QuizItem) {
    var texts = [item.question, item.explanation]
    switch item.kind {
    case .multipleChoice(let options, let key):
        texts += options
        check((2...8).contains(options.count), "2 to 8 options")
        check(key.map { options.indices.contains($0.index) } ?? true, "key names an option")
    case .trueFalse, .cloze: break
    case .shortAnswer(let text), .basic(let text), .reverse(let text), .typeIn(let text): texts.append(text)
    }
    for text in texts {
        check(!text.unicodeScalars.contains { $0 != "\n" && TerminalSafe.isUnsafe($0) }, "no control characters")
    }
}

private func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition { fatalError("fuzz check failed: \(what())") }
}
