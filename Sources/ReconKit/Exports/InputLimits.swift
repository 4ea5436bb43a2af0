/// The bounds that keep a run's memory and output small whatever its input files hold (SPEC §13).
public enum InputLimits {
    /// A JSONL line longer than this (LF and a CR before it not counted) is rejected `line_too_long`
    /// and skipped without being held in memory.
    public static let maxLineLength = 16 << 20
    /// `raw` in `rejected.jsonl` is cut at this many bytes (then `"raw_truncated": true`).
    public static let rawLength = 4096
    /// Free text copied into the reports (campaign and track names, catalog titles and artists)
    /// is cut at this many bytes, at a character boundary.
    public static let freeTextLength = 4096
    /// At most this many rejections of one file are listed in `rejected.jsonl`; the rest are counted.
    public static let listedRejectionsPerFile = 100_000
}
