/// One chunk of an export file, parsed: its rows (line numbers counted from 1 within the chunk),
/// its rejected lines, its line counts, and the string pool its rows' ids refer to.
///
/// A worker thread builds it and hands it over whole: the pool is made for this chunk, filled by
/// that worker alone and read only by the receiver after the handover.
struct ParsedChunk<Row: ExportRow>: Sendable {
    /// A rejected line, numbered within the chunk.
    struct LocalRejection: Sendable {
        let line: Int
        let problem: RowProblem
        let raw: String
        var rawTruncated: Bool

        init(line: Int, problem: RowProblem, bytes: UnsafeRawBufferPointer) {
            self.line = line
            self.problem = problem
            (raw, rawTruncated) = TextCut.decoded(bytes, limit: InputLimits.rawLength)
        }
    }

    var rows: [Row] = []
    var rejections: [LocalRejection] = []
    var lines = 0
    var blank = 0
    let pool = StringPool()
}
