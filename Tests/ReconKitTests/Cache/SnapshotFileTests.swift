import Foundation
import Testing
import TestSupport
@testable import ReconKit
#if canImport(Glibc)
import Glibc
#endif

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

    @Test("a shorter snapshot written over a longer one is cut to its own length")
    func shorterOverLonger() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/snapshot"
        let long = try #require(SnapshotWriter(path: path))
        long.array([UInt64](repeating: 7, count: 100_000))
        try long.finish()
        let inode = try #require(FileIdentity(path: path)).inode
        let short = try #require(SnapshotWriter(path: path))
        short.text("short")
        try short.finish()
        #expect(FileIdentity(path: path)?.inode == inode, "written in place")
        #expect(FileIdentity(path: path)?.size == Int64(8 + 5 + 8))
        let reader = try #require(SnapshotReader(path: path))
        #expect(try reader.text() == "short")
        try reader.finish()
    }

    @Test("a symbolic link or a second link at the snapshot's path is replaced, never written through",
          arguments: ["symbolic link", "hard link"])
    func linkNotWrittenThrough(kind: String) throws {
        let folder = try TemporaryFolder()
        let mine = try folder.write("mine.txt", "a user's notes\n")
        let path = folder.path + "/snapshot"
        #expect((kind == "hard link" ? link(mine, path) : symlink(mine, path)) == 0)
        let writer = try #require(SnapshotWriter(path: path))
        writer.text("snapshot")
        try writer.finish()
        #expect(try folder.text("mine.txt") == "a user's notes\n")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1)
        let reader = try #require(SnapshotReader(path: path))
        #expect(try reader.text() == "snapshot")
        try reader.finish()
    }
}
