// Every message of the shared corpus (real test messages of rspamd,
// mailparser and GMime) parses, within the limits.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "mail/message_source.h"
#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

TEST(CorpusTest, EveryMessageParses) {
  std::string dir = testing::CorpusDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/corpus not present";
  int messages = 0, errors = 0;
  ForEachMessage(
      dir,
      [&](const std::string& source, std::string_view raw) {
        ++messages;
        auto start = std::chrono::steady_clock::now();
        Result<Message> m = ParseMessage(raw);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        if (!m.ok()) ++errors;
        EXPECT_LT(ms.count(), 10000) << source;
      },
      [&](const std::string& source, const Status& s) { ADD_FAILURE() << source << s.ToString(); });
  EXPECT_GT(messages, 350);  // 212 rspamd + 10 mailparser + 152 jwz.mbox, minus non-messages
  EXPECT_EQ(errors, 0);
}

TEST(CorpusTest, JwzMboxHoldsItsMessages) {
  std::string dir = testing::CorpusDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/corpus not present";
  int n = 0;
  ForEachMessage(
      dir + "/gmime/jwz.mbox", [&](const std::string&, std::string_view) { ++n; },
      [](const std::string&, const Status&) {});
  EXPECT_GE(n, 100);
}

TEST(CorpusTest, HostileMailparserFixturesFinishWithinLimits) {
  std::string dir = testing::CorpusDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/corpus not present";
  for (const char* name : {"outofmemory.eml", "htmllargecallstack.eml", "large_text.eml"}) {
    std::string raw;
    ForEachMessage(
        dir + "/mailparser/" + name,
        [&](const std::string&, std::string_view r) { raw = std::string(r); },
        [](const std::string&, const Status&) {});
    ASSERT_FALSE(raw.empty()) << name;
    auto start = std::chrono::steady_clock::now();
    Result<Message> m = ParseMessage(raw);
    auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(m.ok()) << name;
    EXPECT_LT(elapsed, std::chrono::seconds(10)) << name;
    std::size_t text = 0;
    for (const TextSegment& t : m->texts()) text += t.text.size();
    EXPECT_LE(text, Limits().max_text_bytes) << name;
  }
}

}  // namespace
}  // namespace sendguard
