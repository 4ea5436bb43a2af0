/// The files `diff` writes: `partners.csv`, `territories.csv`, `summary.md` and `summary.json`.
extension OutputSetDiff {
    /// `DIR/partners.csv`.
    public var partnersCSV: String { Self.csv(partners, grain: Self.partnerGrain, values: Self.partnerValues) }

    /// `DIR/territories.csv`.
    public var territoriesCSV: String { Self.csv(territories, grain: Self.territoryGrain, values: Self.territoryValues) }

    /// The grain, then `old_X,new_X,change_X` per compared column; a side without the grain has empty
    /// cells and counts as 0 in the change (change = new − old). Grain cells are copied as printed.
    private static func csv(_ lines: [Line], grain: [String], values: [OutputSetTable.Column]) -> String {
        let header = grain + values.flatMap { ["old_\($0.name)", "new_\($0.name)", "change_\($0.name)"] }
        var text = CSVLine.text(header)
        for line in lines {
            var fields = line.grain
            for (index, column) in values.enumerated() {
                func printed(_ value: Int128) -> String {
                    column.isMoney ? MoneyTotal(micros: value).description : String(value)
                }
                let (old, new) = (line.old?[index], line.new?[index])
                fields += [old.map(printed) ?? "", new.map(printed) ?? "", printed((new ?? 0) - (old ?? 0))]
            }
            text += CSVLine.text(fields)
        }
        return text
    }

    /// `DIR/summary.md`: what moved, per currency and bucket, and how many grains changed.
    public var summaryMarkdown: String {
        var lines = ["# soundlink-recon diff", "", "- Old: \(oldPath)", "- New: \(newPath)",
                     "- Result: \(differs ? "the sets DIFFER" : "nothing differs")", "",
                     "Changed grains: partners.csv \(partners.count), territories.csv \(territories.count).", "",
                     "## spend_total per currency and bucket", "",
                     "| currency | bucket | old | new | change |", "|---|---|---:|---:|---:|"]
        for move in moves {
            lines.append("| \(move.currency) | \(move.bucket) | \(move.old) | \(move.new) | \(move.change) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `DIR/summary.json`: the same figures for a scheduler.
    var summaryJSON: String {
        JSONText.object([
            ("tool", .object([("name", .string("soundlink-recon")), ("version", .string(RunSummary.toolVersion))])),
            ("mode", .string("diff")),
            ("old", .string(oldPath)),
            ("new", .string(newPath)),
            ("differs", .bool(differs)),
            ("changed_grains", .object([("partners", .int(partners.count)), ("territories", .int(territories.count))])),
            ("spend_total_moves", .array(moves.map { move in
                .object([
                    ("currency", .string(move.currency)), ("bucket", .string(move.bucket)),
                    ("old", .string(move.old.description)), ("new", .string(move.new.description)),
                    ("change", .string(move.change.description)),
                ])
            })),
        ]).rendered() + "\n"
    }

    /// Compares `old` and `new` and writes the result into `out`, replaced whole like `run`'s `--out`.
    public static func run(old: String, new: String, out: String, force: Bool) throws -> OutputSetDiff {
        let diff = try OutputSetDiff(old: old, new: new)
        let output = try OutputFolder(path: out, kind: .diff, force: force, inputs: [old, new])
        do {
            try output.write("partners.csv", diff.partnersCSV)
            try output.write("territories.csv", diff.territoriesCSV)
            try output.write("summary.md", diff.summaryMarkdown)
            try output.write("summary.json", diff.summaryJSON)
            try output.commit()
        } catch {
            output.abandon()
            throw error
        }
        return diff
    }
}
