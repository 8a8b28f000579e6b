#include "http/check_request.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mail/base64.h"
#include "policy/decision.h"
#include "sendguard/parser.h"

namespace sendguard {
namespace {

using nlohmann::json;

TEST(CheckRequestTest, DraftBecomesAMessageWithEveryPart) {
  json draft = {{"from", "alice@example.mil"},
                {"recipients", {"ops@army.ml", "b@navy.mil"}},
                {"subject", "Réunion\r\nBcc: evil@x.org"},
                {"body", "Grid 18S UJ 23480 06470"},
                {"attachments",
                 {{{"filename", "notes.txt"},
                   {"content_type", "text/plain"},
                   {"content_base64", "U1NOOiAyMTItMDktNDgyMQ=="}}}}};
  Result<CheckInput> in = CheckInputFromJson(draft);
  ASSERT_TRUE(in.ok()) << in.status().message();
  EXPECT_EQ(in->envelope.rcpt_to, (std::vector<std::string>{"ops@army.ml", "b@navy.mil"}));
  Result<Message> m = ParseMessage(in->raw, in->envelope);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->subject(), "Réunion  Bcc: evil@x.org");  // no header injection
  EXPECT_TRUE(m->bcc().empty());
  std::string text = m->AllText();
  EXPECT_NE(text.find("Grid 18S UJ 23480 06470"), std::string::npos);
  EXPECT_NE(text.find("SSN: 212-09-4821"), std::string::npos);
}

TEST(CheckRequestTest, LongNonAsciiSubjectStaysOneHeader) {
  std::string subject;
  for (int i = 0; i < 20; ++i) subject += "Réunion ";
  Result<CheckInput> in =
      CheckInputFromJson({{"recipients", {"a@army.mil"}}, {"subject", subject}});
  ASSERT_TRUE(in.ok());
  Result<Message> m = ParseMessage(in->raw, in->envelope);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->subject(), subject);
}

TEST(CheckRequestTest, BadDraftsNameTheField) {
  EXPECT_NE(CheckInputFromJson(json::object()).status().message().find("recipients"),
            std::string::npos);
  EXPECT_FALSE(CheckInputFromJson({{"recipients", "ops@army.ml"}}).ok());
  EXPECT_FALSE(CheckInputFromJson({{"recipients", {1, 2}}}).ok());
  EXPECT_FALSE(CheckInputFromJson({{"recipients", {"a@b.c"}}, {"subject", 5}}).ok());
  EXPECT_FALSE(CheckInputFromJson(
                   {{"recipients", {"a@b.c"}}, {"attachments", {{{"content_base64", "abc"}}}}})
                   .ok());
  EXPECT_TRUE(CheckInputFromJson({{"raw", "Subject: x\r\n\r\nhi\r\n"}}).ok());
}

constexpr char kOldBoundary[] = "=_sendguard_check_boundary_7f3a9c";
constexpr char kBanner[] = "SECRET//NOFORN\r\nSSN: 212-09-4821\r\n";

json WithAttachment(const std::string& type, const std::string& bytes,
                    const std::string& name = "notes") {
  return {
      {"recipients", {"ops@army.mil"}},
      {"body", "see attached"},
      {"attachments",
       {{{"filename", name}, {"content_type", type}, {"content_base64", EncodeBase64(bytes)}}}}};
}

// The draft composed (with `boundary` when given) and judged by the
// default policy.
Decision Judge(const json& draft, std::string_view boundary = {}) {
  Result<CheckInput> in = CheckInputFromJson(draft, boundary);
  EXPECT_TRUE(in.ok()) << in.status().message();
  if (!in.ok()) return {};
  Result<Message> m = ParseMessage(in->raw, in->envelope);
  EXPECT_TRUE(m.ok());
  static const std::unique_ptr<Context> context =
      std::move(Context::Create(Config(), History())).value();
  Result<Decision> d = Evaluate(*m, *context);
  EXPECT_TRUE(d.ok());
  return d.ok() ? *d : Decision{};
}

std::vector<std::string> Detectors(const Decision& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings) out.push_back(f.detector);
  return out;
}

// Issue 14 point 3: a multipart label on an attachment hid its bytes.
TEST(CheckRequestTest, MultipartLabelsDoNotHideAnAttachment) {
  for (const std::string& type : std::vector<std::string>{
           "multipart/mixed", "Multipart/Mixed; boundary=\"" + std::string(kOldBoundary) + "\"",
           "multipart/alternative; boundary=x", "multipart/encrypted", "message/partial"}) {
    Decision d = Judge(WithAttachment(type, kBanner));
    EXPECT_EQ(d.action, Action::kReject) << type;
    std::vector<std::string> found = Detectors(d);
    EXPECT_NE(std::find(found.begin(), found.end(), "classification-marking"), found.end()) << type;
    EXPECT_NE(std::find(found.begin(), found.end(), "us-ssn"), found.end()) << type;
  }
}

// An attacker who guessed the boundary cannot use it: the label is not
// kept, and the bytes are base64 in the composed part.
TEST(CheckRequestTest, AGuessedBoundaryHidesNothing) {
  const std::string guessed = "=_guessed_boundary";
  const std::string inner =
      "--" + guessed + "\r\nContent-Type: image/png\r\n\r\n" + kBanner + "--" + guessed + "--\r\n";
  json draft = WithAttachment("multipart/mixed; boundary=\"" + guessed + "\"", inner);
  Result<CheckInput> in = CheckInputFromJson(draft, guessed);
  ASSERT_TRUE(in.ok()) << in.status().message();
  EXPECT_NE(in->raw.find("boundary=\"" + guessed + "\""), std::string::npos);  // it was used
  Decision d = Judge(draft, guessed);
  EXPECT_EQ(d.action, Action::kReject);
  std::vector<std::string> found = Detectors(d);
  EXPECT_NE(std::find(found.begin(), found.end(), "us-ssn"), found.end());
}

TEST(CheckRequestTest, TheBoundaryIsRandomAndInNoPart) {
  json draft = WithAttachment("text/plain", "hello");
  Result<CheckInput> a = CheckInputFromJson(draft), b = CheckInputFromJson(draft);
  ASSERT_TRUE(a.ok() && b.ok());
  auto boundary = [](const std::string& raw) {
    std::size_t at = raw.find("boundary=\"") + 10;
    return raw.substr(at, raw.find('"', at) - at);
  };
  EXPECT_EQ(boundary(a->raw).size(), 12u + 32u) << a->raw;
  EXPECT_NE(boundary(a->raw), boundary(b->raw));
  EXPECT_EQ(a->raw.find(kOldBoundary), std::string::npos);
  // A boundary that occurs in a part (here the file name) is not used.
  Result<CheckInput> c =
      CheckInputFromJson(WithAttachment("text/plain", "hello", "=_in_name"), "=_in_name");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(boundary(c->raw), "=_in_name");
  EXPECT_EQ(boundary(c->raw).rfind("=_sendguard_", 0), 0u);
}

// Labels under which text would not be read, and charsets that would
// garble it, are not kept.
TEST(CheckRequestTest, LabelsThatWouldSkipTheBytesAreNotKept) {
  for (const std::string type :
       {"image/png", "application/pdf", "application/x-anything", "application/pgp-signature",
        "text/plain; charset=utf-16", "text/plain; charset=ibm037"}) {
    Decision d = Judge(WithAttachment(type, kBanner));
    EXPECT_EQ(d.action, Action::kReject) << type;
  }
  // A forwarded message is still read as a message (its own base64 parts
  // decoded), and an encryption label still lets ciphertext be reported.
  const std::string forwarded =
      "From: b@army.mil\r\nSubject: fwd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
      "boundary=in\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\nhi\r\n--in\r\nContent-Type: "
      "application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
      EncodeBase64(kBanner) + "\r\n--in--\r\n";
  EXPECT_EQ(Judge(WithAttachment("message/rfc822", forwarded)).action, Action::kReject);
  std::string noise(600, '\0');
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<char>((i * 131 + 7) % 256);
  Result<CheckInput> in = CheckInputFromJson(WithAttachment("application/pkcs7-mime", noise));
  ASSERT_TRUE(in.ok());
  Result<Message> m = ParseMessage(in->raw, in->envelope);
  ASSERT_TRUE(m.ok());
  EXPECT_FALSE(m->encrypted().empty());
}

TEST(CheckRequestTest, ContentTypesMustBeTypeSlashSubtype) {
  for (const char* bad : {"text", "text/", "/plain", "te xt/plain", "text/pl@in", "a/b/c",
                          "text/plain\r\nX-Injected: 1", "multipart"}) {
    Result<CheckInput> in = CheckInputFromJson(WithAttachment(bad, "x"));
    ASSERT_FALSE(in.ok()) << bad;
    EXPECT_EQ(in.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(in.status().message().find("content_type"), std::string::npos);
  }
  EXPECT_TRUE(CheckInputFromJson(WithAttachment(" Text/Plain ; charset=UTF-8", "x")).ok());
  EXPECT_TRUE(CheckInputFromJson(WithAttachment("", "x")).ok());
}

}  // namespace
}  // namespace sendguard
