import BosunCore
import Foundation

extension SchemaNode {
  /// Decodes one catalogue node or list of version variants (the compact keys of
  /// `schemas/README.md`), as produced by `JSONSerialization`.
  static func variants(catalog object: Any) -> SchemaVariants {
    if let list = object as? [Any] {
      return SchemaVariants(variants: list.map { SchemaNode(catalog: $0) })
    }
    return SchemaVariants(SchemaNode(catalog: object))
  }

  init(catalog object: Any) {
    self.init()
    guard let dict = object as? [String: Any] else { return }
    for (key, value) in dict {
      switch key {
      case "v": versions = (value as? String).flatMap(VersionSet.init(compact:))
      case "r": reference = value as? String
      case "t": type = (value as? String).flatMap(JSONType.init(rawValue:))
      case "nl": nullable = true
      case "f": format = value as? String
      case "e": enumValues = (value as? [Any])?.map(Value.init(json:))
      case "p":
        for (name, sub) in value as? [String: Any] ?? [:] {
          properties[name] = SchemaNode.variants(catalog: sub)
        }
      case "rq":
        for entry in value as? [Any] ?? [] {
          if let name = entry as? String {
            required.append(Requirement(name: name, versions: nil))
          } else if let pair = entry as? [Any], let name = pair.first as? String,
            let text = pair.last as? String
          {
            required.append(Requirement(name: name, versions: VersionSet(compact: text)))
          }
        }
      case "i": items = SchemaNode.variants(catalog: value)
      case "a":
        if let flag = value as? Bool, flag == false {
          additionalProperties = .forbidden
        } else {
          additionalProperties = .schema(SchemaNode.variants(catalog: value))
        }
      case "ios": intOrString = true
      case "puf": preserveUnknownFields = true
      case "emb": embeddedResource = true
      case "lt": listType = value as? String
      case "lk": listMapKeys = value as? [String] ?? []
      case "mt": mapType = value as? String
      case "pk": patchMergeKey = value as? String
      case "ps": patchStrategy = value as? String
      default: break
      }
    }
  }
}

extension Value {
  /// Converts what `JSONSerialization` returns into a `Value`.
  init(json object: Any) {
    switch object {
    case let string as String: self = .string(string)
    case let number as NSNumber:
      switch String(cString: number.objCType) {
      case "c", "B": self = .bool(number.boolValue)
      case "f", "d": self = .double(number.doubleValue)
      default: self = .int(number.int64Value)
      }
    case let list as [Any]: self = .array(list.map(Value.init(json:)))
    case let dict as [String: Any]:
      self = .object(dict.keys.sorted().map { (key: $0, value: Value(json: dict[$0]!)) })
    default: self = .null
    }
  }
}
