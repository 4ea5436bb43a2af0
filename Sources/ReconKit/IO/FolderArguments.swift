import Foundation

/// Paths given as files or folders: a file stands for itself, a folder for the files directly
/// in it whose names `accept` takes, in byte order of names.
enum FolderArguments {
    /// Expands `arguments`; a missing path, an unlistable folder or a folder with no accepted
    /// file (`whenEmpty`) stops the job.
    static func expand(
        _ arguments: [String], accept: (String) -> Bool, whenEmpty: (_ folder: String) -> ReconError
    ) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            guard FileBytes.exists(argument) else {
                throw ReconError.unreadable(path: argument, reason: "no such file or folder")
            }
            guard FileBytes.isDirectory(argument) else {
                files.append(argument)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: argument)
            } catch {
                throw ReconError.unreadable(path: argument, reason: "cannot list the folder")
            }
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            let found = names.filter { accept($0) && !FileBytes.isDirectory(prefix + $0) }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if found.isEmpty { throw whenEmpty(argument) }
            files += found.map { prefix + $0 }
        }
        return files
    }
}
