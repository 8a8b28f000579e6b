#include "formats/ole2_reader.h"

#include <gsf/gsf.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "mail/extractor.h"

namespace sendguard {
namespace {

// A compound file holding `streams` ("Storage/Name" paths), written with
// libgsf.
std::string MakeOle2(const std::vector<std::pair<std::string, std::string>>& streams) {
  GsfOutput* mem = gsf_output_memory_new();
  GsfOutfile* root = gsf_outfile_msole_new(mem);
  std::map<std::string, GsfOutput*> storages;
  for (const auto& [path, data] : streams) {
    GsfOutfile* dir = root;
    std::string rest = path;
    std::string prefix;
    for (std::size_t slash; (slash = rest.find('/')) != std::string::npos;) {
      prefix += rest.substr(0, slash) + "/";
      GsfOutput*& s = storages[prefix];
      if (s == nullptr) s = gsf_outfile_new_child(dir, rest.substr(0, slash).c_str(), TRUE);
      dir = GSF_OUTFILE(s);
      rest = rest.substr(slash + 1);
    }
    GsfOutput* out = gsf_outfile_new_child(dir, rest.c_str(), FALSE);
    gsf_output_write(out, data.size(), reinterpret_cast<const guint8*>(data.data()));
    gsf_output_close(out);
    g_object_unref(out);
  }
  for (auto it = storages.rbegin(); it != storages.rend(); ++it) {
    gsf_output_close(it->second);
    g_object_unref(it->second);
  }
  gsf_output_close(GSF_OUTPUT(root));
  g_object_unref(root);
  const guint8* bytes = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem));
  std::string out(reinterpret_cast<const char*>(bytes), gsf_output_size(mem));
  g_object_unref(mem);
  return out;
}

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Utf16(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

MessageData Read(std::string_view data, Limits limits = Limits()) {
  MessageData d;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.label = "attachment:a";
  extractor.Extract(blob);
  return d;
}

std::string AllText(const MessageData& d) {
  std::string all;
  for (const TextSegment& t : d.texts) all += t.text + "\n";
  return all;
}

bool HasUninspected(const MessageData& d, std::string_view kind) {
  for (const Uninspected& u : d.uninspected) {
    if (u.kind == kind) return true;
  }
  return false;
}

TEST(Ole2ReaderTest, ReadsAWordDocumentsTextThroughItsPieceTable) {
  const std::string doc = Fixture("banner.doc");
  ASSERT_GT(doc.size(), 1000u);
  MessageData d = Read(doc);
  std::string text;
  for (const TextSegment& t : d.texts) {
    if (t.source == "attachment:a") text += t.text;
  }
  EXPECT_NE(text.find("SECRET//NOFORN"), std::string::npos) << text;
  EXPECT_NE(text.find("Visa 4111 1111 1111 1111"), std::string::npos) << text;
  EXPECT_TRUE(d.uninspected.empty()) << d.uninspected[0].kind << d.uninspected[0].detail;
}

TEST(Ole2ReaderTest, ReadsAnExcelWorkbooksCells) {
  MessageData d = Read(Fixture("banner.xls"));
  std::string text;
  for (const TextSegment& t : d.texts) {
    if (t.source == "attachment:a") text += t.text;
  }
  EXPECT_NE(text.find("SECRET//NOFORN\theader"), std::string::npos) << text;
  EXPECT_NE(text.find("Visa 4111 1111 1111 1111\tcard"), std::string::npos) << text;
  EXPECT_TRUE(d.uninspected.empty());
}

TEST(Ole2ReaderTest, ReadsAPresentationsStrings) {
  MessageData d = Read(Fixture("banner.ppt"));
  EXPECT_NE(AllText(d).find("SECRET//NOFORN"), std::string::npos);
  EXPECT_TRUE(d.uninspected.empty());
}

TEST(Ole2ReaderTest, ADamagedFileIsCorruptAndItsStringsAreScanned) {
  std::string doc = Fixture("banner.doc");
  doc.resize(600);  // the header and no sectors
  doc += "SECRET//NOFORN in the remains";
  MessageData d = Read(doc);
  EXPECT_TRUE(HasUninspected(d, "corrupt"));
  ASSERT_FALSE(d.defects.empty());
  EXPECT_EQ(d.defects[0].code, "ole2-damaged");
  EXPECT_NE(AllText(d).find("SECRET//NOFORN"), std::string::npos);
}

TEST(Ole2ReaderTest, AGarbledPieceTableIsCorruptNotACrash) {
  std::string doc = Fixture("banner.doc");
  // Overwrite the table stream's bytes: every byte after the first sectors.
  for (std::size_t i = 0x1400; i < doc.size() && i < 0x2400; ++i) doc[i] = '\x02';
  MessageData d = Read(doc);
  EXPECT_FALSE(d.uninspected.empty());
}

TEST(Ole2ReaderTest, AnEncryptionInfoStreamIsEncrypted) {
  MessageData d = Read(MakeOle2(
      {{"EncryptionInfo", std::string(200, 'x')}, {"EncryptedPackage", std::string(5000, 'y')}}));
  ASSERT_EQ(d.encrypted.size(), 1u);
  EXPECT_EQ(d.encrypted[0].kind, "office");
  EXPECT_TRUE(HasUninspected(d, "encrypted"));
}

TEST(Ole2ReaderTest, AnEncryptedWordDocumentIsEncrypted) {
  std::string doc = Fixture("banner.doc");
  MessageData plain = Read(doc);
  // Set fEncrypted in the FIB: find the WordDocument stream by its wIdent.
  std::size_t fib = doc.find("\xec\xa5", 512);
  ASSERT_NE(fib, std::string::npos);
  doc[fib + 0x0B] = static_cast<char>(doc[fib + 0x0B] | 0x01);
  MessageData d = Read(doc);
  ASSERT_EQ(d.encrypted.size(), 1u);
  EXPECT_EQ(d.encrypted[0].kind, "word");
  EXPECT_TRUE(plain.encrypted.empty());
}

TEST(Ole2ReaderTest, AnEncryptedWorkbookIsEncrypted) {
  const std::string bof("\x09\x08\x10\x00\x00\x06\x10\x00\0\0\0\0\0\0\0\0\0\0\0\0", 20);
  const std::string filepass("\x2f\x00\x06\x00\x01\x00\x01\x00\x01\x00", 10);
  MessageData d = Read(MakeOle2({{"Workbook", bof + filepass + std::string(5000, 'z')}}));
  ASSERT_EQ(d.encrypted.size(), 1u);
  EXPECT_EQ(d.encrypted[0].kind, "excel");
}

TEST(Ole2ReaderTest, ReadsAnOutlookMessagesPropertiesAndAttachments) {
  const std::string inner = "Attached: SECRET//NOFORN plans\n";
  MessageData d = Read(MakeOle2({
      {"__substg1.0_0037001F", Utf16("Quarterly plan")},
      {"__substg1.0_1000001F", Utf16("Body: Visa 4111 1111 1111 1111")},
      {"__properties_version1.0", std::string(32, '\0')},
      {"__attach_version1.0_#00000000/__substg1.0_3707001F", Utf16("plans.txt")},
      {"__attach_version1.0_#00000000/__substg1.0_37010102", inner},
  }));
  const std::string all = AllText(d);
  EXPECT_NE(all.find("Quarterly plan"), std::string::npos) << all;
  EXPECT_NE(all.find("Body: Visa 4111 1111 1111 1111"), std::string::npos) << all;
  bool attachment = false;
  for (const TextSegment& t : d.texts) {
    if (t.source == "attachment:a/__attach_version1.0_#00000000/plans.txt") {
      attachment = t.text.find("SECRET//NOFORN") != std::string::npos;
    }
  }
  EXPECT_TRUE(attachment) << all;
  EXPECT_TRUE(d.uninspected.empty());
}

TEST(Ole2ReaderTest, ReadsAnEmbeddedOle10NativeObject) {
  const std::string payload = "embedded SECRET//NOFORN note\n";
  std::string native("\0\0\0\0\2\0", 6);
  native += std::string("note.txt\0", 9) + std::string("C:\\note.txt\0", 12);
  native += std::string("\0\0\3\0", 4);
  native += std::string("\4\0\0\0tmp\0", 8);
  native += std::string(1, static_cast<char>(payload.size())) + std::string(3, '\0') + payload;
  MessageData d = Read(
      MakeOle2({{"WordDocument", std::string(10, 'x')}, {"ObjectPool/_1/\1Ole10Native", native}}));
  bool found = false;
  for (const TextSegment& t : d.texts) {
    if (t.source == "attachment:a/ObjectPool/_1/note.txt") found = t.text == payload;
  }
  EXPECT_TRUE(found) << AllText(d);
}

TEST(Ole2ReaderTest, AnUnknownCompoundFileIsOnlyStringScanned) {
  MessageData d = Read(MakeOle2({{"VisioDocument", "some drawing SECRET//NOFORN text"}}));
  EXPECT_TRUE(HasUninspected(d, "unsupported"));
  EXPECT_NE(AllText(d).find("SECRET//NOFORN"), std::string::npos);
}

TEST(Ole2ReaderTest, StreamsCountAsArchiveMembers) {
  std::vector<std::pair<std::string, std::string>> streams;
  for (int i = 0; i < 10; ++i) streams.push_back({"S" + std::to_string(i), "stream text"});
  Limits limits;
  limits.max_archive_members = 3;
  MessageData d = Read(MakeOle2(streams), limits);
  ASSERT_FALSE(d.limit_hits.empty());
  EXPECT_EQ(d.limit_hits[0].limit, "archive-members");
}

TEST(Ole2ReaderTest, ALargeStreamIsCutAtMemberSize) {
  Limits limits;
  limits.max_member_bytes = 1000;
  MessageData d = Read(MakeOle2({{"Big", std::string(5000, 'a')}}), limits);
  ASSERT_FALSE(d.limit_hits.empty());
  EXPECT_EQ(d.limit_hits[0].limit, "member-size");
}

TEST(Ole2ReaderTest, StoragesNestAtMostMaxDepth) {
  Limits limits;
  limits.max_depth = 2;
  MessageData d = Read(MakeOle2({{"A/B/C/D/E", "deep text here"}}), limits);
  bool depth = false;
  for (const LimitHit& h : d.limit_hits) depth = depth || h.limit == "depth";
  EXPECT_TRUE(depth);
}

}  // namespace
}  // namespace sendguard
