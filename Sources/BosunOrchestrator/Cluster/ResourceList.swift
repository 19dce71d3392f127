public import BosunModel

/// Amounts of the resources the scheduler counts: CPU in millicores, memory and ephemeral
/// storage in bytes, and extended resources (`nvidia.com/gpu`) as integers.
public struct ResourceList: Hashable, Sendable {
  /// CPU in millicores.
  public var milliCPU: Int64
  /// Memory in bytes.
  public var memory: Int64
  /// Ephemeral storage in bytes.
  public var ephemeralStorage: Int64
  /// Extended and other scalar resources by name, in their own units.
  public var scalars: [String: Int64]

  /// Creates a list.
  public init(
    milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0,
    scalars: [String: Int64] = [:]
  ) {
    self.milliCPU = milliCPU
    self.memory = memory
    self.ephemeralStorage = ephemeralStorage
    self.scalars = scalars
  }

  /// Nothing at all.
  public static let zero = ResourceList()

  /// Reads `cpu`, `memory`, `ephemeral-storage` and other names from a quantity map; `pods`
  /// is left out (it is a count, not an amount).
  public init(_ quantities: [String: Quantity]) {
    self.init()
    for (name, quantity) in quantities {
      switch name {
      case "cpu": milliCPU = quantity.milliValue
      case "memory": memory = quantity.value
      case "ephemeral-storage": ephemeralStorage = quantity.value
      case "pods": continue
      default: scalars[name] = quantity.value
      }
    }
  }

  /// Whether every amount is zero.
  public var isZero: Bool {
    milliCPU == 0 && memory == 0 && ephemeralStorage == 0 && scalars.values.allSatisfy { $0 == 0 }
  }

  /// The amount of a resource by its Kubernetes name.
  public subscript(name: String) -> Int64 {
    switch name {
    case "cpu": milliCPU
    case "memory": memory
    case "ephemeral-storage": ephemeralStorage
    default: scalars[name] ?? 0
    }
  }

  /// Names of the resources with a non-zero amount, `cpu` and `memory` first.
  public var names: [String] {
    var names: [String] = []
    if milliCPU != 0 { names.append("cpu") }
    if memory != 0 { names.append("memory") }
    if ephemeralStorage != 0 { names.append("ephemeral-storage") }
    names += scalars.filter { $0.value != 0 }.keys.sorted()
    return names
  }

  /// Sum of two lists.
  public static func + (lhs: ResourceList, rhs: ResourceList) -> ResourceList {
    var sum = lhs
    sum += rhs
    return sum
  }

  /// Adds another list.
  public static func += (lhs: inout ResourceList, rhs: ResourceList) {
    lhs.milliCPU += rhs.milliCPU
    lhs.memory += rhs.memory
    lhs.ephemeralStorage += rhs.ephemeralStorage
    for (name, amount) in rhs.scalars { lhs.scalars[name, default: 0] += amount }
  }

  /// Takes another list away.
  public static func -= (lhs: inout ResourceList, rhs: ResourceList) {
    lhs.milliCPU -= rhs.milliCPU
    lhs.memory -= rhs.memory
    lhs.ephemeralStorage -= rhs.ephemeralStorage
    for (name, amount) in rhs.scalars { lhs.scalars[name, default: 0] -= amount }
  }

  /// The larger amount of each resource.
  public func maximum(_ other: ResourceList) -> ResourceList {
    var result = ResourceList(
      milliCPU: max(milliCPU, other.milliCPU), memory: max(memory, other.memory),
      ephemeralStorage: max(ephemeralStorage, other.ephemeralStorage), scalars: scalars)
    for (name, amount) in other.scalars { result.scalars[name] = max(scalars[name] ?? 0, amount) }
    return result
  }
}
