import Foundation

// Fuzzes catalog loading: BOM/UTF-16 handling, delimiter detection, libcsv parsing with line
// tracking, header resolution, normalisation and key claims. Errors are fine; crashes are not.
// Invariant: issue lines are inside the file and in order; every entry owns a valid key.
private let path = NSTemporaryDirectory() + "fuzz-catalog-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    guard let set = try? CatalogLoader.load([CatalogSource(name: "fuzz", path: path)]) else { return 0 }
    let lines = bytes.count { $0 == 0x0A || $0 == 0x0D } + 1
    var previous = 0
    for issue in set.issues {
        if issue.line < 2 || issue.line > lines || issue.line < previous { fatalError("issue line \(issue.line) out of place") }
        previous = issue.line
    }
    for entry in set.entries where entry.isrc == nil && entry.spotifyTrackID == nil {
        fatalError("usable entry without a key at line \(entry.line)")
    }
    return 0
}
