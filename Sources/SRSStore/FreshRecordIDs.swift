import SRSCore

extension RecordIDs {
    /// Ids for the records this process writes: a prefix from the system's random source, so
    /// that two machines (or two runs) never make the same id.
    public static func fresh() -> RecordIDs {
        var generator = SystemRandomNumberGenerator()
        return RecordIDs(prefix: generator.next())
    }
}
