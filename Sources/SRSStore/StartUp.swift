import Foundation
import SRSCore

/// What a review starts from: the user's progress, opened for review, and the decks, opened
/// lazily. Both are read at the same time, on two threads: for a heavy user each takes tens of
/// milliseconds (a 6.5 MB snapshot; the `card:` lines of a 48 MB deck).
public enum StartUp {
    /// Opens the decks (the one called `deck` with its subdecks, or all) and the user's
    /// progress at once; `order` is every card id of the decks, deck after deck (joined on the
    /// decks' thread, which finishes first, rather than on the way to the first card).
    /// A deck error (unknown name: exit 66, damaged: 65) is reported before a progress error
    /// (locked: 75, damaged: 65).
    public static func open(_ location: DataLocation, deck: String?,
                            io: Syscalls = .live) throws -> (store: ProgressStore, decks: [LazyDeck], order: [CardID]) {
        let library = DeckLibrary(location: location, io: io)
        let decks = Background { () throws -> ([LazyDeck], [CardID]) in
            let decks = try deck.map(library.lazyWithSubdecks(named:)) ?? library.lazyAll()
            return (decks, decks.count == 1 ? decks[0].ids : decks.flatMap(\.ids))
        }
        let store = Result { try ProgressStore.openForReview(location, io: io) }
        let (opened, order) = try decks.value()
        return (try store.get(), opened, order)
    }
}

/// Work started on another thread at once; `value()` waits for it and returns or throws its
/// result.
public final class Background<T>: @unchecked Sendable {
    private var result: Result<T, Error> = .failure(CancellationError())
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    public func value() throws -> T {
        done.wait()
        done.signal()
        return try result.get()
    }
}
