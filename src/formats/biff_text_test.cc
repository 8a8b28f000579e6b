#include "formats/biff_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace sendguard {
namespace {

std::string Le16(std::uint16_t v) {
  return std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}

std::string Le32(std::uint32_t v) {
  return Le16(static_cast<std::uint16_t>(v & 0xFFFF)) + Le16(static_cast<std::uint16_t>(v >> 16));
}

std::string Record(std::uint16_t type, const std::string& data) {
  return Le16(type) + Le16(static_cast<std::uint16_t>(data.size())) + data;
}

std::string Bof() { return Record(0x0809, Le16(0x0600) + Le16(0x0010) + std::string(12, '\0')); }

std::string Cell(std::uint16_t row, std::uint16_t col) { return Le16(row) + Le16(col) + Le16(0); }

TEST(BiffTextTest, ReadsSharedStringsAcrossContinueRecords) {
  // Two strings; the second, 8-bit, is continued as UTF-16 in a CONTINUE.
  std::string sst = Le32(2) + Le32(2);
  sst += Le16(14) + std::string(1, '\0') + "SECRET//NOFORN";
  sst += Le16(8) + std::string(1, '\0') + "Visa";
  std::string cont = std::string(1, '\1') + std::string("4\0001\0001\0001\0", 8);
  std::string wb = Bof() + Record(0x00FC, sst) + Record(0x003C, cont) + Bof() +
                   Record(0x00FD, Cell(0, 0) + Le32(0)) + Record(0x00FD, Cell(1, 0) + Le32(1));
  BiffText t = ReadBiffText(wb, 1 << 20);
  EXPECT_EQ(t.status, BiffText::Status::kOk) << t.detail;
  EXPECT_NE(t.text.find("SECRET//NOFORN\nVisa4111"), std::string::npos) << t.text;
}

TEST(BiffTextTest, ReadsNumbersAndUnreferencedStrings) {
  double v = 4111111111111111.0;
  std::string num(8, '\0');
  std::memcpy(num.data(), &v, 8);
  std::string sst = Le32(1) + Le32(1) + Le16(6) + std::string(1, '\0') + "hidden";
  std::string wb = Bof() + Record(0x00FC, sst) + Bof() + Record(0x0203, Cell(0, 0) + num) +
                   Record(0x027E, Cell(0, 1) + Le32((42u << 2) | 2u));
  BiffText t = ReadBiffText(wb, 1 << 20);
  EXPECT_EQ(t.status, BiffText::Status::kOk);
  EXPECT_NE(t.text.find("4111111111111111\t42"), std::string::npos) << t.text;
  EXPECT_NE(t.text.find("hidden"), std::string::npos) << t.text;
}

TEST(BiffTextTest, FilePassMeansEncrypted) {
  std::string wb = Bof() + Record(0x002F, std::string(54, '\1'));
  EXPECT_EQ(ReadBiffText(wb, 1 << 20).status, BiffText::Status::kEncrypted);
}

TEST(BiffTextTest, ARecordPastTheEndIsCorrupt) {
  std::string wb = Bof() + Le16(0x00FD) + Le16(500) + "short";
  EXPECT_EQ(ReadBiffText(wb, 1 << 20).status, BiffText::Status::kCorrupt);
}

TEST(BiffTextTest, RepeatedReferencesStopAtTheTextLimit) {
  std::string sst = Le32(1) + Le32(1) + Le16(100) + std::string(1, '\0') + std::string(100, 'x');
  std::string wb = Bof() + Record(0x00FC, sst) + Bof();
  for (int i = 0; i < 1000; ++i)
    wb += Record(0x00FD, Cell(static_cast<std::uint16_t>(i), 0) + Le32(0));
  BiffText t = ReadBiffText(wb, 5000);
  EXPECT_EQ(t.status, BiffText::Status::kTooLong);
  EXPECT_LE(t.text.size(), 5000u);
}

}  // namespace
}  // namespace sendguard
