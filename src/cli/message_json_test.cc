#include "cli/message_json.h"

#include <gtest/gtest.h>

#include "sendguard/parser.h"

namespace sendguard {
namespace {

TEST(MessageJsonTest, ScanRecordShape) {
  Result<Message> m =
      ParseMessage("To: ops@army.ml\r\nCc: x@navy.mil\r\nMessage-ID: <id1@h>\r\n\r\nhello\r\n");
  ASSERT_TRUE(m.ok());
  Result<std::unique_ptr<Context>> context = Context::Create(Config{}, History{});
  ASSERT_TRUE(context.ok());
  Result<Decision> d = Evaluate(*m, **context);
  ASSERT_TRUE(d.ok());
  nlohmann::json r = ScanRecordJson("a.eml", *m, *d);
  EXPECT_EQ(r["source"], "a.eml");
  EXPECT_EQ(r["message_id"], "id1@h");
  EXPECT_EQ(r["action"], "hold");  // the shipped policy holds mistyped recipients
  EXPECT_EQ(r["rule"], "mistyped-recipient");
  EXPECT_NE(r["reason"].get<std::string>().find("did you mean ops@army.mil?"), std::string::npos)
      << r["reason"];
  EXPECT_EQ(r["suspects"], nlohmann::json({"ops@army.ml"}));
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

TEST(MessageJsonTest, FindingsAreMaskedWithWhereAndLevel) {
  Result<Message> m = ParseMessage(
      "To: ops@army.mil\r\nSubject: card 4111 1111 1111 1111\r\n\r\n"
      "SECRET//NOFORN\r\nVisa 4111111111111111 exp 12/27\r\n");
  ASSERT_TRUE(m.ok());
  Result<std::unique_ptr<Context>> context = Context::Create(Config{}, History{});
  ASSERT_TRUE(context.ok());
  Result<Decision> d = Evaluate(*m, **context);
  ASSERT_TRUE(d.ok());
  nlohmann::json r = ScanRecordJson("a.eml", *m, *d);
  std::string dump = r.dump();
  EXPECT_EQ(dump.find("1111 1111 1111"), std::string::npos) << dump;
  EXPECT_EQ(dump.find("4111111111111111"), std::string::npos) << dump;
  nlohmann::json card, marking;
  for (const auto& f : r["findings"]) {
    if (f["detector"] == "credit-card") card = f;
    if (f["detector"] == "classification-marking") marking = f;
  }
  ASSERT_FALSE(card.is_null()) << dump;
  EXPECT_EQ(card["category"], "financial");
  EXPECT_EQ(card["confidence"], "high");
  EXPECT_EQ(card["count"], 2);
  EXPECT_EQ(card["where"], nlohmann::json({"subject", "body"}));
  EXPECT_EQ(card["sample"], "4111 **** **** 1111");
  ASSERT_FALSE(marking.is_null()) << dump;
  EXPECT_EQ(marking["level"], "secret");
  EXPECT_EQ(marking["sample"], "SECRET//NOFORN");
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
