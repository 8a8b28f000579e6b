#include "cli/message_json.h"

#include <gtest/gtest.h>

#include "sendguard/parser.h"

namespace sendguard {
namespace {

TEST(MessageJsonTest, ScanRecordShape) {
  Result<Message> m =
      ParseMessage("To: ops@army.ml\r\nCc: x@navy.mil\r\nMessage-ID: <id1@h>\r\n\r\nhello\r\n");
  ASSERT_TRUE(m.ok());
  Context context(Config{}, History{});
  nlohmann::json r = ScanRecordJson("a.eml", *m, Evaluate(*m, context));
  EXPECT_EQ(r["source"], "a.eml");
  EXPECT_EQ(r["message_id"], "id1@h");
  EXPECT_EQ(r["action"], "accept");
  ASSERT_EQ(r["recipients"].size(), 2u);
  EXPECT_EQ(r["recipients"][0]["address"], "ops@army.ml");
  EXPECT_EQ(r["recipients"][0]["domain"], "army.ml");
  EXPECT_EQ(r["recipients"][0]["risk"], "high");
  EXPECT_EQ(r["recipients"][0]["suggestion"], "ops@army.mil");
  EXPECT_EQ(r["recipients"][0]["reasons"][0]["code"], "tld-typo");
  EXPECT_TRUE(r["recipients"][1]["suggestion"].is_null());
  EXPECT_TRUE(r["findings"].is_array());
  EXPECT_TRUE(r["limits"].is_array());
}

TEST(MessageJsonTest, InspectModelCarriesTextWithSources) {
  Result<Message> m = ParseMessage("Subject: hi\r\n\r\nbody text\r\n");
  ASSERT_TRUE(m.ok());
  nlohmann::json j = MessageToJson(*m);
  ASSERT_EQ(j["texts"].size(), 2u);
  EXPECT_EQ(j["texts"][0]["source"], "subject");
  EXPECT_EQ(j["texts"][1]["source"], "body");
  EXPECT_EQ(j["parts"][0]["content_type"], "text/plain");
}

}  // namespace
}  // namespace sendguard
