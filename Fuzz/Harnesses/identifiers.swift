// Fuzzes ISRC and Spotify id normalisation: the byte fast paths must agree with the
// general Unicode path on every valid UTF-8 input, and normalising twice changes nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIdentifiers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let isrc = ISRC.normalize(bytes: bytes)
    if isrc != ISRC.normalizeScalars(text) { fatalError("ISRC paths disagree on \(text.debugDescription)") }
    if let value = isrc.value, ISRC.normalize(value) != .valid(value) { fatalError("ISRC not idempotent: \(value)") }
    let spotify = SpotifyTrackID.normalize(bytes: bytes)
    if spotify != SpotifyTrackID.normalizeScalars(text) { fatalError("Spotify paths disagree on \(text.debugDescription)") }
    if let value = spotify.value, SpotifyTrackID.normalize(value) != .valid(value) { fatalError("Spotify not idempotent") }
    return 0
}
