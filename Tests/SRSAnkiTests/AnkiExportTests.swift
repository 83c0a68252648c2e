import Foundation
import SRSCore
import Testing
@testable import SRSAnki

/// `AnkiExport` and `AnkiPackageWriter` (issue 12.6): what they write, read back with srs's own
/// package reader. Anki's own reading of an export is pinned by the end-to-end fixture test
/// (`AnkiExportCommandTests`, made by scripts/anki-round-trip.sh).
@Suite struct AnkiExportTests {
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static let days = AnkiDays(rolloverHour: 4, timeZone: utc)
    /// 2026-03-05T12:00:00Z.
    static let now: EpochSeconds = 1_772_712_000
    static let day = days.today(at: now)

    static func card(_ id: String, _ question: String, _ kind: CardKind, explanation: String = "", tags: [String] = []) -> Card {
        Card(id: CardID(id), question: question, kind: kind, explanation: explanation, tags: tags)
    }

    static let review = CardProgress(
        state: .anki(AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 3, easePermille: 2350,
                              due: .day(day + 2), reps: 4, lapses: 1)),
        due: days.start(ofDay: day + 2), firstReview: now - 5 * 86_400, lastReview: now - 86_400)
    static let sm2 = CardProgress(memory: Memory(intervalDays: 6, due: now - 2 * 86_400, easiness: 2.36, repetitions: 2, lapses: 0),
                                  firstReview: now - 8 * 86_400, lastReview: now - 8 * 86_400)
    static let fsrs = CardProgress(
        state: .fsrs(FSRSCard(state: .review, step: nil, stability: 12.5, difficulty: 4.2, due: now + 86_400,
                              lastReview: now - 86_400, reps: 3, lapses: 0)),
        due: now + 86_400, firstReview: now - 9 * 86_400, lastReview: now - 86_400)

    static let items: [AnkiExport.Item] = [
        .init(card: card("fly", "la mariposa", .basic(back: "the butterfly"), tags: ["animals"]), deck: "Lang::French", progress: review),
        .init(card: card("fly-r", "la mariposa", .reverse(back: "the butterfly"), tags: ["animals"]), deck: "Lang::French"),
        .init(card: card("cap-1", "{{c1::Paris}} is in {{c2::France::country}}.", .cloze(number: 1), explanation: "Since 987."), deck: "Lang::French", progress: sm2),
        .init(card: card("cap-2", "{{c1::Paris}} is in {{c2::France::country}}.", .cloze(number: 2), explanation: "Since 987."), deck: "Lang::French", progress: fsrs),
        .init(card: card("gold", "Symbol of gold?", .typeIn(answer: "Au")), deck: "Lang::French"),
        .init(card: card("hello", "Hello <world> & \"friends\" [image: cat.png]", .basic(back: "Line one\nLine two")), deck: "Lang"),
        .init(card: card("det", "Determinant of I?", .multipleChoice(options: ["0", "1"], key: AnswerKey(index: 1, source: .written)),
                         explanation: "Ones on the diagonal."), deck: "a%2Fb",
              progress: CardProgress(state: nil, due: 0, suspended: true)),
        .init(card: card("comm", "AB = BA.", .trueFalse(answer: false)), deck: "a%2Fb",
              progress: CardProgress(memory: Memory(intervalDays: 1, due: now, easiness: 2.5, repetitions: 1, lapses: 0), buriedUntil: now + 3600)),
        .init(card: card("indep", "Linear independence?", .shortAnswer(modelAnswer: "No vector is a combination of the others.")), deck: "a%2Fb"),
    ]

    static let answers: [AnkiExport.Answer] = [
        .init(card: CardID("fly"), time: now - 86_400, grade: .good, kind: .review, millis: 4200, before: nil, after: review),
        .init(card: CardID("cap-1"), time: now - 8 * 86_400, grade: .easy, kind: .learn, millis: 99_000, before: nil, after: sm2),
        .init(card: CardID("cap-2"), time: now - 86_400, grade: .hard, kind: .practice, millis: 1000, before: sm2, after: fsrs),
        .init(card: CardID("elsewhere"), time: now, grade: .good, kind: .learn, millis: 1, before: nil, after: sm2),
    ]

    static func written() throws -> (AnkiCollection, AnkiPackage) {
        let collection = AnkiExport.collection(items, answers: answers, days: days, now: now)
        let media = [AnkiPackageWriter.MediaFile(name: "cat.png", bytes: Data([0x89, 0x50, 0x4E, 0x47]))]
        let package = try AnkiPackage.read(try AnkiPackageWriter.legacy(collection, media: media, modified: Int64(now)))
        return (collection, package)
    }

    @Test func thePackageReadsBackAsWritten() throws {
        let (collection, package) = try Self.written()
        #expect(package.generation == .legacy2)
        let read = package.collection
        #expect(read.schema == 11)
        #expect(read.notes == collection.notes)
        #expect(read.cards == collection.cards)
        #expect(read.revlog == collection.revlog)
        #expect(read.notetypes == collection.notetypes)
        #expect(read.decks == collection.decks)
        #expect((read.creation, read.rollover, read.creationOffset) == (collection.creation, 4, 0))
        #expect(read.deckConfigs.map(\.learnSteps) == [[1, 10]])
        #expect(package.media == [AnkiMediaFile(name: "cat.png", member: "0")])
        #expect(try package.mediaData(package.media[0]) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func cardsOfOneNoteShareIt() throws {
        let (collection, _) = try Self.written()
        let names = Dictionary(uniqueKeysWithValues: collection.notetypes.map { ($0.id, $0.name) })
        #expect(collection.notes.map { names[$0.notetype] ?? "?" } == [
            "Basic (and reversed card)", "Cloze", "Basic (type in the answer)", "Basic",
            "srs Multiple choice", "srs True/false", "srs Short answer",
        ])
        #expect(collection.cards.map(\.ord) == [0, 1, 0, 1, 0, 0, 0, 0, 0])
        #expect(collection.cards.map(\.note) == [0, 0, 1, 1, 2, 3, 4, 5, 6].map { Int64(Self.now) * 1000 + $0 })
        #expect(collection.notes.map(\.guid) == ["srs:fly", "srs:cap-1", "srs:gold", "srs:hello", "srs:det", "srs:comm", "srs:indep"])
        #expect(collection.decks.map(\.name) == ["Default", "Lang", "Lang::French", "a/b"])
        #expect(collection.notes[0].tags == ["animals"])
    }

    @Test func fieldsAreHTMLAndTheOptionsAndKeyAreOnTheCard() throws {
        let (collection, _) = try Self.written()
        #expect(collection.notes[3].fields == ["Hello &lt;world&gt; &amp; \"friends\" <img src=\"cat.png\">", "Line one<br>Line two"])
        #expect(collection.notes[1].fields == ["{{c1::Paris}} is in {{c2::France::country}}.", "Since 987."])
        #expect(collection.notes[4].fields == ["Determinant of I?", "A. 0<br>B. 1", "B. 1", "Ones on the diagonal."])
        #expect(collection.notes[5].fields == ["AB = BA.", "False", ""])
        #expect(AnkiExport.mediaNames(Self.items) == ["cat.png"])
    }

    @Test func srsReadsItsExportBackAsTheSameKinds() throws {
        let (_, package) = try Self.written()
        let cards = AnkiConversion.cards(of: package.collection).cards
        let byQuestion = cards.map { ($0.card.question, $0.card.kind, $0.deckPath) }
        #expect(byQuestion.contains { $0 == ("la mariposa", .basic(back: "the butterfly"), ["Lang", "French"]) })
        #expect(byQuestion.contains { $0 == ("la mariposa", .reverse(back: "the butterfly"), ["Lang", "French"]) })
        #expect(byQuestion.contains { $0 == ("{{c1::Paris}} is in {{c2::France::country}}.", .cloze(number: 2), ["Lang", "French"]) })
        #expect(byQuestion.contains { $0 == ("Symbol of gold?", .typeIn(answer: "Au"), ["Lang", "French"]) })
        #expect(byQuestion.contains { $0 == ("Hello <world> & \"friends\" [image: cat.png]", .basic(back: "Line one\nLine two"), ["Lang"]) })
        #expect(byQuestion.contains { $0 == ("Determinant of I?\n\nA. 0\nB. 1", .basic(back: "B. 1\n\nOnes on the diagonal."), ["a/b"]) })
    }

    @Test func theSchedulingColumnsAreAnkis() throws {
        let (collection, _) = try Self.written()
        let crtDay = Self.days.today(at: EpochSeconds(collection.creation))
        #expect(crtDay == Self.day - 8) // the first answer's day
        let c = collection.cards
        // Anki's SM-2 review: its own columns, the due day counted from the creation day.
        #expect([c[0].type, c[0].queue, Int(c[0].due), c[0].interval, c[0].factor, c[0].reps, c[0].lapses] as [Int] == [2, 2, 10, 3, 2350, 4, 1])
        #expect(c[1].type == 0 && c[1].queue == 0 && c[1].due == 2) // new: its position
        // classic SM-2: a review card, due two days ago.
        #expect((c[2].type, c[2].queue, Int(c[2].due), c[2].interval, c[2].factor) == (2, 2, 6, 6, 2360))
        // FSRS: a review card with its memory in `data`.
        #expect((c[3].type, c[3].queue, Int(c[3].due), c[3].interval) == (2, 2, 9, 2))
        #expect((c[3].data.stability, c[3].data.difficulty, c[3].data.lastReview) == (12.5, 4.2, Int64(Self.now - 86_400)))
        #expect(c[6].queue == -1 && c[6].type == 0) // suspended before its first answer
        #expect(c[7].queue == -3 && c[7].type == 2) // buried until after `now`
    }

    /// An FSRS review imported from Anki is due at the start of its study day (04:00), reviewed at
    /// 10:00 fourteen study days before: its interval is the study days between, 14, as Anki's
    /// (not 13 whole 24-hour periods).
    @Test func anFSRSIntervalCountsStudyDays() throws {
        let reviewed = Self.days.start(ofDay: Self.day - 4) + 6 * 3600
        let due = Self.days.start(ofDay: Self.day + 10)
        let progress = CardProgress(state: .fsrs(FSRSCard(state: .review, step: nil, stability: 13.8, difficulty: 2.1, due: due,
                                                          lastReview: reviewed, reps: 3, lapses: 0)),
                                    due: due, firstReview: reviewed, lastReview: reviewed)
        let item = AnkiExport.Item(card: Self.card("v", "動詞", .basic(back: "verb")), deck: "語彙", progress: progress)
        let collection = AnkiExport.collection([item], answers: [], days: Self.days, now: Self.now)
        #expect(collection.cards.map(\.interval) == [14])
    }

    @Test func everyAnswerToAnExportedCardIsARevlogRow() throws {
        let (collection, _) = try Self.written()
        let rows = collection.revlog.map { [$0.ease, Int($0.interval), Int($0.lastInterval), $0.factor, $0.time, $0.type] }
        #expect(rows == [[4, 6, 0, 2360, 60_000, 0], [3, 3, 0, 2350, 4200, 0], [2, 2, 6, 356, 1000, 3]])
        #expect(collection.revlog.map(\.id) == [Int64(Self.now - 8 * 86_400) * 1000, Int64(Self.now - 86_400) * 1000,
                                                Int64(Self.now - 86_400) * 1000 + 1])
    }

    /// Cards imported from Anki keep their note's guid and join its other cards, in any deck; a
    /// second note made from one Anki note (a custom type's other template, exported as a basic
    /// card) gets a guid of its own, so the package never holds a guid twice.
    @Test func aCardFromAnkiKeepsItsNotesGuid() {
        let items: [AnkiExport.Item] = [
            .init(card: Card(id: CardID("a-t0"), question: "q", kind: .basic(back: "b"), explanation: "", ankiGuid: "G1"), deck: "A"),
            .init(card: Card(id: CardID("a-t1"), question: "q", kind: .reverse(back: "b"), explanation: "", ankiGuid: "G1"), deck: "B"),
            .init(card: Card(id: CardID("c-t0"), question: "custom 1", kind: .basic(back: "x"), explanation: "", ankiGuid: "G2"), deck: "A"),
            .init(card: Card(id: CardID("c-t1"), question: "custom 2", kind: .basic(back: "y"), explanation: "", ankiGuid: "G2"), deck: "A"),
            .init(card: Card(id: CardID("z-c1"), question: "{{c1::a}} {{c2::b}}", kind: .cloze(number: 1), explanation: "", ankiGuid: "G3"), deck: "A"),
            .init(card: Card(id: CardID("z-c2"), question: "{{c1::a}} {{c2::b}}", kind: .cloze(number: 2), explanation: "", ankiGuid: "G3"), deck: "A"),
            .init(card: Card(id: CardID("mine"), question: "q", kind: .basic(back: "b"), explanation: ""), deck: "A"),
        ]
        let collection = AnkiExport.collection(items, answers: [], days: Self.days, now: Self.now)
        #expect(collection.notes.map(\.guid) == ["G1", "G2", "srs:c-t1", "G3", "srs:mine"])
        let noteOf = collection.cards.map { card in collection.notes.firstIndex { $0.id == card.note } ?? -1 }
        #expect(noteOf == [0, 0, 1, 2, 3, 3, 4])
        #expect(collection.cards.map(\.ord) == [0, 1, 0, 0, 0, 1, 0])
        #expect(collection.notes[0].notetype == ExportNotetypes.basicAndReversed.id)
    }

    /// An answer imported from Anki keeps its revlog id (its record is `anki-<revlog id>-<card>`);
    /// an answer given in srs in the same millisecond takes the next free one.
    @Test func anAnswerFromAnkiKeepsItsRevlogID() {
        #expect(AnkiExport.revlogID(ofRecord: "anki-1767574800012-1767484800284") == 1_767_574_800_012)
        #expect(AnkiExport.revlogID(ofRecord: "3f9c0a7d5e21b864-12") == nil)
        #expect(AnkiExport.revlogID(ofRecord: "anki-x-1") == nil)
        let at = Self.now - 86_400
        let millis = Int64(at) * 1000
        let answers: [AnkiExport.Answer] = [
            .init(card: CardID("fly"), time: at, grade: .good, kind: .review, millis: 1, before: nil, after: Self.review,
                  ankiRevlogID: millis + 1),
            .init(card: CardID("fly"), time: at, grade: .good, kind: .review, millis: 2, before: nil, after: Self.review,
                  ankiRevlogID: millis),
            .init(card: CardID("cap-1"), time: at, grade: .easy, kind: .learn, millis: 3, before: nil, after: Self.sm2),
        ]
        let collection = AnkiExport.collection(Self.items, answers: answers, days: Self.days, now: Self.now)
        #expect(collection.revlog.map { [$0.id, Int64($0.time)] } == [[millis + 1, 1], [millis, 2], [millis + 2, 3]])
    }

    @Test func anExportWithoutProgressIsAllNew() {
        let items = Self.items.map { AnkiExport.Item(card: $0.card, deck: $0.deck) }
        let collection = AnkiExport.collection(items, answers: [], days: Self.days, now: Self.now)
        #expect(collection.cards.map(\.queue) == Array(repeating: 0, count: 9))
        #expect(collection.cards.map(\.due) == (1...9).map(Int64.init))
        #expect(Self.days.today(at: EpochSeconds(collection.creation)) == Self.day)
    }

    @Test func theNoteChecksumIsAnkis() {
        #expect(FieldChecksum.sha1(Array("abc".utf8)) == [0xA999_3E36, 0x4706_816A, 0xBA3E_2571, 0x7850_C26C, 0x9CD0_D89D])
        #expect(FieldChecksum.sha1([]) == [0xDA39_A3EE, 0x5E6B_4B0D, 0x3255_BFEF, 0x9560_1890, 0xAFD8_0709])
        // `notes.csum` of "What is 2 + 2?" in the package Anki 26.9.3 made (sm2-legacy.apkg).
        #expect(FieldChecksum.of("What is 2 + 2?") == 1_488_912_988)
    }

    @Test func zipMembersReadBackStoredAndDeflated() throws {
        let text = Data(String(repeating: "spaced repetition ", count: 50_000).utf8)
        var zip = ZipWriter()
        try zip.add("plain", Data("hé".utf8), method: .stored)
        try zip.add("packed", text, method: .deflated)
        try zip.add("empty", Data(), method: .deflated)
        let bytes = try zip.finish()
        #expect(bytes.count < 10_000)
        let archive = try ZipArchive(data: bytes, limits: .standard)
        #expect(archive.names == ["plain", "packed", "empty"])
        #expect(try archive.read("plain") == Data("hé".utf8))
        #expect(try archive.read("packed") == text)
        #expect(try archive.read("empty") == Data())
    }

    /// Text that reads back as it was written: srs's import of its own export keeps it.
    @Test(arguments: [
        "a < b && c > d", "&amp; stays &amp;", "<b>not bold</b>", "x<br>y", "line one\nline two",
        "{{c1::Paris::city}} <x>", "2**10 and *args", "emoji 👩‍💻 and 日本語", "[image: cat.png] [sound: bell.wav]",
        "quotes \" and ' and `", "a [bracket] b",
    ])
    func textSurvivesTheWayBack(text: String) {
        #expect(HTMLText.plain(AnkiExport.field(text)) == text)
    }

    @Test func theLearnersOptionsBecomeTheDecksPresets() throws {
        var options = AnkiExport.Options()
        options.anki.learningSteps = [120, 1200]
        options.anki.startingEase = 2.3
        options.newPerDay = 15
        options.leechSuspends = true
        var french = options
        french.anki.graduatingInterval = 3
        let collection = AnkiExport.collection(Self.items, answers: [], days: Self.days, now: Self.now,
                                               options: options, deckOptions: ["lang::french": french, "Lang": options])
        let package = try AnkiPackage.read(try AnkiPackageWriter.legacy(collection, modified: Int64(Self.now)))
        #expect(package.collection.deckConfigs == collection.deckConfigs)
        let presets = Dictionary(uniqueKeysWithValues: collection.deckConfigs.map { ($0.id, $0) })
        #expect(collection.deckConfigs.map(\.name) == ["Default", "srs", "srs: Lang::French"])
        #expect(package.collection.decks.map { presets[$0.config]?.name ?? "?" } == ["Default", "srs", "srs: Lang::French", "srs"])
        let own = try #require(collection.deckConfigs.last)
        #expect((own.learnSteps, own.initialEase, own.newPerDay, own.leechAction, own.graduatingInterval) == ([2, 20], 2300, 15, 0, 3))
        #expect(collection.deckConfigs[0].learnSteps == [1, 10] && collection.deckConfigs[0].easyBonus == 1.3)
    }

    /// A state read from a crafted log (an FSRS difficulty or an SM-2 easiness of 1e300, NaN)
    /// gives a factor held within Anki's 32-bit column, not a trap (`srs export` was exit 132).
    @Test(arguments: [(1e300, Int(Int32.max)), (-1e300, Int(Int32.min)), (Double.nan, 0), (2.36, 2360)])
    func anAbsurdEaseOrDifficultyIsHeldWithinTheColumn(value: Double, factor: Int) {
        let fsrs = CardProgress(
            state: .fsrs(FSRSCard(state: .review, step: nil, stability: 12.5, difficulty: value * 9 + 1, due: Self.now + 86_400,
                                  lastReview: Self.now - 86_400, reps: 3, lapses: 0)),
            due: Self.now + 86_400, firstReview: Self.now - 9 * 86_400, lastReview: Self.now - 86_400)
        let sm2 = CardProgress(memory: Memory(intervalDays: 6, due: Self.now, easiness: value, repetitions: 2, lapses: 0),
                               firstReview: Self.now - 8 * 86_400, lastReview: Self.now - 8 * 86_400)
        for after in [fsrs, sm2] {
            let answer = AnkiExport.Answer(card: CardID("c"), time: Self.now, grade: .good, kind: .review, millis: 1000,
                                           before: nil, after: after)
            #expect(answer.revlogFactor == factor)
        }
        let collection = AnkiExport.collection([.init(card: Self.card("c", "q", .basic(back: "a")), deck: "D", progress: sm2)],
                                               answers: [], days: Self.days, now: Self.now)
        #expect(collection.cards.map(\.factor) == [factor])
    }

    /// An Anki due day read from a crafted log (`"due_day": -9223372036854775808`) gives the
    /// nearest due Anki's column holds, not an overflow trap (`srs export` was exit 132).
    @Test(arguments: [(Int.min, Int64.min), (Int.min + 5, Int64.min)])
    func anAbsurdDueDayIsHeldWithinTheColumn(day: Int, due: Int64) {
        let progress = CardProgress(
            state: .anki(AnkiCard(kind: .review, queue: .review, remainingSteps: 0, intervalDays: 3, easePermille: 2350,
                                  due: .day(day), reps: 4, lapses: 1)),
            due: Self.now, firstReview: Self.now - 5 * 86_400, lastReview: Self.now - 86_400)
        let collection = AnkiExport.collection([.init(card: Self.card("c", "q", .basic(back: "a")), deck: "D", progress: progress)],
                                               answers: [], days: Self.days, now: Self.now)
        #expect(collection.cards.map(\.due) == [due])
    }
}

/// The media an export carries: what the cards' own texts name (`Card.allMediaNames`), which
/// their fields refer to as `<img src>` and `[sound:]`.
@Suite struct ExportMediaTests {
    static func item(_ id: String, _ question: String, _ kind: CardKind, explanation: String = "") -> AnkiExport.Item {
        AnkiExport.Item(card: Card(id: CardID(id), question: question, kind: kind, explanation: explanation), deck: "D")
    }

    @Test func everyTextOfEveryCardCountsInTheOrderOfTheTextsEachNameOnce() {
        let items = [
            Self.item("a", "[sound: q.mp3] [image: q.png]", .basic(back: "[image: back.png]"), explanation: "[sound: why.mp3] [image: q.png]"),
            Self.item("b", "Pick [image: q.png]", .multipleChoice(options: ["[image: 1.png]", "[image: 2.png]"], key: nil)),
            Self.item("c", "{{c1::Paris}} is in {{c2::France::[image: hint.png]}}", .cloze(number: 1)),
            Self.item("d", "r", .reverse(back: "[sound: rev.ogg]")),
            Self.item("e", "[image: ] [image:  two  spaces.png]", .shortAnswer(modelAnswer: "[sound: model.wav]")),
            Self.item("f", "[image: tf.png]", .trueFalse(answer: true)),
            Self.item("g", "t", .typeIn(answer: "[image: typed.png]")),
        ]
        #expect(AnkiExport.mediaNames(items) == ["q.mp3", "q.png", "back.png", "why.mp3", "1.png", "2.png", "hint.png",
                                                 "rev.ogg", " two  spaces.png", "model.wav", "tf.png", "typed.png"])
        let fields = AnkiExport.collection(items, answers: [], days: AnkiExportTests.days, now: AnkiExportTests.now).notes.flatMap(\.fields)
        #expect(fields.contains("{{c1::Paris}} is in {{c2::France::<img src=\"hint.png\">}}"))
        #expect(fields.contains("<img src=\"\"> <img src=\" two  spaces.png\">"))
    }
}
