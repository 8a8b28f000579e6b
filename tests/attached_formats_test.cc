// The formats people really attach, end to end: each fixture of
// tests/data/formats/ (made by the make-*.sh scripts there) attached to a
// message to a first-contact external recipient and judged by the shipped
// policy. A banner in a legacy Office file, an RTF file, a TNEF winmail.dat,
// a picture of a page or a scanned PDF is a classification marking; a
// picture's GPS position and a map file are location findings.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy/config.h"
#include "policy/decision.h"
#include "sendguard/parser.h"
#include "tests/fixtures.h"

namespace sendguard {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(
      std::filesystem::path(SENDGUARD_SOURCE_DIR) / "tests" / "data" / "formats" / name,
      std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  const char* file;
  const char* content_type;
  const char* detector;  // the finding it must get
  const char* rule;      // the shipped rule that decides
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

class AttachedFormatsTest : public ::testing::TestWithParam<Case> {};

TEST_P(AttachedFormatsTest, TheShippedPolicyFindsWhatItCarries) {
  const Case& c = GetParam();
  const std::string data = Fixture(c.file);
  ASSERT_FALSE(data.empty()) << "missing fixture " << c.file;
  Result<Config> config = ParseConfig("organization:\n  domains: [example.org]\n", "test.yaml");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  Result<std::unique_ptr<Context>> context = Context::Create(std::move(config).value(), History{});
  ASSERT_TRUE(context.ok()) << context.status().ToString();
  const std::string raw =
      testing::MakeMessage("someone@newcorp.example", "as discussed",
                           {{"text/plain; charset=utf-8", "7bit", "", "See the attachment.\r\n"},
                            testing::Attachment(c.content_type, c.file, data)});
  Result<Message> m = ParseMessage(raw);
  ASSERT_TRUE(m.ok());
  Result<Decision> d = Evaluate(*m, **context);
  ASSERT_TRUE(d.ok());
  const Finding* found = nullptr;
  for (const Finding& f : d->findings) {
    if (f.detector == c.detector) found = &f;
  }
  ASSERT_NE(found, nullptr) << c.file << ": no " << c.detector << " finding; rule " << d->rule;
  ASSERT_FALSE(found->where.empty());
  EXPECT_EQ(found->where[0].rfind(std::string("attachment:") + c.file, 0), 0u) << found->where[0];
  if (std::string_view(c.detector) == "classification-marking") {
    EXPECT_EQ(found->level, "secret") << c.file;
  } else {
    EXPECT_EQ(found->category, "location") << c.file;
  }
  // The geo fixtures but the shapefile also show a banner, which decides
  // first; a position alone is held on its way outside.
  if (std::string_view(c.rule) == "positions-outside" && d->rule == "classified-marking") {
    EXPECT_EQ(d->action, Action::kReject);
  } else {
    EXPECT_EQ(d->rule, c.rule) << c.file << ": " << d->reason;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, AttachedFormatsTest,
    ::testing::Values(
        Case{"banner.doc", "application/msword", "classification-marking", "classified-marking"},
        Case{"banner.xls", "application/vnd.ms-excel", "classification-marking",
             "classified-marking"},
        Case{"banner.ppt", "application/vnd.ms-powerpoint", "classification-marking",
             "classified-marking"},
        Case{"banner.rtf", "application/rtf", "classification-marking", "classified-marking"},
        Case{"winmail.dat", "application/ms-tnef", "classification-marking", "classified-marking"},
        Case{"banner-page.png", "image/png", "classification-marking", "classified-marking"},
        Case{"banner-page.jpg", "image/jpeg", "classification-marking", "classified-marking"},
        Case{"banner-scan.pdf", "application/pdf", "classification-marking", "classified-marking"},
        Case{"gps.jpg", "image/jpeg", "exif-gps", "positions-outside"},
        Case{"sites.kml", "application/vnd.google-earth.kml+xml", "geo-file", "positions-outside"},
        Case{"sites.kmz", "application/vnd.google-earth.kmz", "geo-file", "positions-outside"},
        Case{"track.gpx", "application/gpx+xml", "geo-file", "positions-outside"},
        Case{"sites.geojson", "application/geo+json", "geo-file", "positions-outside"},
        Case{"sites.shp", "application/octet-stream", "geo-file", "positions-outside"}),
    [](const ::testing::TestParamInfo<Case>& info) {
      std::string name = info.param.file;
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace sendguard
