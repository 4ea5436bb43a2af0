import Foundation
import Testing
import TestSupport
@testable import ReconKit

@Suite("Snapshot files")
struct SnapshotFileTests {
    private struct Pair: Equatable {
        var first: Int32
        var second: UInt64
    }

    /// Writes a value, an array, a text and an empty array; returns the file's path.
    private func written(in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/snapshot"
        let writer = try #require(SnapshotWriter(path: path))
        writer.value(Pair(first: -7, second: 1 << 60))
        writer.array([Pair(first: 1, second: 2), Pair(first: 3, second: 4)])
        writer.text("Zoë – 東京")
        writer.array([Int]())
        try writer.finish()
        return path
    }

    @Test("gives back what was written, in order, and checks the whole file")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let reader = try #require(SnapshotReader(path: try written(in: folder)))
        #expect(try reader.value(Pair.self) == Pair(first: -7, second: 1 << 60))
        #expect(try reader.array(Pair.self) == [Pair(first: 1, second: 2), Pair(first: 3, second: 4)])
        #expect(try reader.text() == "Zoë – 東京")
        #expect(try reader.array(Int.self).isEmpty)
        try reader.finish()
    }

    @Test("a flipped byte, a cut or a longer file fails the check", arguments: [0, 1, 2])
    func damage(kind: Int) throws {
        let folder = try TemporaryFolder()
        let path = try written(in: folder)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        switch kind {
        case 0: bytes[20] ^= 1
        case 1: bytes.removeLast(5)
        default: bytes.append(0)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try #require(SnapshotReader(path: path))
        #expect(throws: SnapshotDamaged.self) {
            _ = try reader.value(Pair.self)
            _ = try reader.array(Pair.self)
            _ = try reader.text()
            _ = try reader.array(Int.self)
            try reader.finish()
        }
    }

    @Test("an absurd length fails before any memory is asked for")
    func absurdLength() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/snapshot"
        let writer = try #require(SnapshotWriter(path: path))
        writer.value(Int.max / 2)
        try writer.finish()
        let reader = try #require(SnapshotReader(path: path))
        #expect(throws: SnapshotDamaged.self) { _ = try reader.array(UInt64.self) }
    }
}
