/// `srs --data-dir D stats`: the options the data commands share may also come before the command's
/// name. ArgumentParser reads options after the subcommand only, so they are moved there.
enum LeadingOptions {
    /// The options the data commands take (each with a value, `--user ann` or `--user=ann`).
    static let shared = ["--data-dir", "--user"]

    /// `arguments` with leading shared options moved after the subcommand named next; unchanged
    /// when no subcommand follows them (`srs --user ann` is a review, which takes them).
    static func reordered(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if shared.contains(where: { argument.hasPrefix($0 + "=") }) {
                leading.append(argument)
                index += 1
            } else if shared.contains(argument), index + 1 < arguments.count {
                leading += arguments[index...index + 1]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, subcommands.contains(arguments[index]) else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
