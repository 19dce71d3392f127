import BosunCore
import Testing

/// RFC 6901 pointers: parsing, escaping and building.
@Suite struct JSONPointerTests {
  @Test func parsesAndPrintsWithEscapes() throws {
    let pointer = try #require(JSONPointer(parsing: "/metadata/annotations/example.com~1team/a~0b"))
    #expect(pointer.tokens == [.key("metadata"), .key("annotations"), .key("example.com/team"), .key("a~b")])
    #expect(pointer.description == "/metadata/annotations/example.com~1team/a~0b")
  }

  @Test func numericTokensBecomeIndexes() {
    let pointer: JSONPointer = "/spec/containers/0/ports/12"
    #expect(pointer.tokens[2] == .index(0))
    #expect(pointer.tokens[4] == .index(12))
    #expect(JSONPointer(parsing: "/a/01")?.tokens[1] == .key("01"))
  }

  @Test func unescapesLeftToRight() {
    // `~01` is `~1` (not `/`), and a `~` that starts no escape stays as it is.
    #expect(
      JSONPointer(parsing: "/~01/~~1/~10/~2/~")?.tokens == [
        .key("~1"), .key("~/"), .key("/0"), .key("~2"), .key("~"),
      ])
    #expect(JSONPointer(parsing: "//a/")?.tokens == [.key(""), .key("a"), .key("")])
  }

  @Test func indexesAreCanonicalDecimals() {
    let pointer = JSONPointer(parsing: "/0/+1/-1/-0/99999999999999999999/7")
    #expect(
      pointer?.tokens == [
        .index(0), .key("+1"), .key("-1"), .key("-0"), .key("99999999999999999999"), .index(7),
      ])
  }

  @Test func keysBeyondASCII() {
    let pointer = JSONPointer(parsing: "/metadata/labels/caf\u{e9}~1x/\u{e9}")
    #expect(
      pointer?.tokens == [.key("metadata"), .key("labels"), .key("caf\u{e9}/x"), .key("\u{e9}")])
    #expect(pointer?.description == "/metadata/labels/caf\u{e9}~1x/\u{e9}")
    #expect(JSONPointer(parsing: "\u{e9}/a") == nil)
  }

  @Test func rootAndInvalid() {
    #expect(JSONPointer(parsing: "") == .root)
    #expect(JSONPointer.root.description == "")
    #expect(JSONPointer(parsing: "spec") == nil)
  }

  @Test func appendingAndParent() {
    let pointer = JSONPointer.root.appending("spec").appending("containers").appending(1)
    #expect(pointer.description == "/spec/containers/1")
    #expect(pointer.parent.description == "/spec/containers")
  }
}
