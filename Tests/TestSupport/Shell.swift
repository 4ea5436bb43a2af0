import Foundation

/// A set-up command that did not succeed.
public struct ShellFailure: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public var description: String { "shell: `\(command)` exited with \(status)" }
}

/// Runs a shell command for test set-up; throws `ShellFailure` unless it exits with 0.
public func shell(_ command: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ShellFailure(command: command, status: process.terminationStatus) }
}
