import Foundation
import Testing
@testable import ReconKit
import TestSupport

@Suite("Input fingerprints")
struct FileDigestTests {
    @Test("SHA-256 of a known text, fed in pieces")
    func knownVector() {
        let digest = FileDigest()
        for piece in ["a", "", "bc"] { Array(piece.utf8).withUnsafeBytes { digest.update($0) } }
        let fingerprint = digest.fingerprint(kind: "catalog", path: "x")
        #expect(fingerprint.bytes == 3)
        #expect(fingerprint.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("an export is fingerprinted as it streams: the bytes on disk, compressed for .gz", arguments: [false, true])
    func export(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        let text = (0..<2000).map { _ in ExportLines.breakdown() }.joined(separator: "\n") + "\n"
        var bytes = Array(text.utf8)
        if compressed {
            let plain = try folder.write("plain.jsonl", text)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-k", "-n", plain]
            try gzip.run()
            gzip.waitUntilExit()
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        }
        let path = try folder.write(compressed ? "b.jsonl.gz" : "b.jsonl", bytes: bytes)
        var reader = ExportReader<BreakdownRow>(pool: StringPool(), blockSize: 4096)
        let streamed = try reader.read(ExportFile(path: path), index: 0, rejections: CollectedRejections())
            .fingerprint(kind: "breakdown", path: path)
        let whole = FileDigest()
        bytes.withUnsafeBytes { whole.update($0) }
        #expect(streamed == whole.fingerprint(kind: "breakdown", path: path))
        #expect(streamed.bytes == bytes.count)
    }

    @Test("a BOM, a line longer than the block and a missing last LF are hashed as they are on disk")
    func awkwardBytes() throws {
        let folder = try TemporaryFolder()
        let long = ExportLines.breakdown(["campaign_name": "\"" + String(repeating: "x", count: 10_000) + "\""])
        let bytes = [0xEF, 0xBB, 0xBF] + Array((ExportLines.breakdown() + "\n" + long + "\n" + ExportLines.breakdown()).utf8)
        let path = try folder.write("b.jsonl", bytes: bytes)
        var reader = ExportReader<BreakdownRow>(pool: StringPool(), blockSize: 1024)
        let streamed = try reader.read(ExportFile(path: path), index: 0, rejections: CollectedRejections())
            .fingerprint(kind: "breakdown", path: path)
        let whole = FileDigest()
        bytes.withUnsafeBytes { whole.update($0) }
        #expect(streamed == whole.fingerprint(kind: "breakdown", path: path))
        #expect(reader.counts.lines == 3)
        #expect(reader.counts.rejected == 0)
    }
}
