import Testing

@testable import BosunModel

/// Pins `LabelSyntax` to `IsQualifiedName`, `IsValidLabelValue`, `IsDNS1123Label` and
/// `IsDNS1123Subdomain` in k8s.io/apimachinery `pkg/util/validation/validation.go`.
@Suite("LabelSyntax")
struct LabelSyntaxTests {
  @Test(
    "accepts upstream's good qualified names",
    arguments: [
      "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple",
      "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple",
      "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678",
      "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123",
      "a" + String(repeating: "x", count: 62),
    ])
  func goodQualifiedNames(name: String) {
    #expect(LabelSyntax.qualifiedNameProblems(name).isEmpty)
  }

  @Test(
    "rejects upstream's bad qualified names with a stable code",
    arguments: [
      ("nospecialchars%^=@", SyntaxProblem.Code.nameInvalid), ("cantendwithadash-", .nameInvalid),
      ("-cantstartwithadash", .nameInvalid), ("only/one/slash", .tooManySlashes),
      ("Example.com/abc", .prefixInvalid), ("example_com/abc", .prefixInvalid),
      ("example.com/", .nameEmpty), ("/simple", .prefixEmpty),
      ("a" + String(repeating: "x", count: 63), .nameTooLong),
      (String(repeating: "a", count: 254) + "/abc", .prefixTooLong),
    ])
  func badQualifiedNames(name: String, code: SyntaxProblem.Code) {
    #expect(LabelSyntax.qualifiedNameProblems(name).map(\.code).contains(code))
  }

  @Test("messages are upstream's, word for word")
  func messages() {
    #expect(
      LabelSyntax.qualifiedNameProblems("a" + String(repeating: "x", count: 63)).first?.message
        == "name part must be no more than 63 characters")
    #expect(
      LabelSyntax.qualifiedNameProblems("-x").first?.message
        == "name part must consist of alphanumeric characters, '-', '_' or '.', and must start "
        + "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
        + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
    #expect(LabelSyntax.dns1123LabelProblems("a.b").map(\.message) == ["must not contain dots"])
  }

  @Test("label values may be empty, and otherwise look like a name part")
  func labelValues() {
    for good in [
      "", "simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234",
      String(repeating: "a", count: 63),
    ] {
      #expect(LabelSyntax.labelValueProblems(good).isEmpty, "\(good)")
    }
    #expect(LabelSyntax.labelValueProblems("nospecialchars%^=@").map(\.code) == [.valueInvalid])
    #expect(LabelSyntax.labelValueProblems("with/slash").map(\.code) == [.valueInvalid])
    #expect(
      LabelSyntax.labelValueProblems(String(repeating: "a", count: 64)).map(\.code)
        == [.valueTooLong])
  }

  @Test("annotation keys are checked in lower case; the total size is capped at 256 KiB")
  func annotations() {
    #expect(LabelSyntax.annotationKeyProblems("Example.COM/Key").isEmpty)
    #expect(LabelSyntax.annotationKeyProblems("a/b/c").map(\.code) == [.tooManySlashes])
    let big = ["k": String(repeating: "v", count: 256 * 1024)]
    #expect(LabelSyntax.annotationsProblems(big).map(\.code) == [.annotationsTooLarge])
    let fits = ["k": String(repeating: "v", count: 256 * 1024 - 1)]
    #expect(LabelSyntax.annotationsProblems(fits).isEmpty)
  }

  @Test("object names are DNS-1123 subdomains or labels")
  func dnsNames() {
    #expect(LabelSyntax.dns1123SubdomainProblems("my-app.example").isEmpty)
    #expect(LabelSyntax.dns1123SubdomainProblems("My-App").map(\.code) == [.dnsInvalid])
    #expect(LabelSyntax.dns1123SubdomainProblems("a..b").map(\.code) == [.dnsInvalid])
    #expect(LabelSyntax.dns1123LabelProblems("web-1").isEmpty)
    #expect(LabelSyntax.dns1123LabelProblems("web_1").map(\.code) == [.dnsInvalid])
    #expect(
      LabelSyntax.dns1123LabelProblems(String(repeating: "a", count: 64)).map(\.code)
        == [.dnsTooLong])
    #expect(
      LabelSyntax.dns1123SubdomainProblems(String(repeating: "a", count: 254)).map(\.code)
        .contains(.dnsTooLong))
  }
}
