#include "mail/charset.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace sendguard {
namespace {

TEST(CharsetTest, ConvertsDeclaredCharsets) {
  EXPECT_EQ(ToUtf8("caf\xE9", "iso-8859-1"), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8("\x80", "ISO-8859-1"), "\xE2\x82\xAC");  // read as windows-1252
  EXPECT_EQ(ToUtf8("\xEF\xF0\xE8\xE2\xE5\xF2", "windows-1251"),
            "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_EQ(ToUtf8("\xD0\xD2\xC9\xD7\xC5\xD4", "koi8-r"),
            "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
  EXPECT_EQ(ToUtf8("\xC4\xE3\xBA\xC3", "gb2312"), "\xE4\xBD\xA0\xE5\xA5\xBD");
}

TEST(CharsetTest, Utf8DeclaredWithBadBytesGetsReplacementCharacters) {
  EXPECT_EQ(ToUtf8("secret \xFF\xFE code", "utf-8"), "secret \xEF\xBF\xBD\xEF\xBF\xBD code");
}

TEST(CharsetTest, UnknownOrMissingCharsetFallsBack) {
  EXPECT_EQ(ToUtf8("caf\xC3\xA9", ""), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8("caf\xE9", ""), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8("caf\xE9", "x-no-such-charset"), "caf\xC3\xA9");
}

TEST(CharsetTest, ByteOrderMarksSelectUtf16) {
  EXPECT_EQ(ToUtf8(std::string("\xFF\xFEh\0i\0", 6), ""), "hi");
  EXPECT_EQ(ToUtf8(std::string("\xFE\xFF\0h\0i", 6), "utf-8"), "hi");
  EXPECT_EQ(ToUtf8("\xEF\xBB\xBFhi", ""), "hi");
}

TEST(CharsetTest, ThreadsConvertingAtOnceGetTheSameText) {
  // Converters are lent from one pool, one thread at a time.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (ToUtf8("\xD0\xD2\xC9\xD7\xC5\xD4", "koi8-r") !=
                "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82" ||
            ToUtf8("caf\xE9", "iso-8859-1") != "caf\xC3\xA9" ||
            ToUtf8("caf\xE9", "x-no-such-charset") != "caf\xC3\xA9") {
          wrong.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace sendguard
