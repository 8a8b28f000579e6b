#include "formats/word_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sendguard {
namespace {

void Put16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v & 0xFF);
  s[at + 1] = static_cast<char>(v >> 8);
}

void Put32(std::string& s, std::size_t at, std::uint32_t v) {
  Put16(s, at, static_cast<std::uint16_t>(v & 0xFFFF));
  Put16(s, at + 2, static_cast<std::uint16_t>(v >> 16));
}

struct Piece {
  std::string text;  // ASCII
  bool compressed;
};

struct Doc {
  std::string word, table;
};

// A WordDocument stream with a Word 97 FIB whose text is `pieces` (stored
// from offset 0x800), and a 1Table stream holding their piece table.
Doc MakeDoc(const std::vector<Piece>& pieces, std::uint16_t flags = 0x0200) {
  Doc d;
  d.word.assign(0x800, '\0');
  Put16(d.word, 0, 0xA5EC);
  Put16(d.word, 2, 193);
  Put16(d.word, 0x0A, flags);
  Put16(d.word, 32, 14);
  Put16(d.word, 62, 22);
  Put16(d.word, 152, 93);
  std::vector<std::uint32_t> cps{0};
  std::vector<std::uint32_t> fcs;
  for (const Piece& p : pieces) {
    const std::size_t at = d.word.size();
    fcs.push_back(p.compressed ? static_cast<std::uint32_t>(at * 2) | 0x40000000u
                               : static_cast<std::uint32_t>(at));
    for (char c : p.text) {
      d.word.push_back(c);
      if (!p.compressed) d.word.push_back('\0');
    }
    cps.push_back(cps.back() + static_cast<std::uint32_t>(p.text.size()));
  }
  std::string plc((cps.size()) * 4 + pieces.size() * 8, '\0');
  for (std::size_t i = 0; i < cps.size(); ++i) Put32(plc, i * 4, cps[i]);
  for (std::size_t i = 0; i < fcs.size(); ++i) Put32(plc, cps.size() * 4 + i * 8 + 2, fcs[i]);
  d.table = "junk";
  const std::size_t clx_at = d.table.size();
  d.table += std::string("\x01\x02\x00\xAA\xBB", 5);  // one Prc, skipped
  d.table.push_back('\x02');
  std::string lcb(4, '\0');
  Put32(lcb, 0, static_cast<std::uint32_t>(plc.size()));
  d.table += lcb + plc;
  Put32(d.word, 154 + 33 * 8, static_cast<std::uint32_t>(clx_at));
  Put32(d.word, 154 + 33 * 8 + 4, static_cast<std::uint32_t>(d.table.size() - clx_at));
  return d;
}

TEST(WordTextTest, ReadsCompressedAndUnicodePiecesInOrder) {
  Doc d = MakeDoc({{"SECRET//NOFORN\r", true},
                   {"Visa 4111\x07"
                    "cell\r",
                    false}});
  WordText t = ReadWordText(d.word, "", d.table);
  EXPECT_EQ(t.status, WordText::Status::kOk) << t.detail;
  EXPECT_EQ(t.text, "SECRET//NOFORN\nVisa 4111\ncell\n");
}

TEST(WordTextTest, UsesTheTableStreamTheFibNames) {
  Doc d = MakeDoc({{"in 0Table", true}}, 0x0000);
  EXPECT_EQ(ReadWordText(d.word, d.table, "").text, "in 0Table");
  EXPECT_EQ(ReadWordText(d.word, "", d.table).status, WordText::Status::kCorrupt);
}

TEST(WordTextTest, MapsCp1252AndDropsFieldMarks) {
  Doc d = MakeDoc({{"\x93quoted\x94 \x13 HYPERLINK x \x14link\x15", true}});
  EXPECT_EQ(ReadWordText(d.word, "", d.table).text,
            "\xe2\x80\x9cquoted\xe2\x80\x9d   HYPERLINK x  link ");
}

TEST(WordTextTest, EncryptedAndObfuscatedAreNotRead) {
  EXPECT_EQ(ReadWordText(MakeDoc({{"x", true}}, 0x0300).word, "", "").status,
            WordText::Status::kEncrypted);
  EXPECT_EQ(ReadWordText(MakeDoc({{"x", true}}, 0x8200).word, "", "").status,
            WordText::Status::kEncrypted);
}

TEST(WordTextTest, OldWordIsNotRead) {
  Doc d = MakeDoc({{"x", true}});
  Put16(d.word, 2, 100);
  EXPECT_EQ(ReadWordText(d.word, "", d.table).status, WordText::Status::kOld);
}

TEST(WordTextTest, DamagedPieceTablesAreCorrupt) {
  Doc d = MakeDoc({{"abc", true}});
  EXPECT_EQ(ReadWordText(d.word.substr(0, 100), "", d.table).status, WordText::Status::kCorrupt);
  EXPECT_EQ(ReadWordText(d.word, "", d.table.substr(0, 12)).status, WordText::Status::kCorrupt);
  EXPECT_EQ(ReadWordText("not a word document at all, no", "", "").status,
            WordText::Status::kCorrupt);
}

TEST(WordTextTest, APieceOutsideTheStreamIsSkippedAndReported) {
  Doc d = MakeDoc({{"kept", true}, {"lost", false}});
  d.word.resize(d.word.size() - 4);  // cut the second piece short
  WordText t = ReadWordText(d.word, "", d.table);
  EXPECT_EQ(t.status, WordText::Status::kCorrupt);
  EXPECT_EQ(t.text, "kept");
}

TEST(WordTextTest, OverlappingPiecesCannotAmplifyTheText) {
  std::vector<Piece> pieces(200, Piece{std::string(100, 'a'), true});
  Doc d = MakeDoc(pieces);
  // Point every piece at the first one's bytes.
  const std::size_t n = pieces.size();
  const std::size_t clx = d.table.size() - ((n + 1) * 4 + n * 8);
  const std::string first = d.table.substr(clx + (n + 1) * 4 + 2, 4);
  for (std::size_t i = 0; i < n; ++i) d.table.replace(clx + (n + 1) * 4 + i * 8 + 2, 4, first);
  d.word.resize(0x800 + 1000);
  WordText t = ReadWordText(d.word, "", d.table);
  EXPECT_EQ(t.status, WordText::Status::kCorrupt);
  EXPECT_LE(t.text.size(), d.word.size());
}

}  // namespace
}  // namespace sendguard
