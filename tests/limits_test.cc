// Hostile and malformed input: every case ends with a reported limit, a
// recorded defect or a clear error, never a crash or a hang.

#include <gtest/gtest.h>

#include <chrono>

#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using namespace sendguard::testing;  // NOLINT

TEST(LimitsTest, TruncatedBase64IsReportedAndDecodedAsFarAsPossible) {
  std::string encoded = Base64("The quick brown fox jumps over the lazy dog");
  encoded.resize(encoded.size() - 3);
  Message m = ParseOk(MakeMessage("a@b.org", "b64", {{"text/plain", "base64", "", encoded}}));
  EXPECT_TRUE(HasDefect(m, "truncated-base64"));
  EXPECT_NE(m.AllText().find("quick brown fox"), std::string::npos);
}

TEST(LimitsTest, BoundaryThatNeverClosesKeepsTheText) {
  std::string raw =
      "To: a@b.org\r\nContent-Type: multipart/mixed; boundary=never\r\n\r\n--never\r\n"
      "Content-Type: text/plain\r\n\r\nfirst part\r\n--never\r\nContent-Type: text/plain\r\n\r\n"
      "second part, cut off";
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasDefect(m, "truncated-message")) << m.defects().size();
  EXPECT_NE(m.AllText().find("first part"), std::string::npos);
  EXPECT_NE(m.AllText().find("second part, cut off"), std::string::npos);
}

TEST(LimitsTest, InvalidUtf8EverywhereBecomesReplacementCharacters) {
  std::string raw =
      "To: a@b.org\r\nSubject: bad \xFF\xFE subject\r\nContent-Type: text/plain; charset=utf-8\r\n"
      "\r\nbody \xC3\x28 \xED\xA0\x80 end\r\n";
  Message m = ParseOk(raw);
  for (const TextSegment& t : m.texts()) {
    for (std::size_t i = 0; i < t.text.size(); ++i) {
      ASSERT_NE(static_cast<unsigned char>(t.text[i]), 0xFF);
    }
  }
  EXPECT_NE(m.AllText().find("body \xEF\xBF\xBD( "), std::string::npos) << m.AllText();
  EXPECT_NE(m.AllText().find("end"), std::string::npos);
}

TEST(LimitsTest, TenLevelNestedZipStopsAtTheDepthLimit) {
  std::string zip = MakeZip({{"level10.txt", "bottom of the well"}});
  for (int level = 9; level >= 1; --level) {
    zip = MakeZip({{"level" + std::to_string(level) + ".zip", zip}});
  }
  Message m =
      ParseOk(MakeMessage("a@b.org", "nested", {Attachment("application/zip", "top.zip", zip)}));
  EXPECT_TRUE(HasLimit(m, "depth"));
  EXPECT_EQ(m.AllText().find("bottom of the well"), std::string::npos);

  Limits deep;
  deep.max_depth = 12;
  Message all = ParseOk(
      MakeMessage("a@b.org", "nested", {Attachment("application/zip", "top.zip", zip)}), deep);
  EXPECT_FALSE(HasLimit(all, "depth"));
  EXPECT_NE(all.AllText().find("bottom of the well"), std::string::npos);
}

TEST(LimitsTest, GigabyteZipBombIsStoppedQuickly) {
  std::string bomb = MakeZeroZip(std::size_t{1} << 30);
  ASSERT_LT(bomb.size(), 16u << 20);
  std::string raw =
      MakeMessage("a@b.org", "bomb", {Attachment("application/zip", "bomb.zip", bomb)});
  auto start = std::chrono::steady_clock::now();
  Message m = ParseOk(raw);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(HasLimit(m, "expansion-ratio") || HasLimit(m, "member-size"))
      << m.limit_hits().size();
  EXPECT_LT(elapsed, std::chrono::seconds(20));
}

TEST(LimitsTest, TooManyPartsIsReported) {
  std::vector<MimePart> parts(50, MimePart{"text/plain", "7bit", "", "x"});
  Limits limits;
  limits.max_parts = 10;
  Message m = ParseOk(MakeMessage("a@b.org", "parts", parts), limits);
  EXPECT_TRUE(HasLimit(m, "parts"));
  EXPECT_LE(m.parts().size(), 10u);
}

TEST(LimitsTest, DeeplyNestedMessagesStopAtTheDepthLimit) {
  std::string msg = "Subject: bottom\r\n\r\ninnermost text\r\n";
  for (int i = 0; i < 40; ++i) {
    msg = "Subject: level\r\nContent-Type: message/rfc822\r\n\r\n" + msg;
  }
  Message m = ParseOk(msg);
  EXPECT_TRUE(HasLimit(m, "depth"));
}

TEST(LimitsTest, DeeplyNestedMultipartsDoNotOverflowTheStack) {
  std::string raw = "Content-Type: multipart/mixed; boundary=b0\r\n\r\n";
  const int levels = 5000;
  for (int i = 1; i <= levels; ++i) {
    raw += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\r\n\r\n";
  }
  raw += "--b" + std::to_string(levels) + "\r\nContent-Type: text/plain\r\n\r\ndeep\r\n";
  Message m = ParseOk(raw);
  EXPECT_FALSE(m.defects().empty() && m.limit_hits().empty());
}

TEST(LimitsTest, ArchiveMemberLimit) {
  Files files;
  for (int i = 0; i < 30; ++i) files.push_back({"f" + std::to_string(i) + ".txt", "member"});
  Limits limits;
  limits.max_archive_members = 5;
  Message m = ParseOk(
      MakeMessage("a@b.org", "many", {Attachment("application/zip", "m.zip", MakeZip(files))}),
      limits);
  EXPECT_TRUE(HasLimit(m, "archive-members"));
}

TEST(LimitsTest, TextLimitCutsOnACharacterBoundary) {
  Limits limits;
  limits.max_text_bytes = 11;
  Message m =
      ParseOk("Subject: s\r\n\r\n\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\r\n", limits);
  EXPECT_TRUE(HasLimit(m, "text-size"));
  ASSERT_EQ(m.texts().size(), 2u);
  EXPECT_EQ(m.texts()[0].text, "s");
  EXPECT_EQ(m.texts()[1].text,
            "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");  // 10 of 11 bytes: no half é
}

TEST(LimitsTest, TimeBudgetIsEnforced) {
  Files files;
  for (int i = 0; i < 200; ++i)
    files.push_back({"f" + std::to_string(i) + ".txt", std::string(20000, 'a')});
  Limits limits;
  limits.max_time = std::chrono::milliseconds(0);
  Message m = ParseOk(
      MakeMessage("a@b.org", "slow", {Attachment("application/zip", "z.zip", MakeZip(files))}),
      limits);
  EXPECT_TRUE(HasLimit(m, "time"));
}

TEST(LimitsTest, CorruptArchivesAndPdfsAreDefectsNotCrashes) {
  std::string zip = MakeZip({{"a.txt", std::string(5000, 'x')}});
  zip.resize(zip.size() / 2);
  std::string pdf = MakePdf({"text"});
  pdf.resize(40);
  Message m = ParseOk(MakeMessage("a@b.org", "corrupt",
                                  {Attachment("application/zip", "cut.zip", zip),
                                   Attachment("application/pdf", "cut.pdf", pdf)}));
  EXPECT_FALSE(m.defects().empty());
}

}  // namespace
}  // namespace sendguard
