// The fuzz build's stand-in for swift-crypto's SHA256 (only the API FileDigest uses): the
// harnesses test parsing, not hashing, and libFuzzer builds compile ReconKit's sources
// directly, without SwiftPM's package graph. Not a hash function; never used by the tool.
public struct SHA256 {
    private var state: UInt64 = 0xcbf29ce484222325

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        for byte in bufferPointer { state = (state ^ UInt64(byte)) &* 0x100000001b3 }
    }

    public func finalize() -> [UInt8] {
        (0..<32).map { UInt8(truncatingIfNeeded: state >> (($0 % 8) * 8)) }
    }
}
