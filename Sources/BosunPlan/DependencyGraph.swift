/// A directed graph of "must happen before" edges between numbered nodes, and a deterministic
/// topological order of it.
///
/// A cycle never hangs the sort: it is reported with the nodes on it, broken at its
/// highest-priority node, and the sort goes on.
public struct DependencyGraph: Sendable {
  /// How many nodes there are (numbered from 0).
  public let nodeCount: Int
  private var successors: [Set<Int>]
  private var predecessorSets: [Set<Int>]

  /// Creates a graph with no edges.
  public init(nodeCount: Int) {
    self.nodeCount = nodeCount
    successors = Array(repeating: [], count: nodeCount)
    predecessorSets = Array(repeating: [], count: nodeCount)
  }

  /// Says that `before` must happen before `after`. Self-edges are ignored.
  public mutating func addEdge(from before: Int, to after: Int) {
    guard before != after else { return }
    successors[before].insert(after)
    predecessorSets[after].insert(before)
  }

  /// The nodes that must happen before `node`, sorted.
  public func predecessors(of node: Int) -> [Int] { predecessorSets[node].sorted() }

  /// A topological order; among nodes that are ready at the same time, the one for which
  /// `precedes` holds goes first. `cycles` lists each cycle found, in edge order, starting from
  /// the node released to break it.
  public func order(by precedes: (Int, Int) -> Bool) -> (order: [Int], cycles: [[Int]]) {
    withoutActuallyEscaping(precedes) { sort(by: $0) }
  }

  private func sort(by precedes: @escaping (Int, Int) -> Bool) -> (order: [Int], cycles: [[Int]]) {
    var remainingIn = predecessorSets.map(\.count)
    var done = Array(repeating: false, count: nodeCount)
    var ready = Heap(precedes: precedes)
    for node in 0..<nodeCount where remainingIn[node] == 0 { ready.push(node) }
    var order: [Int] = []
    var cycles: [[Int]] = []
    order.reserveCapacity(nodeCount)
    while order.count < nodeCount {
      guard let node = ready.pop() else {
        // Every remaining node waits on another: a cycle. Report one, then release the
        // highest-priority node on it so the sort can go on.
        var cycle = findCycle(done: done, precedes: precedes)
        if let first = cycle.indices.min(by: { precedes(cycle[$0], cycle[$1]) }) {
          cycle = Array(cycle[first...] + cycle[..<first])
        }
        cycles.append(cycle)
        let released = cycle[0]
        remainingIn[released] = 0
        ready.push(released)
        continue
      }
      guard !done[node] else { continue }
      done[node] = true
      order.append(node)
      for next in successors[node] where !done[next] {
        remainingIn[next] -= 1
        if remainingIn[next] == 0 { ready.push(next) }
      }
    }
    return (order, cycles)
  }

  /// A cycle among the nodes not yet done, starting from the highest-priority one.
  private func findCycle(done: [Bool], precedes: (Int, Int) -> Bool) -> [Int] {
    let pending = (0..<nodeCount).filter { !done[$0] }
    guard let start = pending.min(by: precedes) else { return [] }
    // Walk backwards along unfinished predecessors until a node repeats; every pending node
    // has one, or it would have been ready.
    var path: [Int] = [start]
    var seenAt: [Int: Int] = [start: 0]
    var current = start
    while true {
      guard let previous = predecessorSets[current].filter({ !done[$0] }).min(by: precedes) else {
        return path.reversed()
      }
      if let index = seenAt[previous] {
        return Array(path[index...].reversed())
      }
      seenAt[previous] = path.count
      path.append(previous)
      current = previous
    }
  }
}

/// A binary min-heap of node numbers under a caller's order.
private struct Heap {
  var items: [Int] = []
  let precedes: (Int, Int) -> Bool

  init(precedes: @escaping (Int, Int) -> Bool) { self.precedes = precedes }

  mutating func push(_ item: Int) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Int? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var best = parent
      if left < items.count, precedes(items[left], items[best]) { best = left }
      if right < items.count, precedes(items[right], items[best]) { best = right }
      guard best != parent else { break }
      items.swapAt(parent, best)
      parent = best
    }
    return top
  }
}
