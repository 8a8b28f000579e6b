#include "content/pattern_db.h"

#include <gtest/gtest.h>

#include <thread>
#include <tuple>
#include <vector>

namespace sendguard {
namespace {

using Match = std::tuple<unsigned, std::size_t, std::size_t>;

std::vector<Match> ScanAll(const PatternDb& db, std::string_view text) {
  std::vector<Match> out;
  Result<PatternDb::Scratch> scratch = db.NewScratch();
  EXPECT_TRUE(scratch.ok());
  if (!scratch.ok()) return out;
  Status st = db.Scan(
      text, *scratch,
      [](void* arg, unsigned id, std::size_t from, std::size_t to) {
        static_cast<std::vector<Match>*>(arg)->emplace_back(id, from, to);
      },
      &out);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

TEST(PatternDbTest, ReportsIdsStartsAndEnds) {
  Result<PatternDb> db =
      PatternDb::Compile({{R"(\d{3}-\d{4})", kPatternReportStart}, {"secret", kPatternCaseless}});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(db->size(), 2u);
  std::vector<Match> m = ScanAll(*db, "call 555-0143, SECRET");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], Match(0, 5, 13));
  EXPECT_EQ(m[1], Match(1, 21, 21));  // no start asked for: from == to
}

TEST(PatternDbTest, MultilineAnchors) {
  Result<PatternDb> db = PatternDb::Compile({{"^SECRET$", kPatternMultiline}});
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(ScanAll(*db, "x\nSECRET\ny").size(), 1u);
  Result<PatternDb> plain = PatternDb::Compile({{"^SECRET$", 0}});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(ScanAll(*plain, "x\nSECRET\ny").size(), 0u);
}

TEST(PatternDbTest, CompileErrorsNameThePattern) {
  Result<PatternDb> db = PatternDb::Compile({{"fine", 0}, {"broken(", 0}});
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("broken("), std::string::npos) << db.status().message();
  EXPECT_FALSE(PatternDb::Check({"a{2,1}", 0}).ok());
  EXPECT_TRUE(PatternDb::Check({"a{1,2}", 0}).ok());
  EXPECT_FALSE(PatternDb::Compile({}).ok());
}

TEST(PatternDbTest, ScansFromManyThreadsAndDatabasesAtOnce) {  // a scratch each
  Result<PatternDb> a = PatternDb::Compile({{"needle", 0}});
  Result<PatternDb> b = PatternDb::Compile({{R"(\bhay\w*)", kPatternReportStart}});
  ASSERT_TRUE(a.ok() && b.ok());
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "haystack needle ";
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(8);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        counts[t] += ScanAll(*a, text).size() + ScanAll(*b, text).size();
      }
    });
  }
  for (auto& t : threads) t.join();
  // \bhay\w* ends after "hay", "hays", ... "haystack": 6 matches per word.
  for (std::size_t c : counts) EXPECT_EQ(c, 20u * (1000u + 6000u));
}

}  // namespace
}  // namespace sendguard
