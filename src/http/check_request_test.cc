#include "http/check_request.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sendguard
