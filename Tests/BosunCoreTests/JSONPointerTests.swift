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
