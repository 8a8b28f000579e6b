#include "formats/archive_members.h"

#include <gtest/gtest.h>

#include "tests/fixtures.h"

namespace sendguard {
namespace {

using testing::MakeZip;

std::vector<std::pair<std::string, std::string>> ReadAll(const std::string& data, MessageData* d,
                                                         const Limits& limits = {}) {
  Budget budget(limits, d);
  std::vector<std::pair<std::string, std::string>> out;
  ReadArchive(
      data, "attachment:a.zip", "", budget, [](std::string_view) { return true; },
      [&](const ArchiveMember& m) { out.emplace_back(m.name, std::string(m.data)); });
  return out;
}

TEST(ArchiveReaderTest, ReadsMembersInOrder) {
  MessageData d;
  auto members = ReadAll(MakeZip({{"a.txt", "alpha"}, {"dir/b.txt", "beta"}}), &d);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0], (std::pair<std::string, std::string>{"a.txt", "alpha"}));
  EXPECT_EQ(members[1], (std::pair<std::string, std::string>{"dir/b.txt", "beta"}));
  EXPECT_TRUE(d.limit_hits.empty());
}

TEST(ArchiveReaderTest, FilterSkipsMembers) {
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  std::vector<std::string> names;
  ReadArchive(
      MakeZip({{"keep.xml", "k"}, {"skip.bin", "s"}}), "x", "", budget,
      [](std::string_view n) { return n == "keep.xml"; },
      [&](const ArchiveMember& m) { names.push_back(m.name); });
  EXPECT_EQ(names, std::vector<std::string>{"keep.xml"});
}

TEST(ArchiveReaderTest, MemberSizeLimitCutsTheMember) {
  MessageData d;
  Limits limits;
  limits.max_member_bytes = 1000;
  limits.max_expansion_ratio = 1e9;
  auto members = ReadAll(MakeZip({{"big.txt", std::string(100000, 'z')}}), &d, limits);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].second.size(), 1000u);
  ASSERT_EQ(d.limit_hits.size(), 1u);
  EXPECT_EQ(d.limit_hits[0].limit, "member-size");
  EXPECT_EQ(d.limit_hits[0].where, "attachment:a.zip/big.txt");
}

TEST(ArchiveReaderTest, ExpansionRatioStopsBombs) {
  MessageData d;
  Limits limits;
  limits.max_expansion_floor = 1000;
  limits.max_expansion_ratio = 10;
  ReadAll(MakeZip({{"zeros", std::string(1 << 20, '\0')}}), &d, limits);
  ASSERT_FALSE(d.limit_hits.empty());
  EXPECT_EQ(d.limit_hits[0].limit, "expansion-ratio");
}

TEST(ArchiveReaderTest, GarbageIsADefect) {
  MessageData d;
  auto members = ReadAll("PK\x03\x04 this is not really a zip archive at all", &d);
  EXPECT_TRUE(members.empty());
  ASSERT_FALSE(d.defects.empty());
}

}  // namespace
}  // namespace sendguard
