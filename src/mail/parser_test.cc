#include "sendguard/parser.h"

#include <gtest/gtest.h>

#include "mail/base64.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

// The text extracted under `source`, or "<none>".
std::string TextOf(const Message& m, const std::string& source) {
  for (const TextSegment& t : m.texts()) {
    if (t.source == source) return t.text;
  }
  return "<none>";
}

TEST(ParserTest, HeadersAddressesAndEncodedSubject) {
  Message m = ParseOk(
      "From: =?utf-8?q?J=C3=B6rg?= <jorg@example.de>\r\n"
      "To: ops@army.mil, \"Smith, J\" <j.smith@navy.mil>\r\n"
      "Cc: team: a@x.org, b@y.org;\r\n"
      "Subject: =?iso-8859-1?q?R=E9union?= plan\r\n"
      "Message-ID: <abc@example.de>\r\nDate: Tue, 3 Nov 2026 09:00:00 +0100\r\n\r\nhello\r\n");
  ASSERT_EQ(m.from().size(), 1u);
  EXPECT_EQ(m.from()[0].name, "J\xC3\xB6rg");
  EXPECT_EQ(m.from()[0].address, "jorg@example.de");
  ASSERT_EQ(m.to().size(), 2u);
  EXPECT_EQ(m.to()[1].name, "Smith, J");
  EXPECT_EQ(m.to()[1].address, "j.smith@navy.mil");
  ASSERT_EQ(m.cc().size(), 2u);  // group members are flattened
  EXPECT_EQ(m.subject(), "R\xC3\xA9union plan");
  EXPECT_EQ(m.message_id(), "abc@example.de");
  EXPECT_EQ(m.date(), "Tue, 3 Nov 2026 09:00:00 +0100");
  EXPECT_EQ(m.header("MESSAGE-id").value_or(""), "<abc@example.de>");
  EXPECT_FALSE(m.header("X-Absent").has_value());
  EXPECT_EQ(TextOf(m, "subject"), "R\xC3\xA9union plan");
  EXPECT_EQ(TextOf(m, "body"), "hello\r\n");
  EXPECT_EQ(m.recipients(),
            (std::vector<std::string>{"ops@army.mil", "j.smith@navy.mil", "a@x.org", "b@y.org"}));
}

TEST(ParserTest, EnvelopeRecipientsWinOverHeaders) {
  Envelope env{"alice@example.org", {"hidden@army.ml", "HIDDEN@army.ml"}};
  Result<Message> m = ParseMessage("To: ops@army.mil\n\nhi\n", env);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->recipients(), std::vector<std::string>{"hidden@army.ml"});
  EXPECT_EQ(m->envelope().mail_from, "alice@example.org");
}

TEST(ParserTest, LfOnlyAndCrlfGiveTheSameText) {
  Message lf = ParseOk("Subject: s\n\nline one\nline two\n");
  Message crlf = ParseOk("Subject: s\r\n\r\nline one\r\nline two\r\n");
  EXPECT_NE(TextOf(lf, "body").find("line two"), std::string::npos);
  EXPECT_NE(TextOf(crlf, "body").find("line two"), std::string::npos);
}

TEST(ParserTest, QuotedPrintableHtmlPart) {
  std::string html = "<html><body><p>Grid ref 38SMB4484 &amp; caf\xC3\xA9</p></body></html>";
  Message m = ParseOk(
      MakeMessage("ops@army.mil", "qp",
                  {{"text/html; charset=utf-8", "quoted-printable", "", QuotedPrintable(html)}}));
  EXPECT_EQ(TextOf(m, "body"), "Grid ref 38SMB4484 & caf\xC3\xA9\n");
}

TEST(ParserTest, Base64TextInLegacyCharset) {
  Message m = ParseOk(
      MakeMessage("x@y.org", "cs",
                  {{"text/plain; charset=windows-1251", "base64", "", Base64("\xEF\xF0\xE8")}}));
  EXPECT_EQ(TextOf(m, "body"), "\xD0\xBF\xD1\x80\xD0\xB8");
}

TEST(ParserTest, Rfc2231Filename) {
  std::string raw =
      "To: a@b.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
      "Content-Type: text/plain\r\nContent-Disposition: attachment;\r\n"
      " filename*=utf-8''r%C3%A9sum%C3%A9.txt\r\n\r\nresume text\r\n--b--\r\n";
  Message m = ParseOk(raw);
  EXPECT_EQ(TextOf(m, "attachment:r\xC3\xA9sum\xC3\xA9.txt"), "resume text");
}

TEST(ParserTest, PdfAttachmentText) {
  Message m = ParseOk(MakeMessage("x@y.org", "pdf",
                                  {Attachment("application/pdf", "report.pdf",
                                              MakePdf({"SECRET//NOFORN", "Flight 22 at 0600"}))}));
  std::string text = TextOf(m, "attachment:report.pdf");
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
  EXPECT_NE(text.find("Flight 22 at 0600"), std::string::npos) << text;
}

TEST(ParserTest, DocxXlsxOdtAttachmentText) {
  Message m = ParseOk(MakeMessage(
      "x@y.org", "office",
      {Attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "memo.docx", MakeDocx({"Memo line one", "password: hunter2"})),
       Attachment("application/octet-stream", "cards.xlsx",
                  MakeXlsx({"Card number", "Expiry"}, {"4111111111111111"})),
       Attachment("application/vnd.oasis.opendocument.text", "notes.odt",
                  MakeOdt({"Open document text"}))}));
  EXPECT_EQ(TextOf(m, "attachment:memo.docx"), "Memo line one\npassword: hunter2\n");
  std::string sheet = TextOf(m, "attachment:cards.xlsx");
  EXPECT_NE(sheet.find("Card number\nExpiry\n"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("4111111111111111"), std::string::npos) << sheet;
  EXPECT_EQ(TextOf(m, "attachment:notes.odt"), "Open document text\n");
}

TEST(ParserTest, ZipAndTarGzMembersAreLabelled) {
  Message m = ParseOk(MakeMessage(
      "x@y.org", "zip",
      {Attachment("application/zip", "notes.zip",
                  MakeZip({{"notes.txt", "zip member text"},
                           {"inner.zip", MakeZip({{"deep.txt", "two levels down"}})}})),
       Attachment("application/gzip", "logs.tar.gz", MakeTarGz({{"a/b.txt", "tar text"}})),
       Attachment("application/gzip", "single.txt.gz", MakeGzip("gzip text"))}));
  EXPECT_EQ(TextOf(m, "attachment:notes.zip/notes.txt"), "zip member text");
  EXPECT_EQ(TextOf(m, "attachment:notes.zip/inner.zip/deep.txt"), "two levels down");
  EXPECT_EQ(TextOf(m, "attachment:logs.tar.gz/a/b.txt"), "tar text");
  EXPECT_EQ(TextOf(m, "attachment:single.txt.gz/single.txt"), "gzip text");
}

TEST(ParserTest, NestedMessageRfc822) {
  std::string inner =
      MakeMessage("inner@army.mil", "Inner subject",
                  {{"text/plain", "7bit", "", "inner body text"},
                   Attachment("application/pdf", "plan.pdf", MakePdf({"inner pdf text"}))});
  std::string raw =
      "To: a@b.org\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n"
      "--outer\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--outer\r\n"
      "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n"
      "\r\n" +
      inner + "\r\n--outer--\r\n";
  Message m = ParseOk(raw);
  EXPECT_EQ(TextOf(m, "attachment:fwd.eml/subject"), "Inner subject");
  EXPECT_EQ(TextOf(m, "attachment:fwd.eml/body"), "inner body text");
  EXPECT_NE(TextOf(m, "attachment:fwd.eml/attachment:plan.pdf").find("inner pdf text"),
            std::string::npos);
  bool nested_part = false;
  for (const Part& p : m.parts()) nested_part |= p.depth == 1;
  EXPECT_TRUE(nested_part);
}

TEST(ParserTest, EncryptedPartsAreReported) {
  std::string pgp =
      "To: a@b.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
      "boundary=e\r\n\r\n--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
      "--e\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nxx\r\n"
      "-----END PGP MESSAGE-----\r\n--e--\r\n";
  Message m = ParseOk(pgp);
  ASSERT_FALSE(m.encrypted().empty());
  EXPECT_EQ(m.encrypted()[0].kind, "pgp");

  Message s = ParseOk(
      "To: a@b.org\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; "
      "name=smime.p7m\r\nContent-Transfer-Encoding: "
      "base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQA=\r\n");
  ASSERT_EQ(s.encrypted().size(), 1u);
  EXPECT_EQ(s.encrypted()[0].kind, "smime");

  Message z =
      ParseOk(MakeMessage("x@y.org", "zip",
                          {Attachment("application/zip", "locked.zip",
                                      MakeEncryptedZip({{"secret.txt", "hidden"}}, "pw"))}));
  ASSERT_EQ(z.encrypted().size(), 1u);
  EXPECT_EQ(z.encrypted()[0].kind, "zip-password");
  EXPECT_EQ(TextOf(z, "attachment:locked.zip/secret.txt"), "<none>");
}

TEST(ParserTest, PlainTextUnderAnEncryptedLabelIsRead) {
  // Labels promise ciphertext; the bytes are plain: read, not reported encrypted.
  Message pgp = ParseOk(
      "To: a@b.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
      "boundary=e\r\n\r\n--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
      "--e\r\nContent-Type: application/octet-stream\r\n\r\nSECRET//NOFORN\r\nSSN 212-09-4821\r\n"
      "--e--\r\n");
  EXPECT_TRUE(pgp.encrypted().empty());
  bool banner = false;
  for (const TextSegment& t : pgp.texts())
    banner |= t.text.find("SECRET//NOFORN") != std::string::npos;
  EXPECT_TRUE(banner);

  Message label =
      ParseOk("To: a@b.org\r\nContent-Type: application/pgp-encrypted\r\n\r\nSSN 212-09-4821\r\n");
  EXPECT_TRUE(label.encrypted().empty());
  EXPECT_NE(TextOf(label, "attachment:part0"), "<none>");

  Message smime = ParseOk(
      "To: a@b.org\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; "
      "name=smime.p7m\r\n\r\nSECRET//NOFORN plans\r\n");
  EXPECT_TRUE(smime.encrypted().empty());
  EXPECT_NE(TextOf(smime, "attachment:smime.p7m"), "<none>");
}

TEST(ParserTest, BinaryPgpPacketsAreEncrypted) {
  const std::string packets("\x85\x01\x0c\x03\x11\x22\x33\x44", 8);
  Message m = ParseOk(
      "To: a@b.org\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
      "boundary=e\r\n\r\n--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
      "--e\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
      EncodeBase64(packets) + "\r\n--e--\r\n");
  ASSERT_EQ(m.encrypted().size(), 1u);
  EXPECT_EQ(m.encrypted()[0].kind, "pgp");
}

TEST(ParserTest, UnreadableBytesUnderAnEncryptedLabelStayReported) {
  // Opaque binary that is neither known ciphertext nor readable: reported
  // as the label says, never passed as clean.
  const std::string binary("\x01\x02\x03\x00\xff\xfe\x00\x10", 8);
  Message m = ParseOk(
      "To: a@b.org\r\nContent-Type: application/pkcs7-mime; name=smime.p7m\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      EncodeBase64(binary) + "\r\n");
  ASSERT_EQ(m.encrypted().size(), 1u);
  EXPECT_EQ(m.encrypted()[0].kind, "smime");
}

TEST(ParserTest, EmptyInputIsAnError) {
  EXPECT_FALSE(ParseMessage("").ok());
  EXPECT_FALSE(ParseMessage("  \r\n").ok());
  EXPECT_EQ(ParseMessage("").status().code(), StatusCode::kInvalidArgument);
}

TEST(ParserTest, OversizedMessageIsCutAndReported) {
  Limits limits;
  limits.max_message_bytes = 100;
  Message m = ParseOk("Subject: big\n\n" + std::string(1000, 'a'), limits);
  EXPECT_TRUE(HasLimit(m, "message-size"));
  EXPECT_LE(TextOf(m, "body").size(), 100u);
}

}  // namespace
}  // namespace sendguard
