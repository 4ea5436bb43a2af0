import Testing
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
@testable import ReconKit

@Suite("Checking the SHA-256 of files taken from the re-run cache")
struct HashVerificationTests {
    /// Seven files of different sizes (up to 1.7 MB, more than one of the verifier's 1 MiB reads), each
    /// with its identity and the SHA-256 of its bytes fed at once (`FileDigest` is checked
    /// against a known vector in `FileDigestTests`).
    private func files(in folder: TemporaryFolder) throws -> [(path: String, identity: FileIdentity, sha256: String)] {
        try (0..<7).map { index in
            let text = String(repeating: "line \(index)\n", count: 1 + index * 40_000)
            try folder.write("f\(index).jsonl", text)
            let path = folder.path + "/f\(index).jsonl"
            let digest = FileDigest()
            Array(text.utf8).withUnsafeBytes { digest.update($0) }
            return (path, try #require(FileIdentity(path: path)), digest.fingerprint(kind: "", path: path).sha256)
        }
    }

    @Test("every file as recorded passes, on one thread or several", arguments: [1, 2, 5])
    func unchanged(threads: Int) throws {
        let folder = try TemporaryFolder()
        let verification = HashVerification(try files(in: folder), threads: threads)
        #expect(throws: Never.self) { try verification.wait() }
    }

    @Test("a file whose recorded digest differs is named, whichever thread hashed it", arguments: [1, 2, 5])
    func changed(threads: Int) throws {
        let folder = try TemporaryFolder()
        var recorded = try files(in: folder)
        for index in [2, 5] { recorded[index].sha256 = String(repeating: "0", count: 64) }
        let verification = HashVerification(recorded, threads: threads)
        // The first of the changed files in path order.
        let thrown = #expect(throws: CachedExportChanged.self) { try verification.wait() }
        #expect(thrown?.path == folder.path + "/f2.jsonl")
    }

    @Test("a file whose identity differs is not hashed as unchanged")
    func identity() throws {
        let folder = try TemporaryFolder()
        var recorded = try files(in: folder)
        recorded[3].identity.size += 1
        let verification = HashVerification(recorded, threads: 2)
        let thrown = #expect(throws: CachedExportChanged.self) { try verification.wait() }
        #expect(thrown?.path == folder.path + "/f3.jsonl")
    }

    @Test("the caller keeps its priority: only the verifier's own threads are lowered")
    func callerPriority() throws {
        let folder = try TemporaryFolder()
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        // getpriority may return -1 as a value: errno tells a failure apart.
        func priority() -> Int32? {
            errno = 0
            let value = getpriority(which, 0)
            return errno == 0 ? value : nil
        }
        let before = try #require(priority())
        let verification = HashVerification(try files(in: folder), threads: 2)
        try verification.wait()
        #expect(priority() == before)
    }

    @Test("no files, or no threads asked for: the caller hashes what there is")
    func edges() throws {
        let folder = try TemporaryFolder()
        try HashVerification([], threads: 0).wait()
        var recorded = try files(in: folder)
        recorded[6].sha256 = String(repeating: "f", count: 64)
        let thrown = #expect(throws: CachedExportChanged.self) { try HashVerification(recorded, threads: 0).wait() }
        #expect(thrown?.path == folder.path + "/f6.jsonl")
    }
}
