#include "mail/mbox.h"

#include <gtest/gtest.h>

#include <vector>

namespace sendguard {
namespace {

std::vector<std::string> Split(std::string_view data) {
  MboxReader reader(data);
  std::vector<std::string> out;
  std::string_view m;
  while (reader.Next(&m)) out.emplace_back(m);
  return out;
}

TEST(MboxTest, SplitsAtSeparatorLines) {
  auto msgs = Split(
      "From a@x Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody one\n\n"
      "From b@y Mon Jan  1 00:00:01 2024\nSubject: two\n\nbody two\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "Subject: one\n\nbody one\n");
  EXPECT_EQ(msgs[1], "Subject: two\n\nbody two\n");
}

TEST(MboxTest, UnescapedFromInBodySplitsButLosesNothing) {
  auto msgs = Split("From a@x\nSubject: s\n\nline\nFrom here on\nmore\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "Subject: s\n\nline");
  EXPECT_EQ(msgs[1], "more\n");
}

TEST(MboxTest, SeparatorWithoutBlankLineBefore) {
  auto msgs = Split("preamble\nFrom - \nFrom: a\n\nx\nFrom - \nFrom: b\n\ny\n");
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[1], "From: a\n\nx");
  EXPECT_EQ(msgs[2], "From: b\n\ny\n");
}

TEST(MboxTest, DetectsByContentOrName) {
  EXPECT_TRUE(LooksLikeMbox("From a@x Mon\n"));
  EXPECT_TRUE(LooksLikeMbox("anything", "Sent.mbox"));
  EXPECT_FALSE(LooksLikeMbox("From: a@x\n", "a.eml"));
}

TEST(MboxTest, UnquotesMboxrd) {
  auto msgs = Split("From a@x\nSubject: s\n\n>From me\n>>From you\n");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0], "Subject: s\n\nFrom me\n>From you\n");
}

TEST(MboxTest, CrlfSeparators) {
  auto msgs = Split("From a@x\r\nSubject: 1\r\n\r\nb\r\n\r\nFrom b@y\r\nSubject: 2\r\n\r\nc\r\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "Subject: 1\r\n\r\nb\r\n");
}

TEST(MboxTest, OddInputNeverFails) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("From ").empty());
  EXPECT_EQ(Split("From x\n").size(), 0u);
  EXPECT_EQ(Split("junk before\n\nFrom x\nSubject: a\n\nb\n").size(), 2u);
}

}  // namespace
}  // namespace sendguard
