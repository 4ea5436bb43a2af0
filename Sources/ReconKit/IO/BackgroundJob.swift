import Dispatch
import Synchronization

/// Runs one throwing job on another thread while the caller does other work.
///
/// The run loads the catalogs this way while it reads the exports: the catalog
/// load fills the moments when export parsing leaves a core idle.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.leave()
        }
    }

    /// Throws the job's error at once if it has already failed; otherwise returns.
    func checkFailure() throws {
        let finished = outcome.withLock { $0 }
        if case let .failure(error) = finished { throw error }
    }

    /// Waits for the job and returns its value or throws its error.
    func result() throws -> Value {
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
