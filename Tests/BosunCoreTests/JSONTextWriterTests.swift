import BosunCore
import Testing

/// Writing a document piece by piece gives the bytes `jsonText` gives it whole.
@Suite struct JSONTextWriterTests {
  static let document = Value.object([
    ("name", .string("web")),
    ("escapes", .string("a \"quoted\" \\ tab\there\nline\u{2028}sep \u{1} é € ✓")),
    ("numbers", .array([.int(-3), .double(1.5), .double(.infinity), .bool(true), .null])),
    ("empty", .object([])),
    ("none", .array([])),
    (
      "nested",
      .object([
        ("items", .array([.object([("a", .int(1))]), .array([.array([])]), .string("")])),
        ("deep", .object([("deeper", .object([("deepest", .array([.int(0)]))]))])),
      ])
    ),
  ])

  /// Opens a container for every array and object, a key for every member, and writes only
  /// scalars whole.
  static func stream(_ value: Value, into writer: inout JSONTextWriter) {
    switch value {
    case .object(let pairs):
      writer.beginObject()
      for pair in pairs {
        writer.key(pair.key)
        stream(pair.value, into: &writer)
      }
      writer.endObject()
    case .array(let items):
      writer.beginArray()
      for item in items { stream(item, into: &writer) }
      writer.endArray()
    default:
      writer.write(value)
    }
  }

  @Test(arguments: [false, true])
  func pieceByPieceMatchesWhole(compact: Bool) {
    var writer = JSONTextWriter(compact: compact)
    Self.stream(Self.document, into: &writer)
    #expect(writer.text == Self.document.jsonText(compact: compact))
  }

  @Test(arguments: [false, true])
  func wholeValuesInsideAStream(compact: Bool) {
    guard case .object(let pairs) = Self.document else { return }
    var writer = JSONTextWriter(compact: compact)
    writer.beginObject()
    for pair in pairs {
      writer.key(pair.key)
      writer.write(pair.value)
    }
    writer.endObject()
    #expect(writer.text == Self.document.jsonText(compact: compact))
  }

  @Test func aScalarDocument() {
    var writer = JSONTextWriter()
    writer.write(.string("line\nbreak"))
    #expect(writer.text == #""line\nbreak""#)
  }
}
