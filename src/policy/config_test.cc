#include "policy/config.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(ConfigTest, EmptyConfigIsAllDefaults) {
  Result<Config> c = ParseConfig("", "empty.yaml");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->limits.max_depth, Limits().max_depth);
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
      "limits:\n"
      "  max_depth: 3\n"
      "  max_time_ms: 2500\n",
      "sendguard.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->recipients.own_domains, std::vector<std::string>{"example.mil"});
  EXPECT_EQ(c->recipients.trusted_domains, std::vector<std::string>{"partner.com"});
  EXPECT_EQ(c->recipients.min_ratio, 50.0);
  EXPECT_EQ(c->recipients.sensitive_suffixes.size(), 3u);
  EXPECT_EQ(c->limits.max_depth, 3);
  EXPECT_EQ(c->limits.max_time.count(), 2500);
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

}  // namespace
}  // namespace sendguard
