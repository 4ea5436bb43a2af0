/// An export row that can be written as a line of its warehouse table.
protocol WarehouseRow: ExportRow {
    static var table: WarehouseTable { get }
    /// Writes every column; `texts` resolves the row's interned ids.
    func write(into line: inout NDJSONRow, texts: ChunkTexts)
}

/// The texts of one parsed chunk, with each distinct identifier normalised once.
final class ChunkTexts {
    let pool: StringPool
    private var isrcs: [TextID: Identifier] = [:]
    private var spotifyIDs: [TextID: Identifier] = [:]

    init(pool: StringPool) { self.pool = pool }

    /// The raw text of an id ("" for absent).
    func write(_ id: TextID, into line: inout NDJSONRow) {
        pool.withBytes(id) { line.text($0) }
    }

    func isrc(_ id: TextID) -> Identifier {
        identifier(id, &isrcs, ISRC.normalize)
    }

    func spotifyID(_ id: TextID) -> Identifier {
        identifier(id, &spotifyIDs, SpotifyTrackID.normalize)
    }

    /// Normalised like `Matcher` does: the absent id is absent, every other text goes through `normalize`.
    private func identifier(_ id: TextID, _ cache: inout [TextID: Identifier], _ normalize: (String) -> Identifier)
        -> Identifier {
        if id == TextID.absent { return .absent }
        if let known = cache[id] { return known }
        let value = normalize(pool.string(id))
        cache[id] = value
        return value
    }

    /// A track side's raw and normalised keys, then the reason it is unmatched for when no
    /// catalog claims a valid key (SPEC §5: the same rule as `Matcher`).
    func writeSide(isrc isrcID: TextID, spotifyTrackID spotifyID: TextID, into line: inout NDJSONRow) {
        let isrc = isrc(isrcID)
        let spotify = self.spotifyID(spotifyID)
        write(isrcID, into: &line)
        line.text(isrc.value)
        write(spotifyID, into: &line)
        line.text(spotify.value)
        let reason: UnmatchedReason = if isrc.isAbsent, spotify.isAbsent {
            .noKeys
        } else if isrc.value == nil, spotify.value == nil {
            .invalidKeys
        } else {
            .notInCatalog
        }
        line.text(reason.rawValue)
    }
}

extension RowHeader {
    /// The columns both sources share (`WarehouseTable`'s header), in order.
    func write(into line: inout NDJSONRow, texts: ChunkTexts) {
        line.integer(Int64(origin.file))
        line.integer(Int64(origin.line))
        texts.write(provider, into: &line)
        texts.write(accountID, into: &line)
        line.text(reportDate.description)
        line.integer(Int64(reportDate.daysSinceEpoch))
        texts.write(campaignID, into: &line)
        texts.write(countryCode, into: &line)
        texts.write(campaignName, into: &line)
        line.integer(exportedAt.map(\.seconds))
        line.integer(exportedAt.map { Int64($0.nanoseconds) })
        line.boolean(target.isPlaylist)
        texts.write(target.playlistID, into: &line)
        texts.writeSide(isrc: target.isrc, spotifyTrackID: target.spotifyTrackID, into: &line)
    }
}

extension BreakdownRow: WarehouseRow {
    static var table: WarehouseTable { .breakdownRows }

    func write(into line: inout NDJSONRow, texts: ChunkTexts) {
        header.write(into: &line, texts: texts)
        texts.write(currency, into: &line)
        for count in [impressions, adClicks, linkClicks, streams, listeners, followers] { line.integer(count.value) }
        for money in [spendMedia, fees, spendTotal] { line.integer(money.micros) }
    }
}

extension EngagementRow: WarehouseRow {
    static var table: WarehouseTable { .engagementRows }

    func write(into line: inout NDJSONRow, texts: ChunkTexts) {
        header.write(into: &line, texts: texts)
        texts.write(context, into: &line)
        texts.writeSide(isrc: engagedISRC, spotifyTrackID: engagedSpotifyTrackID, into: &line)
        texts.write(engagedTrackName, into: &line)
        for count in [streams, listeners, newListenerStreams, returningListenerStreams] { line.integer(count.value) }
    }
}
