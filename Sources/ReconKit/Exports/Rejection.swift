/// Why an export line was rejected (SPEC §8).
public enum RejectionReason: String, CaseIterable, Sendable, Error {
    case invalidUTF8 = "invalid_utf8"
    case notJSON = "not_json"
    case notObject = "not_object"
    case duplicateField = "duplicate_field"
    case missingField = "missing_field"
    case badReportDate = "bad_report_date"
    case badExportedAt = "bad_exported_at"
    case unsupportedSchemaVersion = "unsupported_schema_version"
    case wrongType = "wrong_type"
    case negativeCount = "negative_count"
    case outOfRange = "out_of_range"
    /// The line is longer than `InputLimits.maxLineLength` (SPEC §13); it was skipped unread.
    case lineTooLong = "line_too_long"
}

/// A rejected line's reason and a detail that names the field.
public struct RowProblem: Error, Equatable, Sendable {
    public let reason: RejectionReason
    public let detail: String

    public init(_ reason: RejectionReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

/// One line of `rejected.jsonl`.
public struct Rejection: Equatable, Sendable {
    public let file: String
    public let line: Int
    public let problem: RowProblem
    /// The line, with invalid UTF-8 replaced by U+FFFD, cut at `InputLimits.rawLength` bytes.
    public let raw: String
    /// True when `raw` holds only the start of the line.
    public let rawTruncated: Bool

    public init(file: String, line: Int, problem: RowProblem, raw: String, rawTruncated: Bool = false) {
        self.file = file
        self.line = line
        self.problem = problem
        self.raw = raw
        self.rawTruncated = rawTruncated
    }
}
