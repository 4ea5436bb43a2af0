/// Renders `summary.json` (snake_case keys, money as strings in the money format).
enum SummaryJSON {
    static func render(_ summary: RunSummary) -> JSONText {
        let settings = summary.settings
        return .object([
            ("tool", .object([("name", .string("soundlink-recon")), ("version", .string(RunSummary.toolVersion))])),
            ("mode", .string(settings.mode.rawValue)),
            ("period", .object([
                ("from", settings.period.from.map { .string($0.description) } ?? .null),
                ("to", settings.period.to.map { .string($0.description) } ?? .null),
            ])),
            ("engagement_context", settings.engagementContext.map { .string($0.rawValue) } ?? .null),
            ("inputs", .object([
                ("breakdown", source(summary.breakdown, files: summary.breakdownFiles)),
                ("engagement", source(summary.engagement, files: summary.engagementFiles)),
            ])),
            ("skipped_files", .array(summary.skippedFiles.map { .string($0) })),
            ("wholly_rejected_files", .array(summary.rejectedFiles.map { file in
                .object([
                    ("file", .string(file.path)),
                    ("source", .string(file.source)),
                    ("lines", .int(file.lines)),
                    ("looks_like", file.looksLike.map { .string($0) } ?? .null),
                ])
            })),
            ("conflicts", .object([
                ("breakdown", .int(summary.breakdownConflicts)),
                ("engagement", .int(summary.engagementConflicts)),
            ])),
            ("catalog", catalog(summary)),
            ("matches", .object([
                ("breakdown", .object([("target", matches(summary.breakdownTargets))])),
                ("engagement", .object([
                    ("target", matches(summary.engagementTargets)),
                    ("engaged", matches(summary.engagementEngaged)),
                ])),
            ])),
            ("totals", .object([
                ("breakdown", .object([
                    ("streams", .integer(summary.breakdownStreams)),
                    ("currencies", .object(summary.currencies.map { currency in
                        (currency.code, .object([
                            ("spend_media", .string(currency.totals.spendMedia.description)),
                            ("fees", .string(currency.totals.fees.description)),
                            ("spend_total", .string(currency.totals.spendTotal.description)),
                        ]))
                    })),
                ])),
                ("engagement", .object([("streams", .integer(summary.engagementStreams))])),
            ])),
            ("provisional_rows", .object([
                ("breakdown", .int(summary.breakdown.provisional)),
                ("engagement", .int(summary.engagement.provisional)),
            ])),
            ("provisional_days", .array(summary.provisionalCampaigns.map { campaign in
                .object([
                    ("campaign_id", .string(campaign.campaignID)),
                    ("days", .array(campaign.days.map { .string($0.description) })),
                    ("final_on", .string(campaign.finalOn.description)),
                ])
            })),
            ("unmatched_spend_share", .object(summary.currencies.map {
                ($0.code, .string($0.totals.unmatchedRate.description))
            })),
            ("tie_out", .object(summary.tieOut.map { ($0.name, .bool($0.held)) })),
            ("gates", .array(summary.gates.map { gate in
                .object([
                    ("name", .string(gate.name)),
                    ("enabled", .bool(gate.enabled)),
                    ("threshold", gate.threshold.map { .string($0) } ?? .null),
                    ("value", .string(gate.value)),
                    ("passed", .bool(gate.passed)),
                ])
            })),
            ("passed", .bool(summary.passed)),
        ])
    }

    private static func source(_ counts: SourceCounts, files: [String]) -> JSONText {
        .object([
            ("files", .array(files.map { .string($0) })),
            ("lines", .int(counts.lines)),
            ("blank", .int(counts.blank)),
            ("rejected", .int(counts.rejected)),
            ("superseded", .int(counts.superseded)),
            ("out_of_period", .int(counts.outOfPeriod)),
            ("filtered", .int(counts.filtered)),
            ("kept", .int(counts.kept)),
            ("provisional", .int(counts.provisional)),
            ("conserved", .bool(counts.isConserved)),
        ])
    }

    private static func catalog(_ summary: RunSummary) -> JSONText {
        .object([
            ("files", .array(summary.catalogFiles.map { file in
                .object([
                    ("name", .string(file.name)),
                    ("path", .string(file.path)),
                    ("entries", .int(file.entries)),
                    ("usable_entries", .int(file.usableEntries)),
                    ("issues", .int(file.issues)),
                ])
            })),
            ("entries", .int(summary.catalogFiles.reduce(0) { $0 + $1.entries })),
            ("usable_entries", .int(summary.catalogFiles.reduce(0) { $0 + $1.usableEntries })),
            ("issues_by_kind", .object(summary.catalogIssuesByKind.map { ($0.0.rawValue, .int($0.1)) })),
        ])
    }

    private static func matches(_ counts: MatchCounts) -> JSONText {
        .object(MatchCounts.outcomes.map { ($0, .int(counts[$0])) })
    }
}
