import CFileExchange
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The output folder as one unit: files are written into a staging folder beside it,
/// which is then swapped in at once (`renameat2` with `RENAME_EXCHANGE`), so a reader
/// or a crash sees the previous complete set or the new one, never a mix.
///
/// A command replaces only an empty folder or a set of its own kind (SPEC §13). Anything
/// else is refused, or with `force` moved aside whole to a backup folder: nothing this
/// tool did not write is ever deleted. A lock file beside the folder keeps two commands
/// from writing it at once.
public final class OutputFolder {
    public let path: String
    let kind: OutputKind
    let stagingPath: String
    /// Where the folder's previous contents go when they are not ours to delete; nil otherwise.
    private let backupNeeded: Bool
    /// The backup folder made by `commit`, if any.
    public private(set) var backupPath: String?
    private var written: [String] = []
    private let lock: FolderLock
    private var committed = false

    /// Checks that `path` is ours to replace, takes its lock and creates a fresh staging folder beside it.
    /// `inputs` are the paths the command reads: an output folder that is or holds one is refused.
    public init(path: String, kind: OutputKind, force: Bool, inputs: [String] = []) throws {
        guard !path.isEmpty else { throw ReconError.output(path: "\"\"", reason: "the output folder name is empty") }
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        self.kind = kind
        let url = URL(fileURLWithPath: trimmed)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let lastComponent = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        guard lastComponent != ".", lastComponent != ".." else {
            throw ReconError.output(path: trimmed, reason: """
                ends in '\(lastComponent)', so it names a folder that holds other things (the working directory or a \
                parent); give the reports a folder of their own, such as recon-out
                """)
        }
        try Self.checkNotAnInput(trimmed, inputs: inputs)
        guard FileBytes.isDirectory(parent) else {
            let problem = FileBytes.exists(parent) ? "is not a folder" : "does not exist (create it first)"
            throw ReconError.output(path: trimmed, reason: "cannot create it: \(parent) \(problem)")
        }
        try Self.checkNotInsideASet(trimmed, parent: parent)
        lock = try FolderLock(path: parent + "/." + name + ".lock", folder: trimmed)
        backupNeeded = try Self.checkOwnership(trimmed, kind: kind, force: force)
        let stagingPrefix = "." + name + ".staging-"
        stagingPath = parent + "/" + stagingPrefix + "\(getpid())"
        Self.removeAbandonedStaging(in: parent, prefix: stagingPrefix)
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw ReconError.output(path: trimmed, reason: "cannot create a staging folder beside it: \(FileBytes.lastErrorText)")
        }
    }

    deinit { if !committed { abandon() } }

    /// True when the folder may be replaced as it is; false when its contents must go to a backup.
    private static func checkOwnership(_ path: String, kind: OutputKind, force: Bool) throws -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw ReconError.output(path: path, reason: "is a symbolic link (to \(target)); give the folder itself as --out")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ReconError.output(path: path, reason: "exists and is not a folder")
        }
        // Root may write anywhere; a folder without its owner's write bit still says "leave me alone".
        guard access(path, W_OK | X_OK) == 0, info.st_mode & S_IWUSR != 0 else {
            throw ReconError.output(path: path, reason: "is read-only; make it writable or choose another --out")
        }
        let backup = path + ".previous"
        switch OutputSetMarker.contents(of: path) {
        case .empty:
            return false
        case let .outputSet(found) where found == kind:
            return false
        case let .outputSet(found):
            guard force else {
                throw ReconError.output(path: path, reason: """
                    holds a '\(found.rawValue)' output set, and '\(kind.rawValue)' replaces only an empty folder \
                    or a '\(kind.rawValue)' set; choose another --out, or pass --force to move the set aside \
                    to \(backup) (or the next free name)
                    """)
            }
            return true
        case let .changedSet(found, added, missing, edited):
            guard force else {
                var changes: [String] = []
                if !missing.isEmpty { changes.append("missing " + Self.listed(missing)) }
                if !added.isEmpty { changes.append("not written by soundlink-recon: " + Self.listed(added)) }
                if !edited.isEmpty { changes.append("modified after the run: " + Self.listed(edited)) }
                throw ReconError.output(path: path, reason: """
                    holds a '\(found.rawValue)' output set changed by hand (\(changes.joined(separator: "; "))); \
                    choose another --out, or pass --force to move the folder aside to \(backup) (or the next free \
                    name) and write the reports in its place
                    """)
            }
            return true
        case let .foreign(names):
            guard force else {
                throw ReconError.output(path: path, reason: """
                    holds files that are not a soundlink-recon output set (\(Self.listed(names))); choose another --out, \
                    or pass --force to move the folder aside to \(backup) (or the next free name) and write the \
                    reports in its place
                    """)
            }
            return true
        }
    }

    /// True when `path` is absent, empty or an unchanged set of `kind`: what `commit` may remove.
    private static func isReplaceable(_ path: String, kind: OutputKind) -> Bool {
        guard FileBytes.exists(path) else { return true }
        switch OutputSetMarker.contents(of: path) {
        case .empty: return true
        case let .outputSet(found): return found == kind
        case .changedSet, .foreign: return false
        }
    }

    /// At most five names, then how many more.
    private static func listed(_ names: [String]) -> String {
        names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
    }

    /// Refuses an output folder that is one of the inputs or holds one.
    private static func checkNotAnInput(_ path: String, inputs: [String]) throws {
        guard let folder = realPath(path) else { return }
        for input in inputs {
            guard let resolved = realPath(input) else { continue }
            if resolved == folder || resolved.hasPrefix(folder + "/") {
                throw ReconError.output(path: path, reason: "holds the input \(input); choose an --out outside the inputs")
            }
        }
    }

    /// Refuses an output folder inside another output set: a folder added to a set leaves it
    /// changed by hand, and no command would replace it any more.
    private static func checkNotInsideASet(_ path: String, parent: String) throws {
        guard var folder = realPath(parent) else { return }
        while true {
            if FileBytes.exists(folder + "/" + OutputSetMarker.fileName) {
                throw ReconError.output(path: path, reason: """
                    is inside the output set \(folder); a folder added to a set leaves it changed by hand, \
                    so choose an --out outside it
                    """)
            }
            guard folder != "/" else { return }
            folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes staging folders left by commands that were killed; only called under the lock,
    /// so no other command is using one. A staging folder is named `prefix` and a process id:
    /// anything else that starts with `prefix` is not ours and stays.
    private static func removeAbandonedStaging(in parent: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let suffix = name.utf8.dropFirst(prefix.utf8.count)
            var info = stat()
            guard !suffix.isEmpty, suffix.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  lstat(parent + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// Opens a file for streaming into the staging folder.
    func create(_ name: String) throws -> FileWriter {
        if !written.contains(name) { written.append(name) }
        return try FileWriter(path: stagingPath + "/" + name, displayPath: displayPath(name))
    }

    /// Where a file of the set will be once committed (for messages).
    func displayPath(_ name: String) -> String { path + "/" + name }

    /// Registers a file that a library writes by path (libxlsxwriter) and returns its staging path.
    func stagedPath(_ name: String) -> String {
        if !written.contains(name) { written.append(name) }
        return stagingPath + "/" + name
    }

    /// Writes a whole file into the staging folder.
    func write(_ name: String, _ text: String) throws {
        let writer = try create(name)
        try writer.write(text)
        try writer.close()
    }

    /// Writes a whole report file from its bytes.
    func write(_ name: String, bytes: [UInt8]) throws {
        let writer = try create(name)
        try writer.write(bytes)
        try writer.close()
    }

    /// Writes the marker and swaps the staging folder in. The previous set is then removed when
    /// it was ours, or kept whole under a backup name when it was not.
    func commit() throws {
        let marker = OutputSetMarker(kind: kind, version: RunSummary.toolVersion, files: written)
        let writer = try FileWriter(path: stagingPath + "/" + OutputSetMarker.fileName,
                                    displayPath: path + "/" + OutputSetMarker.fileName)
        try writer.write(marker.rendered)
        try writer.close()
        let parent = URL(fileURLWithPath: stagingPath).deletingLastPathComponent().path
        // A file edited or added while the job ran keeps the previous set from being removed.
        if backupNeeded || !Self.isReplaceable(path, kind: kind) {
            let backup = Self.freeName(path + ".previous")
            guard rename(path, backup) == 0 else {
                throw ReconError.output(path: path, reason: "cannot move it aside to \(backup): \(FileBytes.lastErrorText)")
            }
            backupPath = backup
        }
        if !FileBytes.exists(path) {
            guard rename(stagingPath, path) == 0 else {
                throw ReconError.output(path: path, reason: "cannot move the new reports in: \(FileBytes.lastErrorText)")
            }
        } else if recon_exchange_paths(stagingPath, path) != 0 {
            throw ReconError.output(path: path, reason: "cannot swap the new reports in: \(FileBytes.lastErrorText)")
        }
        committed = true
        FileWriter.syncDirectory(parent)
        try? FileManager.default.removeItem(atPath: stagingPath)
        lock.release()
    }

    /// `base`, or `base-2`, `base-3`, … : the first name nothing uses.
    private static func freeName(_ base: String) -> String {
        var candidate = base
        var number = 2
        while FileBytes.exists(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// Removes the staging folder; the previous set stays as it was.
    func abandon() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        lock.release()
    }
}
