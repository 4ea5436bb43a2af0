import Foundation
import Testing
@testable import ReconKit

@Suite("recon.sql generation")
struct ReconSQLTests {
    static let settings: [(Period, EngagementContext?)] = [
        (.all, nil),
        (Period(month: "2026-04")!, .catalog),
        (Period(from: CalendarDay("2026-04-10"), to: nil), .playlist),
    ]

    static let cases: [(SQLDialect.Name, Int)] = SQLDialect.Name.allCases.flatMap { name in
        settings.indices.map { (name, $0) }
    }

    static func sql(_ name: SQLDialect.Name, _ setting: Int = 0) -> ReconSQL {
        ReconSQL(dialect: .named(name), period: settings[setting].0, engagementContext: settings[setting].1)
    }

    @Test("a statement ends with ; at the end of a line; no other line ends with ;", arguments: cases)
    func statementTermination(_ name: SQLDialect.Name, _ setting: Int) throws {
        let sql = Self.sql(name, setting)
        let lines = sql.script.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = lines.filter { $0.hasSuffix(";") }
        #expect(terminated.count == sql.statements.count)
        for statement in sql.statements {
            #expect(!statement.split(separator: "\n").contains { $0.hasSuffix(";") })
            #expect(!statement.hasSuffix(";"))
        }
        // Splitting the script the way an engine's client does gives back the statements.
        var pieces: [String] = []
        var current: [Substring] = []
        for line in lines {
            current.append(line)
            if line.hasSuffix(";") {
                pieces.append(String(current.joined(separator: "\n").dropLast()))
                current = []
            }
        }
        let stripped = pieces.map { piece in
            piece.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.hasPrefix("--") || $0.isEmpty }.joined(separator: "\n")
        }
        #expect(stripped == sql.statements)
        #expect(current.allSatisfy { $0.isEmpty })
    }

    @Test("the script starts with a comment block", arguments: SQLDialect.Name.allCases)
    func header(_ name: SQLDialect.Name) {
        let script = Self.sql(name).script
        let head = script.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        #expect(!head.isEmpty)
        #expect(head.allSatisfy { $0.hasPrefix("--") })
    }

    @Test("BigQuery: tables loaded by the bq commands of the header, relations in dataset recon")
    func bigQueryLoads() {
        let sql = Self.sql(.bigquery)
        for table in WarehouseTable.all {
            #expect(sql.script.contains(
                "--   bq load --source_format=NEWLINE_DELIMITED_JSON recon.\(table.name) \(table.file) "))
            #expect(sql.script.contains("FROM recon.\(table.name)") || table == .catalogKeys
                || sql.script.contains("JOIN recon.\(table.name)"))
        }
        #expect(!sql.statements.contains { $0.contains("read_json") || $0.contains("USING json") })
        #expect(sql.statements.allSatisfy { $0.hasPrefix("CREATE OR REPLACE VIEW recon.") })
    }

    /// The dialect table, row by row: what each engine gets.
    static let dialectTable: [(SQLDialect.Name, load: String, dedup: String, sum: String, division: String, char: String)] = [
        (.duckdb, "FROM read_json('breakdown_rows.ndjson', format = 'newline_delimited'", "QUALIFY row_number()",
         "AS DECIMAL(38,0)", "(share_numerator // share_divisor)", "chr(9)"),
        (.spark, "USING json OPTIONS (path 'breakdown_rows.ndjson'", ") ranked WHERE version_rank = 1",
         "AS DECIMAL(38,0)", "(share_numerator div share_divisor)", "char(9)"),
        (.bigquery, "", "WHERE TRUE\nQUALIFY row_number()",
         "AS BIGNUMERIC(38, 0)", "DIV(share_numerator, share_divisor)", "CODE_POINTS_TO_STRING([9])"),
    ]

    @Test("each dialect gets its own spelling", arguments: dialectTable)
    func dialectDifferences(
        _ row: (SQLDialect.Name, load: String, dedup: String, sum: String, division: String, char: String)
    ) {
        let script = Self.sql(row.0).script
        if !row.load.isEmpty { #expect(script.contains(row.load)) }
        #expect(script.contains(row.dedup))
        #expect(script.contains(row.sum))
        #expect(script.contains(row.division))
        #expect(script.contains(row.char))
        for other in Self.dialectTable where other.0 != row.0 && other.division != row.division {
            #expect(!script.contains(other.division))
        }
    }

    @Test("no floating-point or decimal division anywhere", arguments: SQLDialect.Name.allCases)
    func noDivision(_ name: SQLDialect.Name) {
        let statements = Self.sql(name).statements.joined(separator: "\n")
        #expect(!statements.contains(" / "))
        #expect(!statements.lowercased().contains("double"))
        #expect(!statements.lowercased().contains("float"))
        #expect(!statements.lowercased().contains("round("))
    }

    @Test("period and context filters", arguments: SQLDialect.Name.allCases)
    func filters(_ name: SQLDialect.Name) {
        let all = Self.sql(name, 0).script
        #expect(!all.contains("report_day >=") && !all.contains("engagement_context = '"))
        let april = Self.sql(name, 1).script
        let first = CalendarDay("2026-04-01")!.daysSinceEpoch, last = CalendarDay("2026-04-30")!.daysSinceEpoch
        #expect(april.contains("WHERE report_day >= \(first) AND report_day <= \(last);\n"))
        #expect(april.contains("AND engagement_context = 'catalog'"))
        let open = Self.sql(name, 2).script
        #expect(open.contains("report_day >= \(CalendarDay("2026-04-10")!.daysSinceEpoch)"))
        #expect(!open.contains("report_day <="))
    }

    static let views: [(String, [String])] = [
        ("territories", TerritoryReport.columns), ("tracks", TrackReport.columns),
        ("partners", PartnerReport.columns), ("unmatched", UnmatchedReport.columns),
    ]

    @Test("the four views have exactly the CSV columns, in order", arguments: SQLDialect.Name.allCases)
    func viewColumns(_ name: SQLDialect.Name) throws {
        let dialect = SQLDialect.named(name)
        let sql = Self.sql(name)
        for (view, columns) in Self.views {
            let statement = try #require(sql.statements.first { $0.hasPrefix(dialect.createView(view) + "\n") })
            // Each union part of `unmatched` repeats the list.
            let parts = statement.components(separatedBy: "\nUNION ALL\n")
            for part in parts {
                let aliases = part.components(separatedBy: ",\n").compactMap { item -> String? in
                    guard let range = item.range(of: " AS ", options: .backwards) else { return nil }
                    return String(item[range.upperBound...].prefix { $0 != "\n" })
                }
                #expect(aliases == columns.map(dialect.quote), "\(view)")
            }
            #expect(parts.count == (view == "unmatched" ? 3 : 1))
        }
    }

    @Test("columns that can carry input text are protected like the CSVs, and lose their NUL")
    func formulaProtection() throws {
        let sql = Self.sql(.duckdb)
        for (view, columns) in Self.views {
            let statement = try #require(sql.statements.first { $0.hasPrefix("CREATE OR REPLACE VIEW \(view) AS\n") })
            let part = statement.components(separatedBy: "\nUNION ALL\n")[0]
            let items = part.components(separatedBy: ",\n    ")
            for column in columns {
                let item = try #require(items.first { $0.hasSuffix(" AS \"\(column)\"") || $0.contains(" AS \"\(column)\"\n") })
                let guarded = item.contains("IN ('=', '+', '-', '@', chr(9), chr(13)) THEN chr(39) || REPLACE(")
                    && item.contains(", chr(0), '\u{FFFD}')")
                let rawID = ["isrc_raw", "spotify_track_id_raw"].contains(column)
                #expect(guarded == (ReportColumns.inputText.contains(column) || rawID), "\(view).\(column)")
                // The raw text of a valid identifier is printed as it is.
                if rawID { #expect(item.hasPrefix("CASE WHEN \(column == "isrc_raw" ? "target_isrc" : "target_spotify") IS NULL THEN CASE")) }
            }
        }
    }
}
