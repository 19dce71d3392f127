/// The virtual clock's agenda: events ordered by time, then by the order they were scheduled,
/// so that two runs of the same input process the same events in the same order.
struct EventQueue<Event> {
  private struct Entry {
    var time: Double
    var sequence: Int
    var event: Event

    func precedes(_ other: Entry) -> Bool {
      time < other.time || (time == other.time && sequence < other.sequence)
    }
  }

  private var heap: [Entry] = []
  private var nextSequence = 0

  /// Whether nothing is scheduled.
  var isEmpty: Bool { heap.isEmpty }

  /// How many events are scheduled.
  var count: Int { heap.count }

  /// The time of the earliest event.
  var nextTime: Double? { heap.first?.time }

  /// Schedules an event.
  mutating func schedule(_ event: Event, at time: Double) {
    heap.append(Entry(time: time, sequence: nextSequence, event: event))
    nextSequence += 1
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].precedes(heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the earliest event.
  mutating func pop() -> (time: Double, event: Event)? {
    guard !heap.isEmpty else { return nil }
    heap.swapAt(0, heap.count - 1)
    let entry = heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var first = parent
      if left < heap.count, heap[left].precedes(heap[first]) { first = left }
      if right < heap.count, heap[right].precedes(heap[first]) { first = right }
      if first == parent { break }
      heap.swapAt(parent, first)
      parent = first
    }
    return (entry.time, entry.event)
  }
}
