import Dispatch
import Foundation

/// Independent pieces of work spread over the machine's cores.
///
/// `BOSUN_THREADS=N` caps the threads (1 runs everything on the calling thread); by default
/// every core the process may use is used.
public enum Parallel {
  /// The threads worth running at once, at least 1.
  public static let width: Int = {
    if let text = ProcessInfo.processInfo.environment["BOSUN_THREADS"], let n = Int(text), n >= 1 {
      return n
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }()

  /// `transform` applied to every item, results in the items' order. Items are taken one at a
  /// time by up to `width` threads, so pieces of uneven size still share the cores.
  public static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    let threads = min(width, items.count)
    guard threads > 1 else { return items.map(transform) }
    let slots = Slots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let index = slots.claim() {
        slots.fill(index, with: transform(items[index]))
      }
    }
    return slots.collect()
  }

  /// `transform` of every index in `0..<count`, in order, computed `chunk` indexes at a time.
  public static func map<Result: Sendable>(
    indices count: Int, chunk: Int, _ transform: @Sendable (Int) -> Result
  ) -> [Result] {
    guard count > chunk, width > 1 else { return (0..<count).map(transform) }
    let chunks = stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) }
    var results: [Result] = []
    results.reserveCapacity(count)
    for part in map(chunks, { $0.map(transform) }) { results += part }
    return results
  }

  /// Both results, the second computed on another thread while the first is computed here.
  public static func both<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    guard width > 1 else { return (first(), second()) }
    let slots = Slots<Either<First, Second>>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      while let index = slots.claim() {
        slots.fill(index, with: index == 0 ? .first(first()) : .second(second()))
      }
    }
    let results = slots.collect()
    guard case .first(let a) = results[0], case .second(let b) = results[1] else {
      preconditionFailure("each slot holds its own result")
    }
    return (a, b)
  }
}

private enum Either<First: Sendable, Second: Sendable>: Sendable {
  case first(First)
  case second(Second)
}

/// Result slots written by several threads: each index is claimed by exactly one thread
/// under the lock, then filled without it.
private final class Slots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value>
  private let count: Int
  private var next = 0
  private let lock = NSLock()

  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
  }

  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }

  func fill(_ index: Int, with value: Value) {
    (storage + index).initialize(to: value)
  }

  /// Moves the results out; called once, after every slot is filled.
  func collect() -> [Value] {
    Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      buffer.baseAddress?.moveInitialize(from: storage, count: count)
      initialized = count
    }
  }

  deinit { storage.deallocate() }
}
