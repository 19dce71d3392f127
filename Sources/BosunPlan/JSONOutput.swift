import BosunCore

/// Where a JSON document goes as it is walked: text, written at once (`JSONTextWriter`), or a
/// plain value (`JSONValueBuilder`). One walk describes a document for both.
protocol JSONOutput {
  /// Opens an object.
  mutating func beginObject()
  /// Closes the innermost object.
  mutating func endObject()
  /// Opens an array.
  mutating func beginArray()
  /// Closes the innermost array.
  mutating func endArray()
  /// The key of the next member of the innermost object.
  mutating func key(_ key: String)
  /// A whole value: the value of the last key, an item of the innermost array, or the document.
  mutating func write(_ value: Value)
}

extension JSONOutput {
  /// A member whose value is whole.
  mutating func member(_ key: String, _ value: Value) {
    self.key(key)
    write(value)
  }

  /// An object whose members `body` gives.
  mutating func object(_ body: (inout Self) -> Void) {
    beginObject()
    body(&self)
    endObject()
  }

  /// An array whose items `body` gives.
  mutating func array(_ body: (inout Self) -> Void) {
    beginArray()
    body(&self)
    endArray()
  }
}

extension JSONTextWriter: JSONOutput {}

/// Builds the value of a document from the calls that would write it as text.
struct JSONValueBuilder: JSONOutput {
  /// An open container: an object's members with the key waiting for its value, or an
  /// array's items.
  private enum Container {
    case object([(key: String, value: Value)], key: String?)
    case array([Value])
  }

  private var open: [Container] = []
  /// The document, once its last container is closed or its value written.
  private(set) var value: Value = .null

  mutating func beginObject() { open.append(.object([], key: nil)) }

  mutating func endObject() {
    guard case .object(let pairs, nil) = open.popLast() else {
      preconditionFailure("endObject without an open object, or after a key with no value")
    }
    write(.object(pairs))
  }

  mutating func beginArray() { open.append(.array([])) }

  mutating func endArray() {
    guard case .array(let items) = open.popLast() else {
      preconditionFailure("endArray without an open array")
    }
    write(.array(items))
  }

  mutating func key(_ key: String) {
    guard case .object(let pairs, nil) = open.popLast() else {
      preconditionFailure("a key outside an object, or two keys in a row")
    }
    open.append(.object(pairs, key: key))
  }

  mutating func write(_ value: Value) {
    switch open.popLast() {
    case nil: self.value = value
    case .object(var pairs, let key?):
      pairs.append((key, value))
      open.append(.object(pairs, key: nil))
    case .array(var items):
      items.append(value)
      open.append(.array(items))
    case .object(_, nil):
      preconditionFailure("an object member without a key")
    }
  }
}
