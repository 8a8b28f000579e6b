#include "app/app_config.h"

#include <gtest/gtest.h>

namespace sendguard {
namespace {

TEST(AppConfigTest, NoFileIsAllDefaults) {
  Result<AppConfig> c = LoadAppConfig("");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->serve.store, "sendguard.db");
  EXPECT_EQ(c->http.link_ttl_hours, 72);
  EXPECT_EQ(c->relay.url, SmtpRelay().url);
  EXPECT_EQ(c->core.limits.max_depth, Limits().max_depth);
  EXPECT_EQ(c->StoreAddress(""), "sendguard.db");
  EXPECT_EQ(c->StoreAddress("/tmp/x.db"), "/tmp/x.db");
}

TEST(AppConfigTest, TheShippedExampleReads) {
  Result<AppConfig> c =
      LoadAppConfig(std::string(SENDGUARD_SOURCE_DIR) + "/examples/sendguard.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_FALSE(c->core.recipients.own_domains.empty());
  EXPECT_FALSE(c->core.policy.rules.empty());
}

TEST(AppConfigTest, EachSectionGoesToItsOwner) {
  Result<AppConfig> c = ParseAppConfig(
      "organization:\n"
      "  domains: [example.mil]\n"
      "serve:\n"
      "  milter: inet:8890@127.0.0.1\n"
      "  http: 127.0.0.1:8025\n"
      "  store: /var/lib/sendguard/sendguard.db\n"
      "  audit_log: /var/log/sendguard/audit.jsonl\n"
      "  milter_max_connections: 250\n"
      "  milter_idle_timeout_ms: 30000\n"
      "  milter_step_timeout_ms: 5000\n"
      "  learn: false\n"
      "http:\n"
      "  public_url: https://sendguard.example.mil/\n"
      "  api_tokens: [0123456789abcdef0123]\n"
      "  link_ttl_hours: 24\n"
      "delivery:\n"
      "  relay: smtp://127.0.0.1:10026\n"
      "  timeout_ms: 5000\n"
      "notice:\n"
      "  enabled: false\n"
      "  from: postmaster@example.mil\n"
      "limits:\n"
      "  max_depth: 3\n",
      "s.yaml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->core.recipients.own_domains, std::vector<std::string>{"example.mil"});
  EXPECT_EQ(c->core.limits.max_depth, 3);
  EXPECT_EQ(c->serve.milter, "inet:8890@127.0.0.1");
  EXPECT_EQ(c->serve.http, "127.0.0.1:8025");
  EXPECT_EQ(c->serve.store, "/var/lib/sendguard/sendguard.db");
  EXPECT_EQ(c->serve.audit_log, "/var/log/sendguard/audit.jsonl");
  EXPECT_EQ(c->serve.milter_max_connections, 250);
  EXPECT_EQ(c->serve.milter_idle_timeout_ms, 30000);
  EXPECT_EQ(c->serve.milter_step_timeout_ms, 5000);
  EXPECT_FALSE(c->serve.learn);                                    // default true
  EXPECT_EQ(c->http.public_url, "https://sendguard.example.mil");  // trailing slash dropped
  EXPECT_EQ(c->http.api_tokens.size(), 1u);
  EXPECT_EQ(c->http.link_ttl_hours, 24);
  EXPECT_EQ(c->relay.timeout_ms, 5000);
  EXPECT_FALSE(c->notice.enabled);
  EXPECT_EQ(c->notice.from, "postmaster@example.mil");
}

TEST(AppConfigTest, TheCoreReadsTheSameFromEitherParser) {
  const std::string yaml =
      "recipients:\n  min_ratio: 50\npolicy:\n  mode: audit\nlimits:\n  max_time_ms: 2500\n";
  Result<AppConfig> app = ParseAppConfig(yaml, "a.yaml");
  Result<Config> core = ParseConfig(yaml, "a.yaml");
  ASSERT_TRUE(app.ok() && core.ok());
  EXPECT_EQ(app->core.recipients.min_ratio, core->recipients.min_ratio);
  EXPECT_EQ(app->core.policy.mode, PolicyConfig::Mode::kAudit);
  EXPECT_EQ(app->core.limits.max_time.count(), 2500);
  EXPECT_EQ(app->core.policy.rules.size(), core->policy.rules.size());
}

TEST(AppConfigTest, FrontEndErrorsNameTheLine) {
  struct Case {
    const char* yaml;
    const char* line;
    const char* words;
  } cases[] = {
      {"http:\n  api_tokens: [short]\n", "b.yaml:2:", "16 characters"},
      {"http:\n  tls_cert: /c.pem\n", "b.yaml:2:", "go together"},
      {"http:\n  public_url: ftp://x\n", "b.yaml:2:", "https://"},
      {"http:\n  link_ttl_hours: 0\n", "b.yaml:2:", "between"},
      {"http:\n  trusted_proxies: [proxy.example.mil]\n", "b.yaml:2:", "IP addresses"},
      {"http:\n  header_timeout_seconds: 30\n  request_timeout_seconds: 20\n",
       "b.yaml:2:", "at least header_timeout_seconds"},
      {"http:\n  max_connections_per_client: 0\n", "b.yaml:2:", "between"},
      {"delivery:\n  relay: http://127.0.0.1:25\n", "b.yaml:2:", "smtp://"},
      {"notice:\n  enabled: maybe\n", "b.yaml:2:", "wrong type"},
      {"serve:\n  milter: inet:1@h\n  sotre: x.db\n", "b.yaml:3:", "unknown key 'sotre'"},
      {"organization: {}\nhttps:\n  x: 1\n", "b.yaml:2:", "unknown key 'https'"},
      {"policy:\n  rules:\n    - name: r\n      when: {content: {detectors: [nope]}}\n"
       "      action: hold\n",
       "b.yaml:4:", "no detector 'nope'"},
  };
  for (const Case& k : cases) {
    Result<AppConfig> c = ParseAppConfig(k.yaml, "b.yaml");
    ASSERT_FALSE(c.ok()) << k.yaml;
    EXPECT_NE(c.status().message().find(k.line), std::string::npos) << c.status().message();
    EXPECT_NE(c.status().message().find(k.words), std::string::npos) << c.status().message();
  }
}

TEST(AppConfigTest, ConnectionLimitsAreRead) {
  Result<AppConfig> c = ParseAppConfig(
      "http:\n  trusted_proxies: [127.0.0.1, '::1']\n  header_timeout_seconds: 5\n"
      "  request_timeout_seconds: 60\n  max_connections_per_client: 3\n",
      "c.yaml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->http.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(c->http.header_timeout_seconds, 5);
  EXPECT_EQ(c->http.request_timeout_seconds, 60);
  EXPECT_EQ(c->http.max_connections_per_client, 3u);
}

TEST(AppConfigTest, AKeyGivenTwiceNamesBothLines) {
  Result<AppConfig> c =
      ParseAppConfig("policy:\n  mode: enforce\n  on_error: tempfail\n  mode: audit\n", "d.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("d.yaml:4:"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("'mode' is given twice"), std::string::npos);
  EXPECT_NE(c.status().message().find("first on line 2"), std::string::npos);
  c = ParseAppConfig("http:\n  link_ttl_hours: 1\nnotice: {}\nhttp:\n  link_ttl_hours: 2\n",
                     "d.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("'http' is given twice"), std::string::npos);
}

TEST(AppConfigTest, AnOversizeFileIsRefusedUnread) {
  std::string huge = "organization:\n  domains: [" + std::string(2 << 20, 'a') + "]\n";
  Result<AppConfig> c = ParseAppConfig(huge, "big.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("big.yaml: larger than"), std::string::npos)
      << c.status().message().substr(0, 200);
}

TEST(AppConfigTest, AMissingFileIsAnError) {
  Result<AppConfig> c = LoadAppConfig("/nonexistent/sendguard.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("/nonexistent/sendguard.yaml"), std::string::npos);
}

}  // namespace
}  // namespace sendguard
