import Foundation
import Testing
@testable import ReconKit
import TestSupport

/// Only regular files are read; a file that changes while it is read stops the job.
@Suite("Special files")
struct FileBytesTests {
    @Test("a FIFO, a device and a link to a device are refused by name, without blocking")
    func specialFiles() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path + "/pipe.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = folder.path + "/zero.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        let cases = [(fifo, "is a FIFO, not a regular file"), ("/dev/zero", "is a character device, not a regular file"),
                     (link, "is a character device, not a regular file")]
        for (path, reason) in cases {
            #expect(throws: ReconError.unreadable(path: path, reason: reason)) { try FileBytes.read(path) }
            #expect(throws: ReconError.unreadable(path: path, reason: reason)) { try PlainFileSource(path: path) }
        }
    }

    @Test("a file that grows or shrinks while it is read stops the job", arguments: [true, false])
    func changingFile(grows: Bool) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("b.jsonl", String(repeating: "x", count: 100_000))
        let source = try PlainFileSource(path: path)
        var buffer = [UInt8](repeating: 0, count: 1000)
        _ = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        if grows {
            handle.seekToEndOfFile()
            handle.write(Data("more\n".utf8))
        } else {
            handle.truncateFile(atOffset: 50_000)
        }
        try handle.close()
        let opened = 100_000
        let read = grows ? 100_005 : 50_000
        #expect(throws: FileBytes.changed(path, opened: opened, read: read)) {
            while try buffer.withUnsafeMutableBytes({ try source.read(into: $0) }) > 0 {}
        }
    }
}
