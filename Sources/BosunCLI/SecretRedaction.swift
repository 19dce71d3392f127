import BosunCore
import Foundation
import BosunModel
import BosunYAML

/// Keeps Secret values out of every output: the values under a Secret's `data` and
/// `stringData`, and literal credentials found in container environments, are masked in the
/// source shown in code frames and removed from messages that quote them.
enum SecretRedaction {
  /// Rules whose findings point at a value that is itself a credential.
  static let credentialRules: Set<String> = ["env-literal-credentials"]

  static func apply(
    to resources: [Resource], diagnostics: inout [[Diagnostic]], sources: inout [String: SourceText]
  ) {
    var masks: [String: [(value: Node, keyColumn: Int)]] = [:]
    for (index, resource) in resources.enumerated() {
      var secrets: [(value: Node, keyColumn: Int)] = []
      if resource.identity.kind == "Secret", resource.identity.group.isEmpty {
        for field in ["data", "stringData"] {
          for pair in resource.node[field]?.pairs ?? [] {
            secrets.append((pair.value, Int(pair.key.mark.column)))
          }
        }
      }
      for diagnostic in diagnostics[index] where credentialRules.contains(diagnostic.code) {
        if let pointer = diagnostic.pointer, let value = resource.node.node(at: pointer) {
          let keyColumn = Int(resource.node.location(of: pointer).mark.column)
          secrets.append((value, keyColumn))
        }
      }
      guard !secrets.isEmpty else { continue }
      masks[resource.file, default: []] += secrets
      let texts = secrets.flatMap { secret -> [String] in
        guard let text = secret.value.scalarText, !text.isEmpty else { return [] }
        return [text, secret.value.keyString].filter { !$0.isEmpty }
      }
      diagnostics[index] = diagnostics[index].map { redact($0, hiding: texts) }
    }
    for (file, values) in masks {
      sources[file] = sources[file]?.redacting(values)
    }
  }

  /// Replaces quoted occurrences of the hidden texts (`x`, "x") in a message and its notes.
  static func redact(_ diagnostic: Diagnostic, hiding texts: [String]) -> Diagnostic {
    var result = diagnostic
    for text in texts {
      for (open, close) in [("`", "`"), ("\"", "\""), ("'", "'")] {
        result.message = result.message.replacingOccurrences(
          of: open + text + close, with: open + "(hidden)" + close)
        result.notes = result.notes.map {
          Diagnostic.Note(
            $0.message.replacingOccurrences(of: open + text + close, with: open + "(hidden)" + close),
            at: $0.location)
        }
      }
    }
    return result
  }
}
