// `sendguard audit` end to end: generated logs with known typo deliveries,
// read by the binary; its --json, --csv and --report output checked against
// the generator's truth.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/maillog_generator.h"

namespace sendguard {
namespace {

using nlohmann::json;

struct CliRun {
  std::string out;
  int status = -1;
};

CliRun RunAudit(const std::string& args) {
  std::string cmd = std::string(SENDGUARD_BINARY) + " audit " + args + " 2>/dev/null";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  while (std::fgets(buf, sizeof(buf), p) != nullptr) r.out += buf;
  r.status = pclose(p);
  return r;
}

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sendguard_audit_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const testing::MaillogOptions& o, const std::string& name,
                    testing::MaillogTruth* truth) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    *truth = testing::WriteMaillog(o, out);
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(AuditCliTest, JsonMatchesTheTruthForEachFormat) {
  for (LogFormat format : {LogFormat::kPostfix, LogFormat::kExim, LogFormat::kSendmail}) {
    testing::MaillogOptions o;
    o.format = format;
    o.messages = 4000;
    o.typos = {{"army.ml", 27, 18}, {"contso.com", 9, 4}};
    testing::MaillogTruth truth;
    std::string path = Write(o, "maillog", &truth);
    CliRun r = RunAudit("--json --year 2026 '" + path + "'");
    ASSERT_EQ(r.status, 0) << r.out;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<json> objects;
    while (std::getline(lines, line)) objects.push_back(json::parse(line));
    ASSERT_EQ(objects.size(), 3u) << r.out;  // two domains, then the summary
    for (std::size_t i = 0; i < 2; ++i) {
      const json& j = objects[i];
      const testing::TypoTruth& t = truth.typos.at(j.at("domain").get<std::string>());
      EXPECT_EQ(j.at("messages"), t.messages);
      EXPECT_EQ(j.at("senders"), t.senders.size());
      EXPECT_EQ(j.at("sender_addresses").get<std::set<std::string>>(), t.senders);
      EXPECT_EQ(j.at("recipients").get<std::set<std::string>>(), t.recipients);
      EXPECT_EQ(j.at("first_seen"), t.first_seen);
      EXPECT_EQ(j.at("last_seen"), t.last_seen);
      EXPECT_EQ(j.at("relays").get<std::set<std::string>>(), t.relays);
    }
    EXPECT_EQ(objects[0].at("domain"), "army.ml");  // most messages first
    EXPECT_EQ(objects[0].at("intended"), "army.mil");
    EXPECT_EQ(objects[0].at("reason"), "tld-typo");
    EXPECT_EQ(objects[1].at("intended"), "contoso.com");
    const json& sum = objects[2].at("summary");
    EXPECT_EQ(sum.at("suspect_messages"), 36);
    EXPECT_EQ(sum.at("malformed_lines"), truth.malformed);
    EXPECT_EQ(sum.at("lines"), truth.lines);
  }
}

TEST_F(AuditCliTest, CsvTableAndHtmlReport) {
  testing::MaillogOptions o;
  o.messages = 2000;
  o.typos = {{"army.ml", 11, 3}};
  testing::MaillogTruth truth;
  std::string path = Write(o, "maillog", &truth);
  CliRun csv = RunAudit("--csv --year 2026 '" + path + "'");
  ASSERT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("domain,intended,reason,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\narmy.ml,army.mil,tld-typo,high,11,"), std::string::npos) << csv.out;
  std::string report = (dir_ / "report.html").string();
  CliRun table = RunAudit("--year 2026 --report '" + report + "' '" + path + "'");
  ASSERT_EQ(table.status, 0);
  EXPECT_NE(table.out.find("army.ml"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("11 suspect messages"), std::string::npos) << table.out;
  std::ifstream in(report);
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(html.find("<svg id=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("army.ml"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);  // self-contained, static
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST_F(AuditCliTest, BadArguments) {
  EXPECT_NE(RunAudit("--since yesterday /dev/null").status, 0);
  CliRun missing = RunAudit("/nonexistent/maillog");
  EXPECT_NE(missing.status, 0);
}

}  // namespace
}  // namespace sendguard
