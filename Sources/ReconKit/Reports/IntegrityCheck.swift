/// Refuses to publish numbers that do not add up: conservation per source and the tie-outs.
enum IntegrityCheck {
    static func verify(_ summary: RunSummary) throws {
        for (name, counts) in [("breakdown", summary.breakdown), ("engagement", summary.engagement)]
        where !counts.isConserved {
            throw ReconError.integrity(reason: "\(name) lines do not add up: \(counts)")
        }
        for check in summary.tieOut where !check.held {
            throw ReconError.integrity(reason: "tie-out '\(check.name)' does not hold")
        }
    }
}
