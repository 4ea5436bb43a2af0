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
        #expect(FileIdentity(path: path)?.size == Int64(8 + 8 + 5 + 8), "mark, length, text, CRC-32")
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

    @Test("columns and texts written through the buffer read back as whole arrays, over several buffers")
    func chunkedColumns() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/snapshot"
        let numbers = (0..<300_000).map { Int32($0 &* 7919 % 100_003) }
        let texts = (0..<60_000).map { index in String(repeating: "é\(index % 10)", count: index % 40) }
        let writer = try #require(SnapshotWriter(path: path))
        writer.array(count: numbers.count) { numbers[$0] }
        writer.texts(count: texts.count) { texts[$0] }
        writer.array(count: 0) { _ in Int32(0) }
        try writer.finish()
        #expect(texts.reduce(0) { $0 + $1.utf8.count } > 2 << 20, "more than one buffer of text")
        let reader = try #require(SnapshotReader(path: path))
        #expect(try reader.array(Int32.self) == numbers)
        #expect(try reader.texts() == texts)
        #expect(try reader.array(Int32.self).isEmpty)
        try reader.finish()
    }

    @Test("a snapshot half written over a finished one is refused whole")
    func unfinishedOverwrite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/snapshot"
        let first = try #require(SnapshotWriter(path: path))
        first.array([UInt64](repeating: 1, count: 1 << 19))
        try first.finish()
        do {
            // More than the writer's buffer, so that part of it reaches the file; never finished.
            let second = try #require(SnapshotWriter(path: path))
            second.array([UInt64](repeating: 2, count: 1 << 18))
        }
        #expect(SnapshotReader(path: path) == nil)
    }

    @Test("a FIFO at the snapshot's path neither blocks the reader nor the writer")
    func fifo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/snapshot"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(SnapshotReader(path: path) == nil)
        let writer = try #require(SnapshotWriter(path: path))
        writer.text("replaced")
        try writer.finish()
        let reader = try #require(SnapshotReader(path: path))
        #expect(try reader.text() == "replaced")
        try reader.finish()
    }
}
