#include "formats/embedded_files.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

using testing::MakeZip;

// --- encoders, written from the formats' descriptions -------------------

std::string UuEncode(const std::string& name, const std::string& data, bool backtick = true) {
  auto ch = [&](unsigned v) {
    v &= 63;
    return v == 0 && backtick ? '`' : static_cast<char>(' ' + v);
  };
  std::string out = "begin 644 " + name + "\n";
  for (std::size_t i = 0; i < data.size(); i += 45) {
    std::string chunk = data.substr(i, 45);
    out += ch(static_cast<unsigned>(chunk.size()));
    for (std::size_t j = 0; j < chunk.size(); j += 3) {
      unsigned char b[3] = {0, 0, 0};
      for (std::size_t k = 0; k < 3 && j + k < chunk.size(); ++k) b[k] = chunk[j + k];
      out += ch(b[0] >> 2);
      out += ch((b[0] << 4) | (b[1] >> 4));
      out += ch((b[1] << 2) | (b[2] >> 6));
      out += ch(b[2]);
    }
    out += "\n";
  }
  out += ch(0);
  out += "\nend\n";
  return out;
}

std::uint32_t Crc32(const std::string& data) {
  return static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

std::string Hex(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%08x", v);
  return buf;
}

std::string YencEncode(const std::string& name, const std::string& data) {
  std::string out = "=ybegin line=128 size=" + std::to_string(data.size()) + " name=" + name + "\n";
  std::size_t col = 0;
  for (unsigned char b : data) {
    unsigned char c = static_cast<unsigned char>(b + 42);
    if (c == 0 || c == '\n' || c == '\r' || c == '=') {
      out += '=';
      c = static_cast<unsigned char>(c + 64);
      ++col;
    }
    out += static_cast<char>(c);
    if (++col >= 128) {
      out += "\n";
      col = 0;
    }
  }
  out += "\n=yend size=" + std::to_string(data.size()) + " crc32=" + Hex(Crc32(data)) + "\n";
  return out;
}

std::uint16_t Crc16(const std::string& data) {
  std::uint32_t crc = 0;
  for (unsigned char b : data) {
    for (int i = 7; i >= 0; --i) {  // bit by bit, the long way round
      bool top = (crc & 0x8000) != 0;
      bool bit = ((b >> i) & 1) != 0;
      crc = ((crc << 1) & 0xFFFF) ^ ((top != bit) ? 0x1021 : 0);
    }
  }
  return static_cast<std::uint16_t>(crc);
}

void PutBig(std::string* s, std::uint32_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// BinHex 4.0: header and forks with their CRCs, run-length coded (runs of
// four or more), 6-bit characters in lines of 64 between colons.
std::string BinHexEncode(const std::string& name, const std::string& data,
                         const std::string& rsrc = "", bool break_crc = false) {
  std::string raw;
  raw.push_back(static_cast<char>(name.size()));
  raw += name;
  raw.push_back('\0');
  raw += "TEXTttxt";
  PutBig(&raw, 0, 2);
  PutBig(&raw, static_cast<std::uint32_t>(data.size()), 4);
  PutBig(&raw, static_cast<std::uint32_t>(rsrc.size()), 4);
  PutBig(&raw, Crc16(raw), 2);
  raw += data;
  PutBig(&raw, Crc16(data) ^ (break_crc ? 1 : 0), 2);
  raw += rsrc;
  PutBig(&raw, Crc16(rsrc), 2);
  std::string rle;
  for (std::size_t i = 0; i < raw.size();) {
    unsigned char c = raw[i];
    std::size_t run = 1;
    while (i + run < raw.size() && raw[i + run] == raw[i] && run < 255) ++run;
    rle.push_back(static_cast<char>(c));
    if (c == 0x90) rle.push_back('\0');
    if (run >= 4 && c != 0x90) {
      rle.push_back(static_cast<char>(0x90));
      rle.push_back(static_cast<char>(run));
      i += run;
    } else {
      ++i;
    }
  }
  const std::string alphabet = "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
  std::string chars = ":";
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char b : rle) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      chars += alphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) chars += alphabet[(acc << (6 - bits)) & 63];
  chars += ":";
  std::string out = "(This file must be converted with BinHex 4.0)\n";
  for (std::size_t i = 0; i < chars.size(); i += 64) out += chars.substr(i, 64) + "\n";
  return out;
}

std::vector<EmbeddedFile> Find(const std::string& text, const Limits& limits = {}) {
  std::vector<EmbeddedFile> files;
  ForEachEmbeddedFile(text, limits, [&](EmbeddedFile& f) {
    files.push_back(f);
    return true;
  });
  return files;
}

std::string AllBytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s + s + std::string(300, '\x90') + std::string(700, 'A') + "end";
}

// --- the decoders -------------------------------------------------------

TEST(EmbeddedFilesTest, UuencodeRoundTrips) {
  for (bool backtick : {true, false}) {
    std::vector<EmbeddedFile> files =
        Find("Hi,\nthe file:\n\n" + UuEncode("all.bin", AllBytes(), backtick) + "\nBye\n");
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].format, "uuencode");
    EXPECT_EQ(files[0].name, "all.bin");
    EXPECT_EQ(files[0].data, AllBytes());
    EXPECT_EQ(files[0].defect, "");
  }
}

// Written by Python's binascii.b2a_uu (spaces for zero), CRLF line ends, and
// again with the trailing spaces lost in transit.
TEST(EmbeddedFilesTest, UuencodeFromPython) {
  std::string python =
      "begin 644 convoy.txt\nM4T5#4D54+R].3T9/4DXZ('1H92!C;VYV;WD@;&5A=F5S(&%T(# "
      "T,# @9G)O\n;;2!G<FED(#$X4R!52B R,S0X,\" P-C0W,\"X*\n \nend\n";
  const std::string want =
      "SECRET//NOFORN: the convoy leaves at 0400 from grid 18S UJ 23480 06470.\n";
  std::string crlf;
  for (char c : python) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string stripped = python;
  stripped.replace(stripped.find("\n \n"), 3, "\n\n");
  for (const std::string& text : {python, crlf, stripped}) {
    std::vector<EmbeddedFile> files = Find(text);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].data, want);
    EXPECT_EQ(files[0].defect, "");
  }
}

TEST(EmbeddedFilesTest, UuencodeBase64Form) {
  std::vector<EmbeddedFile> files =
      Find("begin-base64 600 notes.txt\nU0VDUkVULy9OT0ZPUk4K\n====\n");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "notes.txt");
  EXPECT_EQ(files[0].data, "SECRET//NOFORN\n");
}

TEST(EmbeddedFilesTest, ProseAfterBeginIsNotABlock) {
  EXPECT_TRUE(Find("begin 2 weeks from now\nWe meet at noon.\nend\n").empty());
  EXPECT_TRUE(Find("begin 644 x\nHELLO\nend\n").empty());  // too short for its length
  EXPECT_TRUE(Find("begin here\nbegin 99 x\nbeginning\n=ybeginning\n(This is fine)\n").empty());
}

TEST(EmbeddedFilesTest, TruncatedUuencodeKeepsWhatWasThere) {
  std::string block = UuEncode("a.txt", std::string(200, 'x'));
  std::string cut = block.substr(0, block.find('\n', 70) + 1) + "-- \nsignature\n";
  std::vector<EmbeddedFile> files = Find(cut);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].data, std::string(45, 'x'));
  EXPECT_EQ(files[0].defect, "uuencode-truncated");
}

TEST(EmbeddedFilesTest, YencRoundTripsAndChecksItsCrc) {
  std::vector<EmbeddedFile> files = Find("see below\n" + YencEncode("all.bin", AllBytes()));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].format, "yenc");
  EXPECT_EQ(files[0].name, "all.bin");
  EXPECT_EQ(files[0].data, AllBytes());
  EXPECT_EQ(files[0].defect, "");

  std::string damaged = YencEncode("a.bin", "SECRET//NOFORN");
  damaged[damaged.find('\n') + 1] ^= 1;
  files = Find(damaged);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].defect, "yenc-crc");

  std::string open = YencEncode("a.bin", "SECRET//NOFORN");
  files = Find(open.substr(0, open.find("=yend")) + "=ybegin size=1 name=b\n");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].data, "SECRET//NOFORN");
  EXPECT_EQ(files[0].defect, "yenc-truncated");
  EXPECT_EQ(files[1].name, "b");
}

TEST(EmbeddedFilesTest, BinHexRoundTripsBothForks) {
  std::vector<EmbeddedFile> files =
      Find("Mac file:\n" + BinHexEncode("Memo", AllBytes(), "resource words") + "thanks\n");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].format, "binhex");
  EXPECT_EQ(files[0].name, "Memo");
  EXPECT_EQ(files[0].data, AllBytes());
  EXPECT_EQ(files[0].defect, "");
  EXPECT_EQ(files[1].name, "Memo.rsrc");
  EXPECT_EQ(files[1].data, "resource words");
}

// Written by fuzz/embedded_seeds.py (Python, CRCs by binascii.crc_hqx).
TEST(EmbeddedFilesTest, BinHexFromPython) {
  std::vector<EmbeddedFile> files = Find(
      "(This file must be converted with BinHex 4.0)\n:#'ePE@mZG(Kd!&4&@&4dG(Kd!!!!!!!@!!!!!&V'8d9"
      "$8N98,bp16dC28NiJN!!\nJC'pZC3UYG`!!H*!&:\n");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "memo.txt");
  EXPECT_EQ(files[0].data, "SECRET//NOFORN \x90 done\n");
  EXPECT_EQ(files[0].defect, "");
}

TEST(EmbeddedFilesTest, DamagedBinHexIsADefect) {
  std::vector<EmbeddedFile> files = Find(BinHexEncode("Memo", "SECRET//NOFORN", "", true));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].data, "SECRET//NOFORN");
  EXPECT_EQ(files[0].defect, "binhex-crc");

  std::string block = BinHexEncode("Memo", std::string(3000, 'q') + "tail");
  files = Find(block.substr(0, block.size() / 2));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].defect, "binhex-truncated");

  for (const char* bad : {"(This file must be converted with BinHex 4.0)\nno colon\n",
                          "(This file must be converted with BinHex 4.0)\n:!!~~\n",
                          "(This file must be converted with BinHex 4.0)\n::\n",
                          "(This file must be converted with BinHex 4.0)"}) {
    files = Find(bad);
    ASSERT_EQ(files.size(), 1u) << bad;
    EXPECT_EQ(files[0].data, "") << bad;
    EXPECT_NE(files[0].defect, "") << bad;
  }
}

TEST(EmbeddedFilesTest, BinHexRunsStopAtTheExpansionRatio) {
  Limits limits;
  limits.max_expansion_floor = 10000;
  limits.max_expansion_ratio = 10;
  std::vector<EmbeddedFile> files = Find(BinHexEncode("bomb", std::string(1 << 20, 'z')), limits);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].cut, "expansion-ratio");
  EXPECT_LE(files[0].data.size(), 10000u);
  EXPECT_GT(files[0].data.size(), 1000u);
}

TEST(EmbeddedFilesTest, FilesAreCutAtTheMemberSize) {
  Limits limits;
  limits.max_member_bytes = 100;
  std::string big(1000, 'k');
  for (const std::string& text :
       {UuEncode("a", big), YencEncode("a", big), BinHexEncode("a", big)}) {
    std::vector<EmbeddedFile> files = Find(text, limits);
    ASSERT_EQ(files.size(), 1u) << text.substr(0, 20);
    EXPECT_EQ(files[0].data, big.substr(0, 100));
    EXPECT_EQ(files[0].cut, "member-size");
  }
}

// A text of nothing but block openings that go nowhere is read in one pass.
TEST(EmbeddedFilesTest, ManyFalseStartsAreLinear) {
  std::string text;
  for (int i = 0; i < 100000; ++i) {
    text += "begin 644 x\n(This file must be converted with BinHex 4.0)\n=ybegin nothing\n";
  }
  std::size_t files = 0;
  ForEachEmbeddedFile(text, Limits{}, [&](EmbeddedFile&) { return ++files < 1000; });
  EXPECT_EQ(files, 1000u);
}

// --- in a message ---------------------------------------------------------

std::string MakeMail(const std::string& body, const std::string& type = "text/plain") {
  return "From: a@example.mil\r\nTo: b@example.org\r\nSubject: files\r\nContent-Type: " + type +
         "\r\n\r\n" + body;
}

std::string TextOf(const Message& m, const std::string& source) {
  std::string text;
  for (const TextSegment& t : m.texts()) {
    if (t.source == source) text += t.text;
  }
  return text;
}

TEST(EmbeddedFilesTest, EachFormatInABodyIsScanned) {
  const std::string secret = "SECRET//NOFORN convoy at 0400\n";
  struct Case {
    std::string block, source;
  };
  for (const Case& c : {Case{UuEncode("plan.txt", secret), "body/plan.txt"},
                        Case{YencEncode("plan.txt", secret), "body/plan.txt"},
                        Case{BinHexEncode("plan.txt", secret), "body/plan.txt"}}) {
    Result<Message> m = ParseMessage(MakeMail("Attached.\r\n\r\n" + c.block));
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(TextOf(*m, c.source), secret) << c.block;
    EXPECT_TRUE(m->defects().empty()) << m->defects()[0].code;
  }
}

TEST(EmbeddedFilesTest, AUuencodedZipIsOpened) {
  std::string zip = MakeZip({{"inner.txt", "SSN 078-05-1120"}});
  Result<Message> m = ParseMessage(MakeMail("see\n" + UuEncode("files.zip", zip)));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(TextOf(*m, "body/files.zip/inner.txt"), "SSN 078-05-1120");
}

TEST(EmbeddedFilesTest, ATextAttachmentIsReadToo) {
  std::string raw =
      "From: a@example.mil\r\nTo: b@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
      "hello\r\n--b\r\nContent-Type: text/plain; name=notes.txt\r\n"
      "Content-Disposition: attachment; filename=notes.txt\r\n\r\n" +
      YencEncode("inner.txt", "SECRET//NOFORN\n") + "--b--\r\n";
  Result<Message> m = ParseMessage(raw);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(TextOf(*m, "attachment:notes.txt/inner.txt"), "SECRET//NOFORN\n");
}

TEST(EmbeddedFilesTest, ABlockInAnHtmlPreIsRead) {
  std::string block = UuEncode("plan.txt", "SECRET//NOFORN\n");
  std::string html;  // as an HTML editor would escape it
  for (char c : block) {
    html += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  }
  Result<Message> m = ParseMessage(
      MakeMail("<html><body><p>File:</p><pre>" + html + "</pre></body></html>", "text/html"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(TextOf(*m, "body/plan.txt"), "SECRET//NOFORN\n");
}

TEST(EmbeddedFilesTest, LimitsAndDamageAreRecorded) {
  std::string body;
  for (int i = 0; i <= kMaxEmbeddedFiles; ++i) body += UuEncode("f" + std::to_string(i), "x\n");
  body += YencEncode("late.txt", "never read");
  std::string cut = UuEncode("cut.txt", std::string(100, 'c'));
  Result<Message> m =
      ParseMessage(MakeMail(cut.substr(0, cut.find('\n', 20) + 1) + "-- \n" + body));
  ASSERT_TRUE(m.ok());
  bool hit = false;
  for (const LimitHit& h : m->limit_hits()) hit |= h.limit == "embedded-files" && h.where == "body";
  EXPECT_TRUE(hit);
  EXPECT_EQ(TextOf(*m, "body/late.txt"), "");
  EXPECT_EQ(TextOf(*m, "body/f1"), "x\n");
  ASSERT_FALSE(m->defects().empty());
  EXPECT_EQ(m->defects()[0].code, "uuencode-truncated");
  EXPECT_EQ(m->defects()[0].where, "body/cut.txt");
  bool uninspected = false;
  for (const Uninspected& u : m->uninspected()) uninspected |= u.kind == "limit";
  EXPECT_TRUE(uninspected);
}

TEST(EmbeddedFilesTest, DecodedBytesCountAgainstTheExpandedLimit) {
  Limits limits;
  limits.max_expanded_bytes = 1000;
  std::string body = UuEncode("a.txt", std::string(800, 'a') + "\n") +
                     UuEncode("b.txt", std::string(800, 'b') + "\n");
  Result<Message> m = ParseMessage(MakeMail(body), {}, limits);
  ASSERT_TRUE(m.ok());
  EXPECT_NE(TextOf(*m, "body/a.txt"), "");
  EXPECT_EQ(TextOf(*m, "body/b.txt"), "");
  bool hit = false;
  for (const LimitHit& h : m->limit_hits()) hit |= h.limit == "expanded-size";
  EXPECT_TRUE(hit);
}

}  // namespace
}  // namespace sendguard
