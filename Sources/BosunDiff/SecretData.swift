import BosunCore
import Foundation

/// Secret `stringData` as the API server stores it: each entry base64-encoded into `data`,
/// where it wins over a `data` entry of the same key (pkg/apis/core/v1/conversion.go).
enum SecretData {
  /// Folds `stringData` into `data` on a Secret.
  static func fold(_ secret: inout Value) {
    guard case .object(let entries)? = secret["stringData"] else { return }
    var data = secret["data"] ?? .object([])
    if !data.isObject { data = .object([]) }
    for entry in entries {
      let text = entry.value.stringValue ?? entry.value.scalarDescription
      data.set(entry.key, .string(Data(text.utf8).base64EncodedString()))
    }
    secret.remove("stringData")
    secret.set("data", data)
  }
}
