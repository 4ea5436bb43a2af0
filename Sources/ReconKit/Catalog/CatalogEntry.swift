/// One usable track of a partner catalog, with its valid keys.
///
/// The keys are held packed (no `String` per key while a million entries load) and spelled
/// out when read.
public struct CatalogEntry: Sendable, Equatable {
    /// The catalog NAME, which is the partner.
    public let partner: String
    /// The normalised ISRC, or an empty key when the entry has none.
    let isrcKey: PackedKey
    /// The normalised Spotify track id, or an empty key when the entry has none.
    let spotifyKey: PackedKey
    public let title: String
    public let artist: String
    /// 1-based first physical line of the record.
    public let line: Int

    /// The normalised ISRC when valid in the catalog (even if another entry owns it).
    public var isrc: String? { isrcKey.count == 0 ? nil : isrcKey.string }

    /// The normalised Spotify track id when valid in the catalog.
    public var spotifyTrackID: String? { spotifyKey.count == 0 ? nil : spotifyKey.string }

    init(partner: String, isrcKey: PackedKey?, spotifyKey: PackedKey?, title: String, artist: String, line: Int) {
        self.partner = partner
        self.isrcKey = isrcKey ?? PackedKey.empty
        self.spotifyKey = spotifyKey ?? PackedKey.empty
        self.title = title
        self.artist = artist
        self.line = line
    }

    /// An entry with keys already normalised (at most 22 bytes each).
    init(partner: String, isrc: String?, spotifyTrackID: String?, title: String, artist: String, line: Int) {
        func packed(_ text: String?) -> PackedKey? {
            guard var text else { return nil }
            return text.withUTF8 { PackedKey(UnsafeRawBufferPointer($0)) }
        }
        self.init(partner: partner, isrcKey: packed(isrc), spotifyKey: packed(spotifyTrackID),
                  title: title, artist: artist, line: line)
    }
}
