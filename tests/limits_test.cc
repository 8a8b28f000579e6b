// Hostile and malformed input: every case ends with a reported limit, a
// recorded defect or a clear error, never a crash or a hang.

#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>

#include "policy/config.h"
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

// GMime compares each "--" line with every open boundary: deep nesting is
// cut before it reaches the parser, and what was below is reported unread.
TEST(LimitsTest, MultipartsNestedPastTheLimitAreNotParsed) {
  std::string raw = "Subject: deep\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n";
  for (int i = 1; i <= 1000; ++i) {
    raw += "--b" + std::to_string(i - 1) + "\r\nContent-Type: multipart/mixed; boundary=b" +
           std::to_string(i) + "\r\n\r\n";
  }
  raw += "--b1000\r\nContent-Type: text/plain\r\n\r\nSECRET//NOFORN\r\n";
  for (int i = 0; i < 20000; ++i) raw += "--not-a-boundary\r\n";
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasLimit(m, "nesting"));
  EXPECT_EQ(m.AllText().find("SECRET"), std::string::npos);
  Limits wide;
  wide.max_multipart_nesting = 2000;
  Result<Message> all = ParseMessage(raw, {}, wide);
  ASSERT_TRUE(all.ok());
  EXPECT_FALSE(HasLimit(*all, "nesting"));
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

// Hostile shapes (issue 14, point 10): GMime builds the whole MIME tree before
// the walker counts anything, so bytes past a structural limit must not
// reach it.

long StatusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, std::strlen(key), key) == 0)
      return std::stol(line.substr(std::strlen(key) + 1));
  }
  return -1;
}

// The growth of the peak resident set while `work` runs, in bytes, measured
// in a forked child so that nothing else in this process counts; -1 when it
// cannot be measured.
long PeakGrowth(const std::function<void()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    malloc_trim(0);
    { std::ofstream("/proc/self/clear_refs") << "5"; }  // peak := current
    const long before = StatusKb("VmRSS:");
    work();
    long growth = (StatusKb("VmHWM:") - before) * 1024;
    if (write(fds[1], &growth, sizeof(growth)) != sizeof(growth)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  long growth = -1;
  if (read(fds[0], &growth, sizeof(growth)) != sizeof(growth)) growth = -1;
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return growth;
}

std::string TinyParts(int n, const std::string& tail) {
  std::string raw = "To: a@b.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
  for (int i = 0; i < n; ++i) raw += "--b\r\n\r\nx\r\n";
  return raw + "--b\r\n\r\n" + tail + "\r\n--b--\r\n";
}

TEST(LimitsTest, TinyPartsBeyondTheLimitNeverReachTheParser) {
  const std::string raw = TinyParts(200000, "tail part");
  // Parsing the whole tree costs ~130x the input (250 MB); at the cut a few MB.
  // Measured first: memory this process has freed and kept could be reused
  // unseen (ctest runs each test in a process of its own).
  long growth = PeakGrowth([&] { ParseMessage(raw).ok(); });
  ASSERT_GT(growth, 0);
  EXPECT_LT(growth, 20 * static_cast<long>(raw.size()));
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasLimit(m, "parts"));
  EXPECT_EQ(m.parts().size(), 1000u);
  EXPECT_EQ(m.AllText().find("tail part"), std::string::npos);
  EXPECT_FALSE(HasDefect(m, "truncated-message"));  // the cut is ours, recorded as a limit
}

TEST(LimitsTest, AFieldLosesItsAddressesBeyondTheLimitAndTheMessageIsRead) {
  std::string raw = "From: s@b.org\r\nTo: ";
  for (int i = 0; i < 30000; ++i) raw += (i ? ", u" : "u") + std::to_string(i) + "@d.org";
  raw += "\r\nCc: late@d.org\r\nSubject: after the addresses\r\n\r\nbody\r\n";
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasLimit(m, "addresses"));
  EXPECT_FALSE(HasLimit(m, "total-addresses"));
  EXPECT_EQ(m.to().size(), 1000u);
  EXPECT_EQ(m.to().back().address, "u999@d.org");
  ASSERT_EQ(m.cc().size(), 1u);
  EXPECT_EQ(m.subject(), "after the addresses");
  EXPECT_NE(m.AllText().find("body"), std::string::npos);
  ASSERT_FALSE(m.uninspected().empty());
  EXPECT_EQ(m.uninspected()[0].kind, "limit");
  EXPECT_EQ(m.uninspected()[0].where, "message/To");
}

TEST(LimitsTest, AddressesBeyondTheTotalAreNotRead) {
  std::string raw = "From: s@b.org\r\n";
  for (int f = 0; f < 15; ++f) {
    raw += "Cc: ";
    for (int i = 0; i < 900; ++i) raw += (i ? ", u" : "u") + std::to_string(f * 900 + i) + "@d.org";
    raw += "\r\n";
  }
  raw += "Subject: after the addresses\r\n\r\nbody\r\n";
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasLimit(m, "total-addresses"));
  EXPECT_EQ(m.from().size() + m.cc().size(), 10000u);
  EXPECT_EQ(m.subject(), "");
  EXPECT_EQ(m.AllText().find("body"), std::string::npos);
}

TEST(LimitsTest, HeaderFieldsBeyondTheLimitAreNotRead) {
  std::string raw = "To: a@b.org\r\n";
  for (int i = 0; i < 12000; ++i) raw += "X-F" + std::to_string(i) + ": v\r\n";
  raw += "Subject: after the fields\r\n\r\nbody text\r\n";
  Message m = ParseOk(raw);
  EXPECT_TRUE(HasLimit(m, "header-fields"));
  EXPECT_EQ(m.headers().size(), 10000u);
  EXPECT_EQ(m.subject(), "");
  EXPECT_EQ(m.AllText().find("body text"), std::string::npos);
}

TEST(LimitsTest, AHeaderFieldBeyondTheByteLimitIsCut) {
  Limits limits;
  limits.max_header_bytes = 64 << 10;
  std::string raw = "To: a@b.org\r\nSubject: " + std::string(200 << 10, 's') + "\r\n\r\nbody\r\n";
  Message m = ParseOk(raw, limits);
  EXPECT_TRUE(HasLimit(m, "header-size"));
  EXPECT_LT(m.subject().size(), std::size_t{64} << 10);
  EXPECT_GT(m.subject().size(), std::size_t{60} << 10);
  EXPECT_EQ(m.AllText().find("body"), std::string::npos);
}

TEST(LimitsTest, AttachedMessageGetsThePartsLeft) {
  // An .eml attachment is parsed on its own: its parts count with the outer ones.
  std::string inner = TinyParts(2000, "inner tail");
  Limits limits;
  limits.max_parts = 500;
  Message m = ParseOk(
      MakeMessage("a@b.org", "fwd", {Attachment("application/octet-stream", "fwd.eml", inner)}),
      limits);
  EXPECT_TRUE(HasLimit(m, "parts"));
  EXPECT_LE(m.parts().size(), 500u);
  EXPECT_EQ(m.AllText().find("inner tail"), std::string::npos);
}

TEST(LimitsTest, StructuralLimitsComeFromTheConfiguration) {
  Result<Config> c = ParseConfig(
      "limits:\n  max_header_fields: 50\n  max_header_bytes: 4096\n  max_addresses: 7\n", "t");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->limits.max_header_fields, 50);
  EXPECT_EQ(c->limits.max_header_bytes, 4096u);
  EXPECT_EQ(c->limits.max_addresses, 7);
  EXPECT_FALSE(ParseConfig("limits:\n  max_addresses: 0\n", "t").ok());
}

}  // namespace
}  // namespace sendguard
