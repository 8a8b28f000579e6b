#include "formats/printable_strings.h"

#include <gtest/gtest.h>

#include "util/utf8.h"

namespace sendguard {
namespace {

using namespace std::string_literals;  // NOLINT

TEST(PrintableStringsTest, KeepsRunsOfSixOrMore) {
  EXPECT_EQ(PrintableStrings("\x01\x02SECRET//NOFORN\xff\x00short\x03password: x\x04"s),
            "SECRET//NOFORN\npassword: x\n");
  EXPECT_EQ(PrintableStrings("\x01"
                             "abcde"
                             "\x02"),
            "");
  EXPECT_EQ(PrintableStrings("abc", 3), "abc\n");
}

TEST(PrintableStringsTest, KeepsWellFormedUtf8AndSplitsAtBrokenBytes) {
  // "Geheim: Müller" is one run; a lone continuation byte ends one.
  EXPECT_EQ(PrintableStrings("\x05Geheim: M\xc3\xbcller\x80tail-end"),
            "Geheim: M\xc3\xbcller\ntail-end\n");
  // An overlong encoding of '/' is no character.
  EXPECT_EQ(PrintableStrings("SECRET\xc0\xafNOFORN"), "SECRET\nNOFORN\n");
}

TEST(PrintableStringsTest, FindsUtf16TextInEitherByteOrder) {
  const std::string le = "\x01\x02S\0E\0C\0R\0E\0T\0/\0/\0N\0F\0\xff\xff"s;
  EXPECT_NE(PrintableStrings(le).find("SECRET//NF"), std::string::npos) << PrintableStrings(le);
  const std::string be = "\x01\0S\0E\0C\0R\0E\0T\0/\0/\0N\0F\xff\xff"s;
  EXPECT_NE(PrintableStrings(be).find("SECRET//NF"), std::string::npos) << PrintableStrings(be);
}

TEST(PrintableStringsTest, OutputIsValidUtf8) {
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919) % 251));
  EXPECT_TRUE(IsValidUtf8(PrintableStrings(noise)));
}

}  // namespace
}  // namespace sendguard

namespace sendguard {
namespace {

TEST(PrintableStringsTest, FindsEveryPlantedRunWhateverItsOffset) {
  // The pass skips ahead over bytes that cannot end a run: a run at any
  // offset and of exactly the minimum length must still be found.
  std::string noise;
  for (int i = 0; i < 64; ++i) noise.push_back(static_cast<char>((i * 37 + 11) % 256));
  for (std::size_t offset = 0; offset < 16; ++offset) {
    for (const std::string& run : {std::string("ABCDEF"), std::string("SECRET//NOFORN")}) {
      std::string le;
      for (char c : run) le += std::string{c, '\0'};
      for (const std::string& planted :
           {run, le, "\x01" + std::string(1, '\0') + le.substr(0, le.size() - 1)}) {
        const std::string data = noise.substr(0, offset) + "\x01" + planted + "\x02" + noise;
        EXPECT_NE(PrintableStrings(data).find(run), std::string::npos)
            << "offset " << offset << " run " << run << " size " << planted.size();
      }
    }
  }
}

}  // namespace
}  // namespace sendguard
