import Dispatch
import Foundation
import Synchronization

/// Runs one throwing job on a thread of its own while the caller does other work.
///
/// The run loads the catalogs this way while it reads the exports: the catalog
/// load fills the moments when export parsing leaves a core idle.
///
/// A thread of its own, not Dispatch's shared pool: jobs wait for other jobs (`unmatched.csv`
/// for the batches it formats ahead, the run for `unmatched.csv`), and on Linux the pool adds a
/// thread for queued work only when its monitor notices that the busy ones are blocked, which
/// held a run up for half a second and more.
final class BackgroundJob<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let outcome = Mutex<Result<Value, any Error>?>(nil)

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        let thread = Thread { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            done.leave()
        }
        thread.start()
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
