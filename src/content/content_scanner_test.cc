#include "content/content_scanner.h"

#include <gtest/gtest.h>

#include "content/custom_rules.h"
#include "content/scan_for_test.h"

namespace sendguard {
namespace {

using testing::Findings;
using testing::kHigh;
using testing::kLow;
using testing::kMedium;

TEST(ContentScannerTest, BuiltinIsSharedAndListsEveryDetector) {
  Result<std::shared_ptr<const ContentScanner>> a = ContentScanner::Builtin();
  Result<std::shared_ptr<const ContentScanner>> b = ContentScanner::Builtin();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->get(), b->get());
  std::vector<std::string> ids;
  for (const DetectorDef& d : (*a)->detectors()) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"classification-marking", "cui-marking", "credit-card",
                                           "iban", "aba-routing", "us-ssn", "dod-id", "us-passport",
                                           "private-key", "aws-access-key", "api-token", "password",
                                           "icd10", "mgrs", "lat-long", "exif-gps", "geo-file"}));
}

TEST(ContentScannerTest, CountsAndSourcesAcrossTexts) {
  Result<std::shared_ptr<const ContentScanner>> s = ContentScanner::Builtin();
  ASSERT_TRUE(s.ok());
  std::vector<TextSegment> texts = {
      {"subject", "Visa 4111111111111111", -1},
      {"body", "nothing here", 0},
      {"attachment:cards.txt", "card 5555555555554444 and card 4111 1111 1111 1111", 1},
  };
  Result<std::vector<Finding>> f = (*s)->Scan(texts);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].detector, "credit-card");
  EXPECT_EQ((*f)[0].count, 3);
  EXPECT_EQ((*f)[0].where, (std::vector<std::string>{"subject", "attachment:cards.txt"}));
}

TEST(ContentScannerTest, OverlappingTriggersOfOneDetectorAreOneMatch) {
  auto f = Findings("CUI//SP-PRVCY//NOFORN\n");
  ASSERT_TRUE(f.count("cui-marking"));
  EXPECT_EQ(f["cui-marking"].count, 1);
  EXPECT_EQ(f["cui-marking"].confidence, kHigh);
}

TEST(ContentScannerTest, OrdinaryProseHasNoFindings) {
  auto f = Findings(
      "Hi team,\n\nThe quarterly review is on 12 March at 10:30 in room 4.12. Please bring the "
      "figures for Q3 (revenue up 4.5%, costs 1,234,567 EUR) and version 2.3.1 of the deck. "
      "Call me on +44 20 7946 0958 if you are late. Order 998877 shipped via UPS.\n\nThanks,\n"
      "Jane\n");
  EXPECT_TRUE(f.empty()) << f.begin()->first;
}

TEST(ContentScannerTest, RejectsDuplicateIdsAndBadPatterns) {
  std::vector<DetectorDef> defs = BuiltinDetectors();
  defs.push_back(defs[0]);
  EXPECT_FALSE(ContentScanner::Create(defs).ok());
  DetectorDef bad;
  bad.id = "bad";
  bad.triggers = {"(unclosed"};
  bad.confirm = [](const MatchView&) { return std::optional<Candidate>(); };
  Result<std::unique_ptr<const ContentScanner>> s = ContentScanner::Create({bad});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("(unclosed"), std::string::npos);
}

std::map<std::string, Finding> ScanWith(const ContentConfig& config, std::string_view text) {
  std::map<std::string, Finding> out;
  Result<std::shared_ptr<const ContentScanner>> s = BuildContentScanner(config);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return out;
  Result<std::vector<Finding>> f = (*s)->ScanText(text, "body");
  EXPECT_TRUE(f.ok());
  for (Finding& x : *f) out.emplace(x.detector, std::move(x));
  return out;
}

TEST(CustomRulesTest, RegexRuleWithValidatorAndKeywords) {
  CustomRule r;
  r.id = "member-number";
  r.category = "pii";
  r.patterns = {R"(\bMBR-\d{8}\b)"};
  r.validator = "luhn";
  r.keywords = {"member"};
  r.confidence = Confidence::kMedium;
  ContentConfig config{{}, {r}};
  auto f = ScanWith(config, "ref MBR-79927398 here");  // 79927398: Luhn passes
  ASSERT_TRUE(f.count("member-number"));
  EXPECT_EQ(f["member-number"].category, "pii");
  EXPECT_EQ(f["member-number"].confidence, kMedium);
  EXPECT_EQ(f["member-number"].sample, "MB*-******98");
  EXPECT_EQ(ScanWith(config, "member MBR-79927398")["member-number"].confidence, kHigh);
  EXPECT_FALSE(ScanWith(config, "ref MBR-79927399").count("member-number"));  // Luhn fails

  config.rules[0].require_keywords = true;
  EXPECT_FALSE(ScanWith(config, "ref MBR-79927398").count("member-number"));
  EXPECT_TRUE(ScanWith(config, "Member MBR-79927398").count("member-number"));
}

TEST(CustomRulesTest, DictionaryMatchesWholeWordsAnyCase) {
  CustomRule d;
  d.id = "code-names";
  d.dictionary = true;
  d.patterns = {"NIGHTJAR", "blue  lantern", "op.x"};
  d.confidence = Confidence::kHigh;
  ContentConfig config{{}, {d}};
  auto f = ScanWith(config, "Operation Nightjar and BLUE\nLANTERN and op.x");
  ASSERT_TRUE(f.count("code-names"));
  EXPECT_EQ(f["code-names"].count, 3);
  EXPECT_EQ(f["code-names"].confidence, kHigh);
  EXPECT_FALSE(ScanWith(config, "nightjars opaxe").count("code-names"));  // whole words, literal
}

TEST(CustomRulesTest, DisabledBuiltinsAndErrors) {
  ContentConfig config;
  config.disabled = {"lat-long"};
  EXPECT_FALSE(ScanWith(config, "GPS 38.8977, -77.0365").count("lat-long"));
  config.disabled = {"no-such-detector"};
  EXPECT_FALSE(BuildContentScanner(config).ok());

  CustomRule r;
  r.id = "x";
  r.patterns = {"a("};
  EXPECT_FALSE(CheckCustomRule(r).ok());
  r.patterns = {"a"};
  r.validator = "crc";
  Status st = CheckCustomRule(r);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("unknown validator"), std::string::npos);
  r.validator.clear();
  r.keywords = {" "};
  EXPECT_FALSE(CheckCustomRule(r).ok());  // an empty keyword would match everywhere
  r.keywords.clear();
  r.id.clear();
  EXPECT_FALSE(CheckCustomRule(r).ok());
}

}  // namespace
}  // namespace sendguard
