#include "formats/csv_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "content/scan_for_test.h"
#include "mail/extractor.h"

namespace sendguard {
namespace {

MessageData Extract(const std::string& data, const std::string& filename = "a.csv",
                    const std::string& charset = "") {
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.charset = charset;
  blob.filename = filename;
  blob.label = "attachment:" + filename;
  extractor.Extract(blob);
  return d;
}

std::string TextUnder(const MessageData& d, const std::string& source) {
  std::string out;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) out += t.text;
  }
  return out;
}

TEST(CsvReaderTest, FindsTheDelimiter) {
  EXPECT_EQ(CsvDelimiter("a,b,c\n1,2,3\n"), ',');
  EXPECT_EQ(CsvDelimiter("a;b\n1,5;2\n"), ';');
  EXPECT_EQ(CsvDelimiter("a\tb\n1\t2\n"), '\t');
  EXPECT_EQ(CsvDelimiter("Dear John,\nthe plan is ready. Regards\nJane, London\n"), 0);
  EXPECT_EQ(CsvDelimiter("one column\nonly\n"), 0);
}

TEST(CsvReaderTest, QuotingFollowsRfc4180) {
  bool open = false;
  auto rows = ParseCsv("a,\"b,\"\"q\"\"\r\nnext\",c\r\n1,2,3", ',', 100, &open);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,\"q\"\r\nnext", "c"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_FALSE(open);
  ParseCsv("a,\"open", ',', 100, &open);
  EXPECT_TRUE(open);
}

TEST(CsvReaderTest, ValuesStandNextToTheirHeaders) {
  std::string csv = "Name,SSN,Note\n";
  for (int i = 0; i < 500; ++i) csv += "Person " + std::to_string(i) + ",,x\n";
  csv += "Jane Roe,212-09-4821,\"late, \"\"urgent\"\"\"\n";
  MessageData d = Extract(csv);
  std::string text = TextUnder(d, "attachment:a.csv");
  EXPECT_NE(text.find("Name: Jane Roe; SSN: 212-09-4821; Note: late, \"urgent\"\n"),
            std::string::npos)
      << text.substr(text.size() - 200);
  EXPECT_NE(text.find("Name: Person 3; Note: x\n"), std::string::npos);  // empty fields left out
  // The SSN detector sees the header next to the value.
  auto f = testing::Findings("Name: Jane Roe; SSN: 212-09-4821; Note: x\n");
  EXPECT_EQ(f.count("us-ssn"), 1u);
}

TEST(CsvReaderTest, OnlyDeclaredCsvThatParses) {
  CsvReader r;
  Blob b;
  b.data = "a,b\n1,2\n";
  EXPECT_FALSE(r.Accepts(b, ContentKind::kText));  // not declared
  b.filename = "x.CSV";
  EXPECT_TRUE(r.Accepts(b, ContentKind::kText));
  b.filename = "";
  b.content_type = "text/tab-separated-values";
  EXPECT_TRUE(r.Accepts(b, ContentKind::kText));
  b.data = "plain prose without a delimiter\nat all\n";
  EXPECT_FALSE(r.Accepts(b, ContentKind::kText));
  EXPECT_EQ(ReaderRegistry::Builtin().Find(b, ContentKind::kText)->name(), "text");
}

TEST(CsvReaderTest, Utf16FromExcel) {
  std::string utf16("\xFF\xFE", 2);
  for (char c : std::string("SSN\tName\r\n212-09-4821\tJane\r\n")) utf16 += std::string{c, '\0'};
  MessageData d = Extract(utf16, "a.tsv");
  EXPECT_NE(TextUnder(d, "attachment:a.tsv").find("SSN: 212-09-4821; Name: Jane"),
            std::string::npos)
      << TextUnder(d, "attachment:a.tsv");
}

TEST(CsvReaderTest, LimitsAndDamageAreRecordedAndNothingIsLost) {
  std::string wide;
  for (std::size_t i = 0; i < kMaxCsvColumns + 2; ++i) wide += "h" + std::to_string(i) + ",";
  wide += "last\n";
  for (std::size_t i = 0; i < kMaxCsvColumns + 2; ++i) wide += "v,";
  wide += "tail-value\n";
  MessageData d = Extract(wide);
  EXPECT_NE(TextUnder(d, "attachment:a.csv").find("tail-value"), std::string::npos);
  bool columns = false;
  for (const LimitHit& h : d.limit_hits) columns |= h.limit == "csv-columns";
  EXPECT_TRUE(columns);

  std::string tall = std::string(60, 'H') + "," + std::string(60, 'I') + "\n";
  for (int i = 0; i < 200; ++i) tall += "a,b\n";
  tall += "end,row\n";
  d = Extract(tall);
  bool expansion = false;
  for (const LimitHit& h : d.limit_hits) expansion |= h.limit == "csv-expansion";
  EXPECT_TRUE(expansion);
  EXPECT_NE(TextUnder(d, "attachment:a.csv").find("end,row\n"), std::string::npos);

  d = Extract("a,b\n1,\"never closed\n");
  ASSERT_EQ(d.defects.size(), 1u);
  EXPECT_EQ(d.defects[0].code, "csv-unterminated-quote");
  EXPECT_NE(TextUnder(d, "attachment:a.csv").find("never closed"), std::string::npos);
}

TEST(CsvReaderTest, ReadsWhatTextReaderReadsBesides) {
  MessageData d = Extract("a,b\n1,2\nbegin 644 x.txt\n&4T5#4D54\n`\nend\n");
  EXPECT_EQ(TextUnder(d, "attachment:a.csv/x.txt"), "SECRET");
}

}  // namespace
}  // namespace sendguard
