// The recipient analyzer on the cases others' typo data showed (issue 18):
// suggestions only to real domains, public-suffix wildcards, suffix swaps,
// hyphens and dots, short labels and two slips.

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

#include "recipients/recipient_analyzer.h"

namespace sendguard {
namespace {

bool HasReason(const RecipientVerdict& v, const std::string& code) {
  for (const RecipientReason& r : v.reasons) {
    if (r.code == code) return true;
  }
  return false;
}

History HistoryOf(std::initializer_list<std::pair<const char*, std::uint64_t>> counts) {
  History h;
  for (const auto& [key, n] : counts) h.Add(key, n);
  h.Finish();
  return h;
}

// `typed` is flagged at least medium with `code` and `suggestion`.
void ExpectCaught(const RecipientAnalyzer& a, const std::string& typed, const std::string& code,
                  const std::string& suggestion) {
  RecipientVerdict v = a.Analyze(typed, {});
  EXPECT_TRUE(HasReason(v, code)) << typed;
  EXPECT_GE(v.risk, Risk::kMedium) << typed;
  EXPECT_EQ(v.suggestion.value_or("<none>"), suggestion) << typed;
}

// `address` carries no typo reason of any risk and no suggestion.
void ExpectClean(const RecipientAnalyzer& a, const std::string& address) {
  RecipientVerdict v = a.Analyze(address, {});
  EXPECT_FALSE(v.suggestion.has_value()) << address << " -> " << v.suggestion.value_or("");
  for (const char* code : {"typo", "tld-typo", "homoglyph", "missing-dot"})
    EXPECT_FALSE(HasReason(v, code)) << address << " " << code;
}

TEST(RecipientDomainsTest, SuggestionsNameOnlyRealDomains) {
  History empty;
  RecipientAnalyzer a({}, empty);
  // army.mil is in the bundled list: the incident's typo keeps its suggestion.
  ExpectCaught(a, "ops@army.ml", "tld-typo", "ops@army.mil");
  ExpectCaught(a, "x@state.gv", "tld-typo", "x@state.gov");
  // lovefall.mil does not exist: at most a weak reason, and no suggestion.
  RecipientVerdict ml = a.Analyze("x@lovefall.ml", {});
  EXPECT_FALSE(ml.suggestion.has_value());
  EXPECT_LE(ml.risk, Risk::kLow);
  EXPECT_FALSE(a.Analyze("x@technion.il", {}).suggestion.has_value());
  // A .ml domain with dozens of messages gets nothing at all.
  History h = HistoryOf({{"lovefall.ml", 40}});
  RecipientAnalyzer known({}, h);
  ExpectClean(known, "x@lovefall.ml");
  EXPECT_EQ(known.Analyze("x@lovefall.ml", {}).risk, Risk::kNone);
}

TEST(RecipientDomainsTest, ARealDomainIsNoSlipOfAnotherKnownOnlyByName) {
  History empty;
  RecipientAnalyzer a({}, empty);
  ExpectClean(a, "x@nsa.gov");   // real, one slip from nasa.gov
  ExpectClean(a, "x@nasa.gov");  // real, one slip from nsa.gov
  ExpectCaught(a, "x@nassa.gov", "typo", "x@nasa.gov");
  RecipientOptions off;
  off.bundled_domains = false;
  RecipientAnalyzer without(off, empty);
  EXPECT_FALSE(without.Analyze("x@nassa.gov", {}).suggestion.has_value());
}

TEST(RecipientDomainsTest, WildcardSuffixesAndADroppedSecondLevelLabel) {
  History h = HistoryOf({{"banglalink.com.bd", 5000}, {"bangladesh.gov.bd", 5000}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@banglalink.bd", "tld-typo", "x@banglalink.com.bd");
  ExpectCaught(a, "x@bangladesh.bd", "tld-typo", "x@bangladesh.gov.bd");
  ExpectCaught(a, "x@banglalnk.com.bd", "typo", "x@banglalink.com.bd");
  ExpectClean(a, "x@banglalink.com.bd");
}

TEST(RecipientDomainsTest, SwapsBetweenSuffixesOfOneCountry) {
  History h = HistoryOf({{"islamicfoundation.gov.bd", 5000}, {"dwp.gov.uk", 5000}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@islamicfoundation.org.bd", "tld-typo", "x@islamicfoundation.gov.bd");
  ExpectCaught(a, "x@islamicfoundation.edu.bd", "tld-typo", "x@islamicfoundation.gov.bd");
  ExpectCaught(a, "x@dwp.gov.dk", "tld-typo", "x@dwp.gov.uk");
  // Another country is not a swap: dwp.com is not flagged as dwp.gov.uk.
  ExpectClean(a, "x@dwp.com");
}

TEST(RecipientDomainsTest, HyphensForDotsDroppedDotsAndGluedWww) {
  History h = HistoryOf({{"us.af.mil", 3000},
                         {"army.mil.bd", 3000},
                         {"nactar.gov.bd", 3000},
                         {"name.com.bd", 3000},
                         {"example.com", 3000}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@army-mil.com", "missing-dot", "x@army.mil");  // bundled army.mil
  ExpectCaught(a, "x@us-af.mil", "missing-dot", "x@us.af.mil");
  ExpectCaught(a, "x@name-com.bd", "missing-dot", "x@name.com.bd");
  ExpectCaught(a, "x@armymil.bd", "missing-dot", "x@army.mil.bd");
  ExpectCaught(a, "x@nactargov.bd", "missing-dot", "x@nactar.gov.bd");
  ExpectCaught(a, "x@wwwexample.com", "typo", "x@example.com");
  ExpectCaught(a, "x@www-example.com", "typo", "x@example.com");
  ExpectClean(a, "x@www.example.com");
  ExpectClean(a, "x@well-known.com");
}

TEST(RecipientDomainsTest, ShortLabelsNearAHeavilyUsedDomain) {
  History h = HistoryOf({{"af.mil", 5000}, {"dla.mil", 5000}, {"gd.com", 5000}});
  RecipientAnalyzer a({}, h);
  for (const char* typed : {"x@ab.mil", "x@a.mil", "x@fa.mil", "x@aaf.mil"}) {
    RecipientVerdict v = a.Analyze(typed, {});
    EXPECT_EQ(v.risk, Risk::kMedium) << typed;
    EXPECT_EQ(v.suggestion.value_or("<none>"), "x@af.mil") << typed;
  }
  ExpectCaught(a, "x@dls.mil", "typo", "x@dla.mil");
  ExpectCaught(a, "x@gs.com", "typo", "x@gd.com");
  // Not at first contact, or not near a heavily used domain: nothing.
  History both = HistoryOf({{"af.mil", 5000}, {"ab.mil", 40}, {"gd.com", 200}});
  RecipientAnalyzer b({}, both);
  ExpectClean(b, "x@ab.mil");
  ExpectClean(b, "x@gs.com");
}

TEST(RecipientDomainsTest, TwoSlipsFromALongBusyLabel) {
  History h = HistoryOf({{"blackberry.com.bd", 5000},
                         {"educationboardresults.gov.bd", 5000},
                         {"quietcompany.com", 50}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@blackbelly.com.bd", "typo", "x@blackberry.com.bd");
  ExpectCaught(a, "x@educationboradresult.gov.bd", "typo", "x@educationboardresults.gov.bd");
  ExpectClean(a, "x@blackbelly.com");     // another suffix
  ExpectClean(a, "x@blockbully.com.bd");  // three slips
  ExpectClean(a, "x@quietcampany.org");   // unrelated
  ExpectClean(a, "x@quitecompaly.com");   // two slips from a domain that is not busy
  RecipientOptions none;
  none.two_slip_targets = 0;
  RecipientAnalyzer off(none, h);
  ExpectClean(off, "x@blackbelly.com.bd");
}

TEST(RecipientDomainsTest, LookalikeLabelsWithoutAKnownDomain) {
  History empty;
  RecipientAnalyzer a({}, empty);
  // Cyrillic ѕсоре under .com: one script, every letter a Latin lookalike.
  RecipientVerdict cyrillic = a.Analyze("x@\xD1\x95\xD1\x81\xD0\xBE\xD1\x80\xD0\xB5.com", {});
  EXPECT_TRUE(HasReason(cyrillic, "homoglyph"));
  EXPECT_EQ(cyrillic.risk, Risk::kMedium);
  // Bengali ২৪ (reads 28) under .com.
  RecipientVerdict digits = a.Analyze("x@\xE0\xA7\xA8\xE0\xA7\xAA.com", {});
  EXPECT_TRUE(HasReason(digits, "homoglyph"));
  // The same Cyrillic word under .ru is at home; a real Russian word is no lookalike.
  EXPECT_FALSE(
      HasReason(a.Analyze("x@\xD1\x95\xD1\x81\xD0\xBE\xD1\x80\xD0\xB5.ru", {}), "homoglyph"));
  EXPECT_FALSE(HasReason(a.Analyze("x@\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.com", {}),
                         "homoglyph"));
}

}  // namespace
}  // namespace sendguard
