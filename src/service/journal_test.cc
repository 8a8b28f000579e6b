#include "service/journal.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

TEST(DecisionJournalTest, ConcurrentWritersNeverInterleave) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("sendguard_journal_" + std::to_string(::getpid()) + ".jsonl"))
                               .string();
  std::filesystem::remove(path);
  {
    Result<DecisionJournal> j = DecisionJournal::Open(path);
    ASSERT_TRUE(j.ok()) << j.status().ToString();
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
      writers.emplace_back([&, t] {
        const std::string line(2000, static_cast<char>('a' + t));
        for (int i = 0; i < 200; ++i) ASSERT_TRUE(j->Append(line).ok());
      });
    }
    for (std::thread& w : writers) w.join();
  }
  std::ifstream in(path);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    ASSERT_EQ(line.size(), 2000u);
    EXPECT_EQ(line.find_first_not_of(line[0]), std::string::npos) << "interleaved line " << lines;
  }
  EXPECT_EQ(lines, 800);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::others_read,
            std::filesystem::perms::none);
  std::filesystem::remove(path);
}

TEST(DecisionJournalTest, AFileThatCannotBeOpenedIsAnError) {
  Result<DecisionJournal> j = DecisionJournal::Open("/nonexistent-dir/journal.jsonl");
  ASSERT_FALSE(j.ok());
  EXPECT_EQ(j.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(j.status().message().find("/nonexistent-dir/journal.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace sendguard
