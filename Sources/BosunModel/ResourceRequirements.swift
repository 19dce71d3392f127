public import BosunCore

/// A container's `resources`: requests and limits by resource name.
public struct ResourceRequirements: Hashable, Sendable {
  /// `requests` (`cpu`, `memory`, `ephemeral-storage`, extended resources).
  public var requests: [String: Quantity]
  /// `limits`.
  public var limits: [String: Quantity]
  /// Where `resources` is, even when it is absent (rules report missing limits here).
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    requests = fields.quantityMap("requests")
    limits = fields.quantityMap("limits")
    pointer = fields.pointer
  }

  /// The effective request of a resource: the request, or the limit when only a limit is
  /// set, as the API server defaults it.
  public func effectiveRequest(_ resource: String) -> Quantity? {
    requests[resource] ?? limits[resource]
  }
}
