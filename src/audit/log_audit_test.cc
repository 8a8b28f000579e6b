#include "audit/log_audit.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "recipients/domain.h"
#include "tests/fixtures.h"
#include "tests/maillog_generator.h"

namespace sendguard {
namespace {

using testing::MaillogOptions;
using testing::MaillogTruth;
using testing::TypoTraffic;

const std::vector<TypoTraffic> kTypos = {
    {"army.ml", 27, 18}, {"contso.com", 12, 5}, {"usaf.mil", 7, 7}, {"c\xCE\xBFntoso.com", 4, 2}};

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("sendguard_audit_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

std::string Ascii(const std::string& domain) {
  Result<DomainName> d = ParseDomain(domain);
  return d.ok() ? d->ascii : domain;
}

struct Generated {
  std::string path;
  MaillogTruth truth;
};

Generated Generate(const MaillogOptions& o, const std::string& name, bool gzip = false) {
  std::ostringstream text;
  Generated g{TempPath(name), testing::WriteMaillog(o, text)};
  std::ofstream(g.path, std::ios::binary) << (gzip ? testing::MakeGzip(text.str()) : text.str());
  return g;
}

void ExpectMatchesTruth(const AuditReport& report, const MaillogTruth& truth) {
  ASSERT_EQ(report.suspects.size(), truth.typos.size());
  for (const auto& [domain, t] : truth.typos) {
    std::string ascii = Ascii(domain);
    auto it = std::find_if(report.suspects.begin(), report.suspects.end(),
                           [&](const SuspectDomain& s) { return s.domain == ascii; });
    ASSERT_NE(it, report.suspects.end()) << domain << " not reported";
    EXPECT_EQ(it->messages, t.messages) << domain;
    EXPECT_EQ(it->deliveries, t.deliveries) << domain;
    EXPECT_EQ(it->senders, t.senders) << domain;
    EXPECT_EQ(it->first_seen, t.first_seen) << domain;
    EXPECT_EQ(it->last_seen, t.last_seen) << domain;
    EXPECT_EQ(it->per_day, t.per_day) << domain;
    std::set<std::string> relays;
    for (const std::string& r : t.relays) relays.insert(Ascii(r));
    std::set<std::string> recipients;
    for (const std::string& r : t.recipients) recipients.insert(r);
    EXPECT_EQ(it->relays.size(), relays.size()) << domain;
    EXPECT_EQ(it->recipient_count, recipients.size()) << domain;
  }
  EXPECT_EQ(report.summary.read.lines, truth.lines);
  EXPECT_EQ(report.summary.read.malformed, truth.malformed);
  EXPECT_EQ(report.summary.read.deliveries, truth.deliveries);
}

const SuspectDomain* Find(const AuditReport& r, const std::string& domain) {
  for (const SuspectDomain& s : r.suspects)
    if (s.domain == domain) return &s;
  return nullptr;
}

class LogAuditFormatTest : public ::testing::TestWithParam<std::tuple<LogFormat, bool, bool>> {};

TEST_P(LogAuditFormatTest, ReportsExactlyTheTypoDeliveries) {
  auto [format, iso, gzip] = GetParam();
  MaillogOptions o;
  o.format = format;
  o.iso_time = iso;
  o.seed = 7 + static_cast<int>(format);
  o.messages = 6000;
  o.typos = kTypos;
  o.malformed_every = 700;
  Generated g = Generate(o, "log" + std::to_string(static_cast<int>(format)), gzip);
  AuditInput in{g.path, SentFormat{format}};
  AuditOptions options;
  options.read.year = YearHint{2026, 12};
  AuditReport report = RunAudit({in}, RecipientOptions{}, nullptr, options);
  std::filesystem::remove(g.path);
  ASSERT_TRUE(report.summary.errors.empty()) << report.summary.errors.front();
  ExpectMatchesTruth(report, g.truth);
  ASSERT_NE(Find(report, "army.ml"), nullptr);
  EXPECT_EQ(Find(report, "army.ml")->intended, "army.mil");
  EXPECT_EQ(Find(report, "army.ml")->reason, "tld-typo");
  EXPECT_EQ(Find(report, "army.ml")->senders.size(), 18u);
  ASSERT_NE(Find(report, "contso.com"), nullptr);
  EXPECT_EQ(Find(report, "contso.com")->intended, "contoso.com");
  ASSERT_NE(Find(report, "usaf.mil"), nullptr);
  EXPECT_EQ(Find(report, "usaf.mil")->intended, "us.af.mil");
  EXPECT_EQ(Find(report, "usaf.mil")->reason, "missing-dot");
  const SuspectDomain* homoglyph = Find(report, Ascii("c\xCE\xBFntoso.com"));
  ASSERT_NE(homoglyph, nullptr);
  EXPECT_EQ(homoglyph->reason, "homoglyph");
  // Near domains with comparable traffic are both legitimate.
  EXPECT_EQ(Find(report, "partner11.com"), nullptr);
  EXPECT_EQ(Find(report, "partner1.com"), nullptr);
  // Totals per intended domain.
  ASSERT_FALSE(report.intended.empty());
  EXPECT_EQ(report.intended.front().domain, "army.mil");
  EXPECT_EQ(report.intended.front().messages, 27u);
  EXPECT_EQ(report.summary.suspect_domains, 4u);
  EXPECT_EQ(report.summary.suspect_messages, 27u + 12 + 7 + 4);
}

INSTANTIATE_TEST_SUITE_P(Formats, LogAuditFormatTest,
                         ::testing::Values(std::make_tuple(LogFormat::kPostfix, false, false),
                                           std::make_tuple(LogFormat::kPostfix, true, true),
                                           std::make_tuple(LogFormat::kExim, false, false),
                                           std::make_tuple(LogFormat::kExim, false, true),
                                           std::make_tuple(LogFormat::kSendmail, false, false)),
                         [](const ::testing::TestParamInfo<LogAuditFormatTest::ParamType>& info) {
                           LogFormat f = std::get<0>(info.param);
                           std::string name = f == LogFormat::kPostfix ? "Postfix"
                                              : f == LogFormat::kExim  ? "Exim"
                                                                       : "Sendmail";
                           if (std::get<1>(info.param)) name += "Iso";
                           if (std::get<2>(info.param)) name += "Gzip";
                           return name;
                         });

TEST(LogAuditTest, SinceSkipsEarlierDeliveries) {
  MaillogOptions o;
  o.messages = 3000;
  o.typos = {{"army.ml", 40, 10}};
  Generated g = Generate(o, "since");
  AuditOptions options;
  options.read.year = YearHint{2026, 12};
  options.since = "2026-10-16";
  AuditReport report = RunAudit({{g.path, SentFormat{LogFormat::kPostfix}}}, {}, nullptr, options);
  std::filesystem::remove(g.path);
  std::uint64_t expected = 0;
  for (const auto& [day, n] : g.truth.typos["army.ml"].per_day)
    if (day >= "2026-10-16") expected += n;
  ASSERT_GT(expected, 0u);
  ASSERT_LT(expected, 40u);
  ASSERT_EQ(report.suspects.size(), 1u);
  EXPECT_EQ(report.suspects[0].messages, expected);
  EXPECT_GE(report.suspects[0].first_seen, "2026-10-16 00:00:00");
  EXPECT_GT(report.summary.before_since, 0u);
}

TEST(LogAuditTest, GivenHistoryIsUsedInsteadOfLearning) {
  MaillogOptions o;
  o.messages = 500;
  o.typos = {{"partner12.com", 30, 3}};
  Generated g = Generate(o, "history");
  AuditOptions options;
  options.read.year = YearHint{2026, 12};
  // Learned from the log alone, partner12.com (30) sits beside partner1.com
  // and partner11.com with comparable traffic: legitimate.
  AuditReport learned = RunAudit({{g.path, SentFormat{LogFormat::kPostfix}}}, {}, nullptr, options);
  EXPECT_EQ(Find(learned, "partner12.com"), nullptr);
  // A history where partner11.com is heavily established makes it a typo.
  History h;
  h.Add("partner11.com", 50000);
  h.Finish();
  AuditReport given = RunAudit({{g.path, SentFormat{LogFormat::kPostfix}}}, {}, &h, options);
  std::filesystem::remove(g.path);
  EXPECT_FALSE(given.summary.learned_history);
  const SuspectDomain* s = Find(given, "partner12.com");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->intended, "partner11.com");
  EXPECT_EQ(s->messages, 30u);
}

TEST(LogAuditTest, UnreadableInputIsReportedAndOthersAudited) {
  MaillogOptions o;
  o.messages = 500;
  o.typos = {{"army.ml", 3, 1}};
  Generated g = Generate(o, "ok");
  std::string bad = TempPath("bad.gz");
  const char kBadGzip[] = "\x1f\x8b\x08\x00garbage that is not deflate";
  std::ofstream(bad, std::ios::binary) << std::string(kBadGzip, sizeof(kBadGzip) - 1);
  AuditOptions options;
  options.read.year = YearHint{2026, 12};
  AuditReport r =
      RunAudit({{bad, SentFormat{LogFormat::kPostfix}}, {g.path, SentFormat{LogFormat::kPostfix}}},
               {}, nullptr, options);
  std::filesystem::remove(g.path);
  std::filesystem::remove(bad);
  EXPECT_EQ(r.summary.errors.size(), 1u);
  ASSERT_NE(Find(r, "army.ml"), nullptr);
  EXPECT_EQ(Find(r, "army.ml")->messages, 3u);
}

TEST(LogAuditTest, SentMailboxes) {
  std::string mbox;
  for (int i = 0; i < 60; ++i) {
    std::string to = i % 20 == 0 ? "ops@army.ml" : "ops" + std::to_string(i) + "@army.mil";
    mbox +=
        "From alice@example.org Mon Nov  2 10:00:00 2026\n"
        "From: Alice <alice@example.org>\nTo: " +
        to + "\nSubject: s\nDate: Mon, 2 Nov 2026 10:00:" + (i < 10 ? "0" : "") +
        std::to_string(i) + " +0100\nMessage-ID: <m" + std::to_string(i) +
        "@example.org>\n\nbody\n\n";
  }
  std::string path = TempPath("sent.mbox");
  std::ofstream(path, std::ios::binary) << mbox;
  AuditReport r = RunAudit({{path, SentFormat{}}}, {}, nullptr, {});
  std::filesystem::remove(path);
  ASSERT_EQ(r.suspects.size(), 1u);
  EXPECT_EQ(r.suspects[0].domain, "army.ml");
  EXPECT_EQ(r.suspects[0].messages, 3u);
  EXPECT_EQ(r.suspects[0].senders, std::set<std::string>{"alice@example.org"});
  EXPECT_EQ(r.suspects[0].first_seen, "2026-11-02 10:00:00");
  EXPECT_EQ(r.suspects[0].last_seen, "2026-11-02 10:00:40");
  EXPECT_EQ(r.summary.read.messages, 60u);
}

}  // namespace
}  // namespace sendguard
