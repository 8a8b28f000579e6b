// The policy on content that could not be inspected: the `uninspected`
// condition and the shipped rule that holds such content going outside.

#include <gtest/gtest.h>

#include "policy/config.h"
#include "policy/decision.h"
#include "sendguard/parser.h"

namespace sendguard {
namespace {

constexpr char kOrg[] =
    "organization:\n"
    "  domains: [army.mil]\n"
    "  trusted_domains: [partner.com]\n";

// A message to `to` whose only attachment is PGP ciphertext.
std::string Encrypted(const std::string& to) {
  return "From: a@army.mil\r\nTo: " + to +
         "\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
         "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
         "boundary=b\r\n\r\n"
         "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
         "--b\r\nContent-Type: application/octet-stream\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\nhQEMA/3Lr6xLk4IPAQf/Yw==\r\n--b--\r\n";
}

Decision Judge(const std::string& yaml, const std::string& raw) {
  Result<Config> config = ParseConfig(yaml, "test.yaml");
  EXPECT_TRUE(config.ok()) << config.status().ToString();
  Result<std::unique_ptr<Context>> c = Context::Create(std::move(config).value(), History{});
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  Result<Message> m = ParseMessage(raw);
  EXPECT_TRUE(m.ok());
  Result<Decision> d = Evaluate(*m, **c);
  EXPECT_TRUE(d.ok());
  return d.ok() ? *d : Decision{};
}

TEST(UninspectedPolicyTest, EncryptionIsRecordedAsUninspected) {
  Result<Message> m = ParseMessage(Encrypted("x@newcorp.com"));
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->uninspected().size(), 1u);
  EXPECT_EQ(m->uninspected()[0].kind, "encrypted");
  EXPECT_EQ(m->uninspected()[0].where, m->encrypted()[0].where);
}

TEST(UninspectedPolicyTest, ShippedPolicyHoldsWhatWasNotReadGoingOutside) {
  Decision d = Judge(kOrg, Encrypted("x@newcorp.com"));
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule, "uninspected-outside");
  EXPECT_NE(d.reason.find("encrypted: PGP-encrypted content could not be read"), std::string::npos)
      << d.reason;
  // Inside the organisation and to trusted partners it goes.
  EXPECT_EQ(Judge(kOrg, Encrypted("x@army.mil")).action, Action::kAccept);
  EXPECT_EQ(Judge(kOrg, Encrypted("x@partner.com")).action, Action::kAccept);
}

TEST(UninspectedPolicyTest, AConditionNamesTheKinds) {
  const std::string rules = std::string(kOrg) +
                            "policy:\n"
                            "  rules:\n"
                            "    - name: cut\n"
                            "      when: {uninspected: [limit, corrupt]}\n"
                            "      action: reject\n"
                            "    - name: sealed\n"
                            "      when: {uninspected: [encrypted]}\n"
                            "      action: tag\n";
  Decision d = Judge(rules, Encrypted("x@army.mil"));
  EXPECT_EQ(d.rule, "sealed");
  EXPECT_EQ(d.action, Action::kTag);
}

TEST(UninspectedPolicyTest, FalseMeansEverythingWasRead) {
  const std::string rules = std::string(kOrg) +
                            "policy:\n"
                            "  rules:\n"
                            "    - name: all-read\n"
                            "      when: {uninspected: false}\n"
                            "      action: tag\n";
  EXPECT_EQ(Judge(rules, Encrypted("x@army.mil")).rule, "");
  Decision plain = Judge(rules, "From: a@army.mil\r\nTo: b@army.mil\r\n\r\nhello\r\n");
  EXPECT_EQ(plain.rule, "all-read");
}

TEST(UninspectedPolicyTest, BadConditionsAreConfigErrors) {
  for (const char* when :
       {"{uninspected: [encrypted, sealed]}", "{uninspected: []}", "{uninspected: maybe}"}) {
    Result<Config> c = ParseConfig(std::string("policy:\n  rules:\n    - name: r\n      when: ") +
                                       when + "\n      action: hold\n",
                                   "p.yaml");
    ASSERT_FALSE(c.ok()) << when;
    EXPECT_NE(c.status().message().find("p.yaml:"), std::string::npos) << c.status().message();
    EXPECT_NE(c.status().message().find("uninspected"), std::string::npos) << c.status().message();
  }
}

TEST(UninspectedPolicyTest, AnUninspectedRuleIsNotAboutRecipientsAlone) {
  Rule r;
  r.recipients = RecipientCondition{};
  EXPECT_TRUE(IsRecipientOnly(r));
  r.uninspected = UninspectedCondition{};
  EXPECT_FALSE(IsRecipientOnly(r));
}

}  // namespace
}  // namespace sendguard
