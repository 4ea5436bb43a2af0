import Foundation

/// A fresh folder per test, removed with everything in it when the value is released.
public final class TemporaryFolder {
    public let path: String

    public init(prefix: String = "recon-test") throws {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` (folders created as needed) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` (folders created as needed) and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The bytes of `name`.
    public func read(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }

    /// The text of `name`, which must be UTF-8.
    public func text(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    /// The names in `folder` (dotfiles included), sorted; empty when it does not exist.
    public func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + folder)) ?? []).sorted()
    }

    /// Every file of `folder` (dotfiles included) with its bytes.
    public func snapshot(_ folder: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in files(folder) { contents[name] = try read(folder + "/" + name) }
        return contents
    }
}
