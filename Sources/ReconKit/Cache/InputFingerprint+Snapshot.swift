/// An input's fingerprint in a re-run cache snapshot.
extension InputFingerprint {
    func write(to snapshot: SnapshotWriter) {
        snapshot.text(kind)
        snapshot.text(path)
        snapshot.value(bytes)
        snapshot.text(sha256)
    }

    init(from snapshot: SnapshotReader) throws(SnapshotDamaged) {
        self.init(kind: try snapshot.text(), path: try snapshot.text(), bytes: try snapshot.value(), sha256: try snapshot.text())
    }
}
