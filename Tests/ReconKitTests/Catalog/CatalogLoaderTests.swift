import Testing
@testable import ReconKit
import TestSupport

@Suite("Catalog loading")
struct CatalogLoaderTests {
    private func load(_ sources: [CatalogSource]) throws -> CatalogSet { try CatalogLoader.load(sources) }

    @Test("BOM, CRLF, quoted comma and quoted line break")
    func awkwardBytes() throws {
        let set = try load([CatalogSource(name: "aurora", path: fixture("bom_crlf_quoted_newline.csv"))])
        #expect(set.entries.count == 2)
        #expect(set.entries[0] == CatalogEntry(
            partner: "aurora", isrc: "USRC17607839", spotifyTrackID: "11dFghVXANMlKmJXsNCbNl",
            title: "Sleep, Deep", artist: "Nova", line: 2))
        #expect(set.entries[1].title == "Till The\r\nSunrise")
        #expect(set.entries[1].line == 3)
        #expect(set.issues.isEmpty)
    }

    @Test("an unclosed quote names the line where it opened")
    func unterminatedQuote() throws {
        let path = fixture("unterminated_quote.csv")
        #expect(throws: ReconError.catalogSyntax(path: path, line: 2, reason: "quoted field never closes")) {
            try load([CatalogSource(name: "x", path: path)])
        }
    }

    @Test("libcsv parser state at end of input: open quote vs closed quote")
    func parserStateAtEnd() throws {
        let folder = try TemporaryFolder()
        let open = try folder.write("open.csv", "isrc,title\nUSRC17607839,\"open")
        #expect(throws: ReconError.catalogSyntax(path: open, line: 2, reason: "quoted field never closes")) {
            try load([CatalogSource(name: "open", path: open)])
        }
        let closed = try folder.write("closed.csv", "isrc,title\nUSRC17607839,\"closed\"")
        let set = try load([CatalogSource(name: "closed", path: closed)])
        #expect(set.entries.first?.title == "closed")
    }

    @Test("a stray quote inside an unquoted field stays text")
    func strayQuote() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("mix.csv", "isrc,title\nUSRC17607839,The 12\" Mix\n")
        #expect(try load([CatalogSource(name: "mix", path: path)]).entries.first?.title == "The 12\" Mix")
    }

    @Test("invalid UTF-8 is read as Windows-1252 and reported")
    func windows1252() throws {
        let set = try load([CatalogSource(name: "w", path: fixture("windows1252.csv"))])
        #expect(set.entries.first?.title == "Café del Mar")
        #expect(set.issues.map(\.kind) == [.invalidUTF8])
        #expect(set.issues.first?.line == 2)
    }

    @Test("UTF-16 with a BOM is transcoded; TAB is detected")
    func utf16() throws {
        let set = try load([CatalogSource(name: "u", path: fixture("utf16le.csv"))])
        #expect(set.entries.first?.title == "Snow ☃")
        #expect(set.entries.first?.isrc == "USRC17607839")
    }

    @Test("delimiter detection picks the most frequent, ties in the order , ; TAB")
    func delimiter() {
        #expect(CatalogText.detectDelimiter(Array("a;b;c,d\n1;2;3,4".utf8)) == UInt8(ascii: ";"))
        #expect(CatalogText.detectDelimiter(Array("a;b,c\n".utf8)) == UInt8(ascii: ","))
        #expect(CatalogText.detectDelimiter(Array("a\tb;c\n".utf8)) == UInt8(ascii: ";"))
        #expect(CatalogText.detectDelimiter(Array("a\tb\tc;d\n".utf8)) == 0x09)
        #expect(CatalogText.detectDelimiter(Array("isrc\n".utf8)) == UInt8(ascii: ","))
    }

    @Test("header aliases ignore case, spaces, _ - and .")
    func headerAliases() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("h.csv", "ISRC Code;Spotify-URI;Track.Name;Primary_Artist\nUSRC17607839;spotify:track:11dFghVXANMlKmJXsNCbNl;Song;Band\n")
        let entry = try #require(try load([CatalogSource(name: "h", path: path)]).entries.first)
        #expect(entry.spotifyTrackID == "11dFghVXANMlKmJXsNCbNl")
        #expect(entry.title == "Song")
        #expect(entry.artist == "Band")
    }

    @Test("a config column mapping wins over the built-in aliases")
    func columnMapping() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("m.csv", "isrc,Recording Code,Song\nXXBAD,USRC17607839,Tune\n")
        let source = CatalogSource(name: "m", path: path, columns: [.isrc: "recording code", .title: "Song"])
        let entry = try #require(try load([source]).entries.first)
        #expect(entry.isrc == "USRC17607839")
        #expect(entry.title == "Tune")
        let missing = CatalogSource(name: "m", path: path, columns: [.isrc: "Nope"])
        #expect(throws: ReconError.self) { try load([missing]) }
    }

    @Test("a header with neither key column is an error")
    func noKeyColumn() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("n.csv", "title,artist\nA,B\n")
        #expect(throws: ReconError.catalogHeader(
            path: path, reason: "header has neither an ISRC nor a Spotify track id column (found 'title', 'artist'); "
                + "name yours in the catalog's \"columns\" in the --config file")) {
            try load([CatalogSource(name: "n", path: path)])
        }
    }

    @Test("a binary file given as a catalog is named as not text, without its bytes")
    func binaryCatalog() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("book.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x0A, 0x41, 0x0A])
        #expect(throws: ReconError.catalogHeader(
            path: path, reason: "the header line is not text (a spreadsheet or another binary file?); save the catalog as CSV")) {
            try load([CatalogSource(name: "b", path: path)])
        }
    }

    @Test("missing file, folder, empty file and duplicate NAME are errors")
    func unusable() throws {
        let folder = try TemporaryFolder()
        #expect(throws: ReconError.unreadable(path: folder.path + "/none.csv", reason: "No such file or directory")) {
            try load([CatalogSource(name: "x", path: folder.path + "/none.csv")])
        }
        #expect(throws: ReconError.unreadable(path: folder.path, reason: "is a folder, not a file")) {
            try load([CatalogSource(name: "x", path: folder.path)])
        }
        let empty = try folder.write("empty.csv", "")
        #expect(throws: ReconError.catalogHeader(path: empty, reason: "file is empty: no header line")) {
            try load([CatalogSource(name: "x", path: empty)])
        }
        let good = try folder.write("good.csv", "isrc\nUSRC17607839\n")
        #expect(throws: ReconError.duplicateCatalogName(name: "same")) {
            try load([CatalogSource(name: "same", path: good), CatalogSource(name: "same", path: good)])
        }
    }

    @Test("header only, blank records, ragged rows")
    func shapes() throws {
        let folder = try TemporaryFolder()
        let headerOnly = try folder.write("h.csv", "isrc,title\n")
        #expect(try load([CatalogSource(name: "h", path: headerOnly)]).files.first?.entries == 0)
        let ragged = try folder.write("r.csv", "isrc,title,artist\n,,\n\nUSRC17607839\nUSRC17607840,T,A,extra,fields\n")
        let set = try load([CatalogSource(name: "r", path: ragged)])
        #expect(set.files.first?.entries == 2)
        #expect(set.entries.map(\.title) == ["", "T"])
        #expect(set.entries.map(\.line) == [4, 5])
    }

    @Test("first claim wins; claims are per key; kinds in SPEC order")
    func claims() throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("first.csv", """
            isrc,spotify_id,title
            USRC17607839,11dFghVXANMlKmJXsNCbNl,One
            usrc-176-07839,4cOdK2wGLETKBW3PvgPWqT,One again
            bad,short,Broken
            """)
        let second = try folder.write("second.csv", """
            isrc,spotify_id,title
            USRC17607839,,Taken
            USRC17607839,,Taken twice
            GBAYE0601498,11dFghVXANMlKmJXsNCbNl,Half new
            """)
        let set = try load([CatalogSource(name: "first", path: first), CatalogSource(name: "second", path: second)])
        let issues = set.issues.map { "\($0.catalog):\($0.line):\($0.kind.rawValue):\($0.isrc):\($0.spotifyTrackID)" }
        #expect(issues == [
            "first:3:duplicate_isrc:USRC17607839:4cOdK2wGLETKBW3PvgPWqT",
            "first:4:invalid_isrc:bad:short",
            "first:4:invalid_spotify_id:bad:short",
            "first:4:no_keys:bad:short",
            "second:2:conflict_isrc:USRC17607839:",
            "second:3:conflict_isrc:USRC17607839:",
            "second:4:conflict_spotify_id:GBAYE0601498:11dFghVXANMlKmJXsNCbNl",
        ])
        // The duplicate line still owns its new Spotify id; the half-new line owns its ISRC.
        #expect(set.entry(spotifyTrackID: "4cOdK2wGLETKBW3PvgPWqT")?.title == "One again")
        #expect(set.entry(isrc: "GBAYE0601498")?.title == "Half new")
        #expect(set.entry(isrc: "USRC17607839")?.title == "One")
        #expect(set.files.map(\.usableEntries) == [2, 1])
        #expect(set.files.map(\.entries) == [3, 3])
    }

    @Test("NAME=PATH splits at the first = only when NAME has no /")
    func catalogArgument() {
        #expect(CatalogSource(argument: "aurora=data/a.csv") == CatalogSource(name: "aurora", path: "data/a.csv"))
        #expect(CatalogSource(argument: "data/a=b.csv") == CatalogSource(name: "a=b", path: "data/a=b.csv"))
        #expect(CatalogSource(argument: "data/cat.v2.csv") == CatalogSource(name: "cat.v2", path: "data/cat.v2.csv"))
        #expect(CatalogSource(argument: "x=y=z.csv") == CatalogSource(name: "x", path: "y=z.csv"))
    }
}
