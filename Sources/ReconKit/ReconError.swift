/// Every reason the job cannot run; each case says where it happened.
public enum ReconError: Error, Equatable, CustomStringConvertible {
    /// A file or folder could not be opened or read.
    case unreadable(path: String, reason: String)
    /// A catalog's header names neither an ISRC nor a Spotify column.
    case catalogHeader(path: String, reason: String)
    /// A catalog's CSV text cannot be parsed.
    case catalogSyntax(path: String, line: Int, reason: String)
    /// Two catalogs share a NAME.
    case duplicateCatalogName(name: String)
    /// A gzip file is corrupt or truncated.
    case corruptGzip(path: String, reason: String)
    /// A folder of exports holds no `*.jsonl` or `*.jsonl.gz` file.
    case emptyExportFolder(path: String)
    /// The configuration file is malformed, or one of its keys is.
    case config(path: String, key: String?, reason: String)
    /// A setting is out of range or inconsistent.
    case invalidSetting(name: String, reason: String)
    /// The output folder cannot be written or is not ours.
    case output(path: String, reason: String)
    /// An overview file's name or body does not fit (SPEC §10).
    case overview(path: String, reason: String)
    /// An output set given to `diff` cannot be read.
    case outputSet(path: String, reason: String)
    /// A total overflowed the money type, or counts do not add up.
    case integrity(reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): "\(path): \(reason)"
        case let .catalogHeader(path, reason): "\(path):1: \(reason)"
        case let .catalogSyntax(path, line, reason): "\(path):\(line): \(reason)"
        case let .duplicateCatalogName(name): "catalog name '\(name)' is given twice"
        case let .corruptGzip(path, reason): "\(path): corrupt gzip data: \(reason)"
        case let .emptyExportFolder(path): "\(path): folder holds no *.jsonl or *.jsonl.gz file"
        case let .config(path, key, reason):
            if let key { "\(path): key '\(key)': \(reason)" } else { "\(path): \(reason)" }
        case let .invalidSetting(name, reason): "\(name): \(reason)"
        case let .output(path, reason): "\(path): \(reason)"
        case let .overview(path, reason): "\(path): not an overview file: \(reason)"
        case let .outputSet(path, reason): "\(path): cannot read the output set: \(reason)"
        case let .integrity(reason): "integrity check failed: \(reason)"
        }
    }
}
