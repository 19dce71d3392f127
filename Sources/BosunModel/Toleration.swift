public import BosunCore

/// An entry of a pod's `tolerations`.
public struct Toleration: Hashable, Sendable {
  /// `key`; empty with `Exists` tolerates every taint.
  public var key: String?
  /// `operator`: `Equal` (default) or `Exists`.
  public var `operator`: String?
  /// `value`.
  public var value: String?
  /// `effect`: `NoSchedule`, `PreferNoSchedule`, `NoExecute`, or empty for all.
  public var effect: String?
  /// `tolerationSeconds`, for `NoExecute`.
  public var tolerationSeconds: Int?
  /// Where the toleration is.
  public var pointer: JSONPointer

  init(_ fields: FieldReader) {
    key = fields.string("key")
    self.operator = fields.string("operator")
    value = fields.string("value")
    effect = fields.string("effect")
    tolerationSeconds = fields.int("tolerationSeconds", bits: 64)
    pointer = fields.pointer
  }

  /// Whether this toleration tolerates a taint, as upstream `Toleration.ToleratesTaint`
  /// (k8s.io/api `core/v1/toleration.go`): effects must match unless the toleration's is
  /// empty; an empty key with `Exists` matches every key; `Exists` ignores the value.
  public func tolerates(_ taint: ClusterNode.Taint) -> Bool {
    if let effect, !effect.isEmpty, effect != taint.effect { return false }
    if let key, !key.isEmpty, key != taint.key { return false }
    switch self.operator ?? "Equal" {
    case "Exists": return true
    case "Equal", "": return (value ?? "") == (taint.value ?? "")
    default: return false
    }
  }
}
