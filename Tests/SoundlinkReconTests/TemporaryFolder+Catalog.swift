import TestSupport

extension TemporaryFolder {
    /// A one-entry catalog, for runs whose test is about something else.
    func catalog() throws -> String {
        try write("catalog.csv", "isrc,title\nUSRC17607839,One\n")
    }
}

