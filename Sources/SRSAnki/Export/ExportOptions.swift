import SRSCore

extension AnkiExport {
    /// A learner's scheduling options as an Anki deck preset (`dconf`): the daily limits, the
    /// learning steps and SM-2's factors, FSRS's retention and parameters.
    public struct Options: Equatable, Sendable {
        public var anki = AnkiOptions()
        public var fsrs = FSRSOptions()
        /// Whether FSRS schedules the learner: its steps and maximum interval are the preset's.
        public var usesFSRS = false
        public var newPerDay = 20
        public var reviewsPerDay = 200
        /// A leech is suspended (else only tagged, Anki's default).
        public var leechSuspends = false
        public init() {}
    }

    /// The preset `options` make, named `name`.
    static func preset(_ options: Options, id: Int64, name: String) -> AnkiDeckConfig {
        let minutes = { (steps: [Int]) in steps.map { Double($0) / 60 } }
        // Anki's factors are Float: 1.3, not 1.2999999523162842, in the preset.
        let factor = { (value: Float) in (Double(value) * 1000).rounded() / 1000 }
        let anki = options.anki, fsrs = options.fsrs
        return AnkiDeckConfig(
            id: id, name: name,
            learnSteps: minutes(options.usesFSRS ? fsrs.learningSteps : anki.learningSteps),
            relearnSteps: minutes(options.usesFSRS ? fsrs.relearningSteps : anki.relearningSteps),
            newPerDay: options.newPerDay, reviewsPerDay: options.reviewsPerDay,
            initialEase: Int((anki.startingEase * 1000).rounded()), easyBonus: factor(anki.easyBonus),
            hardMultiplier: factor(anki.hardInterval), lapseMultiplier: factor(anki.lapseMultiplier),
            intervalModifier: factor(anki.intervalModifier),
            maximumInterval: options.usesFSRS ? fsrs.maximumInterval : anki.maximumInterval,
            minimumLapseInterval: anki.minimumInterval, graduatingInterval: anki.graduatingInterval,
            easyInterval: anki.easyInterval, leechThreshold: anki.leechThreshold, leechAction: options.leechSuspends ? 0 : 1,
            desiredRetention: fsrs.desiredRetention, fsrsParameters: options.usesFSRS ? fsrs.parameters : [])
    }
}
