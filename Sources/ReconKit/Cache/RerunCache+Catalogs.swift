#if canImport(Glibc)
import Glibc
#endif

/// The catalogs in the re-run cache: the last run's `CatalogSet` with the sources it was loaded
/// from and the `stat` identity of every catalog file, so that a re-run whose catalogs did not
/// change (the exports were re-fetched, or nothing changed) loads none of them again, and one
/// after an edit reads only the edited catalog and those after it.
extension RerunCache {
    /// The catalogs as the last run loaded them, up to the first of `sources` that changed: the
    /// set as it stood after the leading catalogs given the same way (name, path, delimiter,
    /// columns) whose files still have the identity recorded, and how many those are. Their
    /// SHA-256 are checked here, before the set is returned: when one differs (a change `stat`
    /// cannot see), every catalog is read again. Nil when none is taken.
    func catalogs(_ sources: [CatalogSource]) -> (set: CatalogSet, catalogs: Int)? {
        guard let snapshot = SnapshotReader(path: folder + "/" + Self.catalogSnapshotName) else { return nil }
        do throws(SnapshotDamaged) {
            guard try snapshot.text() == Self.version(of: Self.catalogSnapshotName) else { return nil }
            let recorded = try Self.readSources(from: snapshot)
            let identities: [FileIdentity] = try snapshot.array()
            guard identities.count == recorded.count else { return nil }
            // A catalog edited since: known from `stat` alone, before the set is read.
            var same = 0
            while same < min(sources.count, recorded.count), recorded[same] == sources[same],
                  FileIdentity(path: sources[same].path) == identities[same] { same += 1 }
            guard same > 0 else { return nil }
            let set = try CatalogSet.read(from: snapshot, catalogs: same)
            for (file, identity) in zip(set.files, identities) {
                guard let fingerprint = file.fingerprint, fingerprint.bytes == Int(identity.size),
                      identity.holds(file.path, sha256: fingerprint.sha256) else { return nil }
            }
            return (set, same)
        } catch {
            return nil
        }
    }

    /// Records `catalogs`, loaded from `sources` whose files had `identities` before they were
    /// read, when every file still has them, on another thread (the caller waits for the job
    /// before it releases the output folder's lock); otherwise removes the recorded catalogs.
    func store(_ catalogs: CatalogSet, sources: [CatalogSource], identities: [FileIdentity?]) -> BackgroundJob<Void> {
        BackgroundJob { [folder] in
            // A set loaded by `CatalogLoader` has every file's fingerprint, which its snapshot needs.
            guard catalogs.files.allSatisfy({ $0.fingerprint != nil }) else {
                unlink(folder + "/" + Self.catalogSnapshotName)
                return
            }
            Self.writeSnapshot(named: Self.catalogSnapshotName, in: folder, readFrom: sources.map(\.path),
                               identities: identities) { snapshot, identities in
                Self.writeSources(sources, to: snapshot)
                snapshot.array(identities)
                catalogs.write(to: snapshot)
            }
        }
    }

    private static func writeSources(_ sources: [CatalogSource], to snapshot: SnapshotWriter) {
        snapshot.value(sources.count)
        for source in sources {
            snapshot.text(source.name)
            snapshot.text(source.path)
            snapshot.value(source.delimiter.map(Int.init) ?? -1)
            for role in CatalogRole.allCases { snapshot.text(source.columns[role].map { "=" + $0 } ?? "") }
        }
    }

    private static func readSources(from snapshot: SnapshotReader) throws(SnapshotDamaged) -> [CatalogSource] {
        var sources: [CatalogSource] = []
        for _ in 0..<(try snapshot.count()) {
            var source = CatalogSource(name: try snapshot.text(), path: try snapshot.text())
            let delimiter: Int = try snapshot.value()
            source.delimiter = (0...255).contains(delimiter) ? UInt8(delimiter) : nil
            for role in CatalogRole.allCases {
                let column = try snapshot.text()
                if column.hasPrefix("=") { source.columns[role] = String(column.dropFirst()) }
            }
            sources.append(source)
        }
        return sources
    }
}
