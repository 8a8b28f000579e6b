#include "policy/config.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(ConfigTest, EmptyConfigIsAllDefaults) {
  Result<Config> c = ParseConfig("", "empty.yaml");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->limits.max_depth, Limits().max_depth);
  EXPECT_EQ(c->limits.ocr_pages, 20);
  EXPECT_EQ(c->limits.ocr_time.count(), 5000);
  EXPECT_EQ(c->recipients.sensitive_suffixes, (std::vector<std::string>{"mil", "gov"}));
}

TEST(ConfigTest, ReadsEverySection) {
  Result<Config> c = ParseConfig(
      "organization:\n"
      "  domains: [example.mil]\n"
      "  trusted_domains: [partner.com]\n"
      "recipients:\n"
      "  min_ratio: 50\n"
      "  sensitive_suffixes: [mil, gov, gov.uk]\n"
      "  bundled_domains: false\n"
      "  two_slip_targets: 100\n"
      "limits:\n"
      "  max_depth: 3\n"
      "  max_time_ms: 2500\n"
      "  ocr_pages: 4\n"
      "  ocr_ms: 1500\n"
      "  max_ocr_pixels: 1000000\n",
      "sendguard.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->recipients.own_domains, std::vector<std::string>{"example.mil"});
  EXPECT_EQ(c->recipients.trusted_domains, std::vector<std::string>{"partner.com"});
  EXPECT_EQ(c->recipients.min_ratio, 50.0);
  EXPECT_EQ(c->recipients.sensitive_suffixes.size(), 3u);
  EXPECT_FALSE(c->recipients.bundled_domains);
  EXPECT_EQ(c->recipients.two_slip_targets, 100u);
  EXPECT_EQ(c->limits.max_depth, 3);
  EXPECT_EQ(c->limits.max_time.count(), 2500);
  EXPECT_EQ(c->limits.ocr_pages, 4);
  EXPECT_EQ(c->limits.ocr_time.count(), 1500);
  EXPECT_EQ(c->limits.max_ocr_pixels, 1000000u);
}

TEST(ConfigTest, ErrorsNameTheLine) {
  Result<Config> c =
      ParseConfig("organization:\n  domains: [a.mil]\n  trusted_domain: [x]\n", "f.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("f.yaml:3:"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("trusted_domain"), std::string::npos);

  c = ParseConfig("limits:\n  max_depth: deep\n", "f.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("f.yaml:2:"), std::string::npos) << c.status().message();

  c = ParseConfig("limits:\n  max_depth: 1000\n", "f.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("between"), std::string::npos);

  c = ParseConfig("organization: [unclosed\n", "f.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("f.yaml:"), std::string::npos);
}

TEST(ConfigTest, ContentRulesAndDictionaries) {
  Result<Config> c = ParseConfig(
      "content:\n"
      "  disabled: [lat-long]\n"
      "  rules:\n"
      "    - id: contract-number\n"
      "      category: contract\n"
      "      pattern: 'W91[0-9A-Z]{2}-\\d{2}-[A-Z]-\\d{4}'\n"
      "      keywords: [contract]\n"
      "      require_keywords: true\n"
      "      proximity: 100\n"
      "      confidence: high\n"
      "  dictionaries:\n"
      "    - id: code-names\n"
      "      words: [NIGHTJAR, BLUE LANTERN]\n",
      "c.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->content.disabled, std::vector<std::string>{"lat-long"});
  ASSERT_EQ(c->content.rules.size(), 2u);
  const CustomRule& r = c->content.rules[0];
  EXPECT_EQ(r.id, "contract-number");
  EXPECT_EQ(r.category, "contract");
  EXPECT_EQ(r.patterns, std::vector<std::string>{"W91[0-9A-Z]{2}-\\d{2}-[A-Z]-\\d{4}"});
  EXPECT_TRUE(r.require_keywords);
  EXPECT_EQ(r.proximity, 100u);
  EXPECT_EQ(r.confidence, Confidence::kHigh);
  EXPECT_TRUE(c->content.rules[1].dictionary);
  EXPECT_EQ(c->content.rules[1].patterns.size(), 2u);
}

TEST(ConfigTest, ContentErrorsNameTheLine) {
  struct Case {
    const char* yaml;
    const char* needle;
  } cases[] = {
      {"content:\n  rules:\n    - id: x\n      pattern: 'a('\n", "c.yaml:3:"},
      {"content:\n  rules:\n    - id: x\n      pattern: a\n      validator: crc\n",
       "unknown validator"},
      {"content:\n  rules:\n    - id: credit-card\n      pattern: a\n", "already taken"},
      {"content:\n  rules:\n    - id: x\n      pattern: a\n      confidence: sure\n",
       "low, medium or high"},
      {"content:\n  disabled: [lat-lon]\n", "c.yaml:2:"},
      {"content:\n  dictionaries:\n    - id: d\n      pattern: a\n", "unknown key 'pattern'"},
      {"content:\n  rules: {id: x}\n", "must be a list"},
  };
  for (const Case& k : cases) {
    Result<Config> c = ParseConfig(k.yaml, "c.yaml");
    ASSERT_FALSE(c.ok()) << k.yaml;
    EXPECT_NE(c.status().message().find(k.needle), std::string::npos) << c.status().message();
  }
}

TEST(ConfigTest, PolicySection) {
  Result<Config> c = ParseConfig(
      "policy:\n"
      "  mode: audit\n"
      "  on_error: accept\n"
      "  suspect_recipients: remove-recipients\n"
      "  rules:\n"
      "    - name: secret\n"
      "      when:\n"
      "        content: {detectors: [classification-marking], above_level: confidential}\n"
      "      action: reject\n"
      "      reason: classified\n"
      "    - name: typos\n"
      "      when:\n"
      "        recipients: {reasons: [tld-typo, typo, unusual-recipient], min_risk: high, "
      "external: true}\n"
      "        encrypted: false\n"
      "      action: hold\n",
      "p.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const PolicyConfig& p = c->policy;
  EXPECT_EQ(p.mode, PolicyConfig::Mode::kAudit);
  EXPECT_EQ(p.on_error, PolicyConfig::OnError::kAccept);
  EXPECT_EQ(p.suspects, PolicyConfig::Suspects::kRemoveRecipients);
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_EQ(p.rules[0].action, Action::kReject);
  EXPECT_EQ(p.rules[0].content->above_level, "confidential");
  EXPECT_EQ(p.rules[1].recipients->min_risk, Risk::kHigh);
  EXPECT_EQ(p.rules[1].encrypted, false);
  // Without rules the shipped policy applies.
  Result<Config> d = ParseConfig("policy:\n  mode: enforce\n", "p.yaml");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->policy.rules.size(), DefaultRules().size());
}

TEST(ConfigTest, PolicyErrorsNameTheLine) {
  struct Case {
    const char* yaml;
    const char* needle;
  } cases[] = {
      {"policy:\n  rules:\n    - name: a\n      action: drop\n", "p.yaml:4:"},
      {"policy:\n  rules:\n    - name: a\n      when: {recipients: {reasons: [typo, tpyo]}}\n"
       "      action: hold\n",
       "tpyo"},
      {"policy:\n  rules:\n    - name: a\n      when:\n        content: {detectors: "
       "[credit-crad]}\n"
       "      action: hold\n",
       "p.yaml:5: no detector 'credit-crad'"},
      {"policy:\n  rules:\n    - name: a\n      action: hold\n    - name: a\n      action: tag\n",
       "two policy rules"},
      {"policy:\n  rules:\n    - name: a\n", "needs an action"},
      {"policy:\n  mode: loud\n", "p.yaml:2:"},
      {"policy:\n  rules:\n    - name: a\n      when: {sender: x}\n      action: hold\n",
       "unknown key 'sender'"},
  };
  for (const Case& k : cases) {
    Result<Config> c = ParseConfig(k.yaml, "p.yaml");
    ASSERT_FALSE(c.ok()) << k.yaml;
    EXPECT_NE(c.status().message().find(k.needle), std::string::npos) << c.status().message();
  }
  // A rule may name a custom detector defined in the same file.
  Result<Config> ok = ParseConfig(
      "policy:\n  rules:\n    - name: a\n      when: {content: {detectors: [names]}}\n"
      "      action: hold\ncontent:\n  dictionaries:\n    - id: names\n      words: [X]\n",
      "p.yaml");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

}  // namespace
}  // namespace sendguard
