#include "policy/decision_json.h"

#include <gtest/gtest.h>

#include "sendguard/parser.h"

namespace sendguard {
namespace {

TEST(DecisionJsonTest, ShapeOfADecision) {
  Result<Message> m =
      ParseMessage("To: ops@army.ml\r\nMessage-ID: <id1@h>\r\n\r\nSSN 212-09-4821 and more\r\n",
                   Envelope{"dana@army.mil", {"ops@army.ml"}});
  ASSERT_TRUE(m.ok());
  Result<std::unique_ptr<Context>> context = Context::Create(Config{}, History{});
  ASSERT_TRUE(context.ok());
  Result<Decision> d = Evaluate(*m, **context);
  ASSERT_TRUE(d.ok());
  nlohmann::json j = DecisionJson(*m, *d);
  for (const char* key : {"message_id", "action", "rule", "reason", "recipients", "findings",
                          "limits", "encrypted", "defects", "suspects"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_FALSE(j.contains("source"));         // where it was read from is the caller's
  EXPECT_FALSE(j.contains("version"));        // sent where clients read it
  EXPECT_FALSE(j.contains("partial"));        // only for remove-recipients holds
  EXPECT_FALSE(j.contains("policy_action"));  // only in audit mode
  EXPECT_EQ(j["message_id"], "id1@h");
  EXPECT_EQ(j["recipients"][0]["suggestion"], "ops@army.mil");
  EXPECT_EQ(j["recipients"][0]["external"], true);
  EXPECT_EQ(j.dump().find("212-09-4821"), std::string::npos) << j.dump();  // samples masked
}

TEST(DecisionJsonTest, AuditModeKeepsThePolicysAction) {
  Config config;
  config.policy.mode = PolicyConfig::Mode::kAudit;
  Result<std::unique_ptr<Context>> context = Context::Create(config, History{});
  ASSERT_TRUE(context.ok());
  Result<Message> m = ParseMessage("To: ops@army.ml\r\n\r\nhi\r\n");
  ASSERT_TRUE(m.ok());
  Result<Decision> d = Evaluate(*m, **context);
  ASSERT_TRUE(d.ok());
  nlohmann::json j = DecisionJson(*m, *d);
  EXPECT_EQ(j["action"], "accept");
  EXPECT_EQ(j["policy_action"], "hold");
}

TEST(DecisionJsonTest, WhatWasNotReadIsListed) {
  Limits limits;
  limits.max_text_bytes = 3;
  Result<Message> m = ParseMessage("To: a@b.org\r\n\r\nmore than three bytes\r\n", {}, limits);
  ASSERT_TRUE(m.ok());
  nlohmann::json limits_json = LimitsJson(*m);
  ASSERT_FALSE(limits_json.empty());
  EXPECT_TRUE(limits_json[0].contains("limit"));
  EXPECT_TRUE(limits_json[0].contains("where"));
  EXPECT_TRUE(EncryptedJson(*m).is_array());
  EXPECT_TRUE(DefectsJson(*m).is_array());
}

}  // namespace
}  // namespace sendguard
