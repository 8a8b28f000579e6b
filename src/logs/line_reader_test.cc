#include "logs/line_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "tests/fixtures.h"

namespace sendguard {
namespace {

std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sendguard_lines_" + std::to_string(::getpid()) + "_" + name))
                         .string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<std::string> Lines(const std::string& path, std::size_t max_line = 64 * 1024) {
  std::vector<std::string> out;
  Status s = ForEachLine(
      path, [&](std::string_view l) { out.emplace_back(l); }, max_line);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

TEST(LineReaderTest, PlainAndGzip) {
  std::string text = "one\r\ntwo\nthree";
  std::string plain = TempFile("plain.log", text);
  std::string gz = TempFile("rotated.log.gz", testing::MakeGzip(text));
  EXPECT_EQ(Lines(plain), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(Lines(gz), (std::vector<std::string>{"one", "two", "three"}));
  std::filesystem::remove(plain);
  std::filesystem::remove(gz);
}

TEST(LineReaderTest, HeadReadsOnlyTheStart) {
  std::string gz =
      TempFile("head.log.gz", testing::MakeGzip("first line\n" + std::string(100000, 'x')));
  Result<std::string> head = ReadHead(gz, 16);
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  EXPECT_EQ(*head, "first line\nxxxxx");
  std::filesystem::remove(gz);
  EXPECT_FALSE(ReadHead("/nonexistent/x.log", 16).ok());
}

TEST(LineReaderTest, LongLinesAreCut) {
  std::string path = TempFile("long.log", std::string(200000, 'x') + "\nshort\n");
  std::vector<std::string> lines = Lines(path, 1000);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].size(), 1000u);
  EXPECT_EQ(lines[1], "short");
  std::filesystem::remove(path);
}

TEST(LineReaderTest, EmptyAndMissingFiles) {
  std::string empty = TempFile("empty.log", "");
  EXPECT_TRUE(Lines(empty).empty());
  std::filesystem::remove(empty);
  EXPECT_FALSE(ForEachLine("/nonexistent/x.log", [](std::string_view) {}).ok());
}

}  // namespace
}  // namespace sendguard
