/// An export file that had non-blank lines and every one of them was rejected: most often a
/// file given as the wrong source, or not an export at all. It fails the `nothing_kept` gate.
public struct RejectedFile: Sendable, Equatable {
    public let path: String
    /// `breakdown` or `engagement`: how it was given.
    public let source: String
    public let lines: Int
    /// The other source, when the file's first rejected line reads as a row of that source.
    public let looksLike: String?

    /// One sentence for stderr and `summary.md`.
    public var explanation: String {
        var text = "every one of the \(lines) non-blank lines of \(path) (given as --\(source)) was rejected"
        if let looksLike {
            text += "; its lines read as \(looksLike) rows: was it meant for --\(looksLike)?"
        }
        return text
    }
}

/// Passes rejections on, remembering the first rejected line of each file (to tell a file
/// given as the wrong source).
final class FirstRejections: RejectionSink {
    private let next: any RejectionSink
    private(set) var firstRaw: [String: String] = [:]

    init(_ next: any RejectionSink) { self.next = next }

    func record(_ rejection: Rejection) throws {
        if firstRaw[rejection.file] == nil { firstRaw[rejection.file] = rejection.raw }
        try next.record(rejection)
    }

    func finishFile(_ path: String) throws { try next.finishFile(path) }
}

/// Tells whether a line reads as a row of a given source.
enum SourceSniffer {
    static func reads<Row: ExportRow>(_ line: String, as _: Row.Type) -> Bool {
        Array(line.utf8).withUnsafeBytes { ChunkParser<Row>.parse($0, fileIndex: 0).rows.count == 1 }
    }
}
