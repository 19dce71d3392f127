import BosunCore
import BosunModel
import BosunYAML

/// Keeps every annotation and inline suppression of a run and which of their rule ids were
/// used, so that suppressions naming unknown rules or suppressing nothing can be reported.
struct SuppressionLedger {
  private let resources: [Resource]
  private var annotations: [Int: [AnnotationSuppression]] = [:]
  private var inline: [String: [InlineSuppression]] = [:]
  private var files: [String] = []
  /// Used (object index, annotation index, id) and (file, suppression index, id).
  private var usedAnnotations: Set<[String]> = []
  private var usedInline: Set<[String]> = []

  init(
    resources: [Resource], sources: [String: SourceText], isChecked: (String) -> Bool
  ) {
    self.resources = resources
    for (index, object) in resources.enumerated() where isChecked(object.file) {
      let found = AnnotationSuppression.of(object)
      if !found.isEmpty { annotations[index] = found }
    }
    for file in Set(resources.map(\.file)).sorted() where isChecked(file) {
      guard let source = sources[file] else { continue }
      let roots = resources.filter { $0.file == file }.map(\.node)
      let found = InlineSuppression.scan(source, roots: roots)
      if !found.isEmpty {
        inline[file] = found
        files.append(file)
      }
    }
  }

  /// Whether a diagnostic is suppressed; records the suppression as used.
  mutating func suppresses(_ diagnostic: Diagnostic, ruleID: String, objectIndex: Int) -> Bool {
    for (index, annotation) in (annotations[objectIndex] ?? []).enumerated()
    where annotation.ruleIDs.contains(ruleID) {
      usedAnnotations.insert([String(objectIndex), String(index), ruleID])
      return true
    }
    guard let location = diagnostic.location else { return false }
    for (index, comment) in (inline[location.file] ?? []).enumerated()
    where comment.coveredLine == location.line && comment.ruleIDs.contains(ruleID) {
      usedInline.insert([location.file, String(index), ruleID])
      return true
    }
    return false
  }

  /// `suppression.unknown-rule` and `suppression.unused` warnings. `isActive` says whether a
  /// rule ran (on an object, when the suppression belongs to one).
  func problems(
    knownRuleIDs: Set<String>, isActive: (String, Resource?) -> Bool
  ) -> [Diagnostic] {
    var result: [Diagnostic] = []
    for objectIndex in annotations.keys.sorted() {
      let object = resources[objectIndex]
      for (index, annotation) in annotations[objectIndex]!.enumerated() {
        if annotation.ruleIDs.isEmpty {
          result.append(
            object.diagnostic(
              .warning, code: "suppression.unused",
              message:
                "\(AnnotationSuppression.key) names no rule; list rule ids separated by commas",
              at: annotation.pointer))
        }
        for id in annotation.ruleIDs {
          if !knownRuleIDs.contains(id) {
            result.append(
              object.diagnostic(
                .warning, code: "suppression.unknown-rule",
                message:
                  "\(AnnotationSuppression.key) names unknown rule \"\(id)\"; \(RuleIDSuggestion.hint(for: id, among: knownRuleIDs.sorted()))",
                at: annotation.pointer))
          } else if isActive(id, object),
            !usedAnnotations.contains([String(objectIndex), String(index), id])
          {
            result.append(
              object.diagnostic(
                .warning, code: "suppression.unused",
                message:
                  "rule \(id) finds nothing on \(object.identity); remove it from \(AnnotationSuppression.key)",
                at: annotation.pointer))
          }
        }
      }
    }
    for file in files {
      for (index, comment) in inline[file]!.enumerated() {
        let location = SourceLocation(
          file: file, line: Int(comment.mark.line), column: Int(comment.mark.column))
        if comment.ruleIDs.isEmpty {
          result.append(
            Diagnostic(
              .warning, code: "suppression.unused",
              message: "# bosun:ignore names no rule; write the rule ids after it",
              location: location))
        }
        for id in comment.ruleIDs {
          if !knownRuleIDs.contains(id) {
            result.append(
              Diagnostic(
                .warning, code: "suppression.unknown-rule",
                message:
                  "# bosun:ignore names unknown rule \"\(id)\"; \(RuleIDSuggestion.hint(for: id, among: knownRuleIDs.sorted()))",
                location: location))
          } else if isActive(id, nil), !usedInline.contains([file, String(index), id]) {
            result.append(
              Diagnostic(
                .warning, code: "suppression.unused",
                message:
                  "rule \(id) finds nothing on line \(comment.coveredLine); remove this comment",
                location: location))
          }
        }
      }
    }
    return result
  }
}
