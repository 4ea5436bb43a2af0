import CZlib

/// Gunzips a file on the fly with zlib, reading every concatenated member.
///
/// A corrupt or truncated stream throws: a partial input is never reconciled.
final class GzipSource: ByteSource {
    private let file: PlainFileSource
    private let path: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    /// True between the end of one member and the start of the next.
    private var betweenMembers = false

    init(file: PlainFileSource, path: String) throws {
        self.file = file
        self.path = path
        input = .allocate(byteCount: 1 << 18, alignment: 1)
        guard recon_inflate_init(&stream) == Z_OK else {
            input.deallocate()
            throw ReconError.corruptGzip(path: path, reason: "cannot start zlib")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    var fileBytesRead: Int { file.fileBytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0, !inputEnded {
                let count = try file.read(into: input)
                if count == 0 { inputEnded = true }
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(count)
            }
            if stream.avail_in == 0, inputEnded {
                if !betweenMembers { throw ReconError.corruptGzip(path: path, reason: "unexpected end of file") }
                break
            }
            if betweenMembers {
                inflateReset(&stream)
                betweenMembers = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                continue
            case Z_STREAM_END:
                betweenMembers = true
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw ReconError.corruptGzip(path: path, reason: message)
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}
