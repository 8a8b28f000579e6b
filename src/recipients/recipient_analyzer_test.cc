#include "recipients/recipient_analyzer.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

namespace sendguard {
namespace {

bool HasReason(const RecipientVerdict& v, const std::string& code) {
  for (const RecipientReason& r : v.reasons) {
    if (r.code == code) return true;
  }
  return false;
}

// Every field of a verdict, for comparing two of them.
std::string Describe(const RecipientVerdict& v) {
  std::string s = v.address + "|" + v.domain + "|" + std::string(RiskName(v.risk)) + "|" +
                  (v.external ? "external" : "internal") + "|" + (v.trusted ? "trusted" : "") +
                  "|" + v.suggestion.value_or("<none>");
  for (const RecipientReason& r : v.reasons) s += "|" + r.code + ":" + r.detail;
  return s;
}

class AnalyzerTest : public ::testing::Test {
 protected:
  History empty_;
};

TEST_F(AnalyzerTest, MilToMlWithEmptyHistory) {
  RecipientAnalyzer a({}, empty_);
  RecipientVerdict v = a.Analyze("ops@army.ml", {});
  EXPECT_EQ(v.risk, Risk::kHigh);
  EXPECT_TRUE(HasReason(v, "tld-typo"));
  ASSERT_TRUE(v.suggestion.has_value());
  EXPECT_EQ(*v.suggestion, "ops@army.mil");

  RecipientVerdict ok = a.Analyze("ops@army.mil", {});
  EXPECT_FALSE(HasReason(ok, "tld-typo"));
  EXPECT_FALSE(ok.suggestion.has_value());
  EXPECT_EQ(ok.risk, Risk::kNone);
}

TEST_F(AnalyzerTest, SensitiveSuffixesDefaultToTheBuiltinList) {
  const RecipientOptions options;
  ASSERT_EQ(options.sensitive_suffixes.size(), BuiltinSensitiveSuffixes().size());
  for (std::size_t i = 0; i < options.sensitive_suffixes.size(); ++i) {
    EXPECT_EQ(options.sensitive_suffixes[i], BuiltinSensitiveSuffixes()[i]);
  }
}

TEST_F(AnalyzerTest, SubdomainsKeepTheirPrefixInTheSuggestion) {
  RecipientAnalyzer a({}, empty_);
  RecipientVerdict v = a.Analyze("j.doe@mail.navy.mi", {});
  EXPECT_TRUE(HasReason(v, "tld-typo"));
  EXPECT_TRUE(HasReason(v, "invalid-domain"));  // .mi does not exist
  EXPECT_EQ(v.suggestion.value_or(""), "j.doe@mail.navy.mil");
}

TEST_F(AnalyzerTest, WebmailTyposWithoutHistory) {
  RecipientAnalyzer a({}, empty_);
  EXPECT_EQ(a.Analyze("me@gmial.com", {}).suggestion.value_or(""), "me@gmail.com");
  EXPECT_EQ(a.Analyze("me@gmail.co", {}).suggestion.value_or(""), "me@gmail.com");
  EXPECT_EQ(a.Analyze("me@hotmial.com", {}).suggestion.value_or(""), "me@hotmail.com");
  RecipientVerdict real = a.Analyze("me@gmail.com", {});
  EXPECT_FALSE(real.suggestion.has_value());
  EXPECT_TRUE(HasReason(real, "personal-webmail"));
  EXPECT_EQ(real.risk, Risk::kLow);
  // mail.com is a provider of its own, not a typo of gmail.com.
  EXPECT_FALSE(a.Analyze("me@mail.com", {}).suggestion.has_value());
}

TEST_F(AnalyzerTest, HistoryDrivenTyposOfEveryKind) {
  History h;
  h.Add("logistics-command.com", 4000);
  h.Add("example.org", 2000);
  h.Add("us.af.mil", 3000);
  h.Add("army.mil", 9000);
  h.Add("magnet.co.uk", 700);
  h.Finish();
  RecipientAnalyzer a({}, h);
  struct Case {
    const char* typed;
    const char* code;
    const char* suggestion;
  } cases[] = {
      {"x@logistics-comand.com", "typo", "x@logistics-command.com"},    // omission
      {"x@logistics-commannd.com", "typo", "x@logistics-command.com"},  // repetition
      {"x@logistcis-command.com", "typo", "x@logistics-command.com"},   // transposition
      {"x@logisticscommand.com", "typo", "x@logistics-command.com"},    // hyphen dropped
      {"x@exanple.org", "typo", "x@example.org"},                       // keyboard
      {"x@example.orh", "tld-typo", "x@example.org"},                   // TLD
      {"x@magnet.co.ukk", "tld-typo", "x@magnet.co.uk"},                // TLD of a 2-label suffix
      {"x@examp1e.org", "homoglyph", "x@example.org"},                  // 1 for l
      {"x@usaf.mil", "missing-dot", "x@us.af.mil"},                     // dot left out
      {"x@armymil.com", "missing-dot", "x@army.mil"},                   // dot, plus .com
      {"x@ar.my.mil", "typo", "x@army.mil"},                            // extra dot
      {"x@arrny.mil", "homoglyph", "x@army.mil"},                       // rn for m
      {"x@\xD0\xB0rmy.mil", "homoglyph", "x@army.mil"},                 // Cyrillic а
  };
  for (const Case& c : cases) {
    RecipientVerdict v = a.Analyze(c.typed, {});
    EXPECT_TRUE(HasReason(v, c.code)) << c.typed;
    EXPECT_GE(v.risk, Risk::kMedium) << c.typed;
    EXPECT_EQ(v.suggestion.value_or("<none>"), c.suggestion) << c.typed;
  }
}

TEST_F(AnalyzerTest, EstablishedDomainsAndSubdomainsAreNeverTypos) {
  History h;
  h.Add("partner1.com", 500);
  h.Add("partner11.com", 400);  // comparable traffic: both legitimate
  h.Add("army.mil", 9000);
  h.Add("army.ml", 30);   // a typo with dozens of messages is still a typo
  h.Add("idf.il", 2000);  // established: not a typo of idf.mil
  h.Finish();
  RecipientAnalyzer a({}, h);
  EXPECT_FALSE(a.Analyze("a@partner1.com", {}).suggestion.has_value());
  EXPECT_FALSE(a.Analyze("a@partner11.com", {}).suggestion.has_value());
  EXPECT_FALSE(a.Analyze("a@hq.army.mil", {}).suggestion.has_value());
  EXPECT_FALSE(a.Analyze("a@idf.il", {}).suggestion.has_value());
  RecipientVerdict typo = a.Analyze("a@army.ml", {});
  EXPECT_EQ(typo.suggestion.value_or(""), "a@army.mil");
  EXPECT_EQ(typo.risk, Risk::kHigh);
}

TEST_F(AnalyzerTest, RelationshipSignals) {
  History h;
  h.Add("colleague@partner.org", 50);
  h.Finish();
  RecipientOptions o;
  o.own_domains = {"example.mil"};
  RecipientAnalyzer a(o, h);
  RecipientVerdict internal = a.Analyze("boss@hq.example.mil", {});
  EXPECT_FALSE(internal.external);
  EXPECT_TRUE(internal.reasons.empty());
  RecipientVerdict known = a.Analyze("colleague@partner.org", {});
  EXPECT_TRUE(known.reasons.empty());
  RecipientVerdict bracketed = a.Analyze(" <Colleague@Partner.org> ", {});
  EXPECT_EQ(bracketed.address, "Colleague@Partner.org");
  EXPECT_TRUE(bracketed.reasons.empty());
  RecipientVerdict new_address = a.Analyze("someone@partner.org", {});
  EXPECT_TRUE(HasReason(new_address, "first-contact"));
  EXPECT_FALSE(new_address.suggestion.has_value());
  RecipientVerdict new_domain = a.Analyze("x@elsewhere.net", {});
  EXPECT_TRUE(HasReason(new_domain, "first-contact"));
  EXPECT_EQ(new_domain.risk, Risk::kLow);
}

TEST_F(AnalyzerTest, InvalidAddresses) {
  RecipientAnalyzer a({}, empty_);
  EXPECT_TRUE(HasReason(a.Analyze("nobody", {}), "invalid-domain"));
  EXPECT_TRUE(HasReason(a.Analyze("x@a..b", {}), "invalid-domain"));
  EXPECT_TRUE(HasReason(a.Analyze("x@example.notatld", {}), "invalid-domain"));
}

TEST_F(AnalyzerTest, ConfiguredProtectedDomainsAreTargetsWithoutHistory) {
  RecipientOptions o;
  o.protected_domains = {"coalition-hq.int"};
  RecipientAnalyzer a(o, empty_);
  EXPECT_EQ(a.Analyze("x@coalition-hg.int", {}).suggestion.value_or(""), "x@coalition-hq.int");
  EXPECT_FALSE(a.Analyze("x@coalition-hq.int", {}).suggestion.has_value());
}

TEST_F(AnalyzerTest, SenderAndOtherRecipientsDoNotChangeTheVerdictYet) {
  History h;
  h.Add("colleague@partner.org", 50);
  h.Add("army.mil", 9000);
  h.Finish();
  RecipientOptions o;
  o.own_domains = {"example.mil"};
  RecipientAnalyzer a(o, h);
  const std::vector<std::string> message = {"ops@army.ml",     "colleague@partner.org",
                                            "x@elsewhere.net", "me@gmial.com",
                                            "nobody",          "boss@hq.example.mil"};
  const std::vector<std::string> others = {"someone@partner.org"};
  const std::vector<RecipientQuery> queries = {
      {"", {}},
      {"boss@hq.example.mil", message},
      {"stranger@elsewhere.net", others},
      {"not an address", {}},
  };
  for (const std::string& address : message) {
    const std::string alone = Describe(a.Analyze(address, RecipientQuery{}));
    for (const RecipientQuery& q : queries) {
      EXPECT_EQ(Describe(a.Analyze(address, q)), alone) << address << " from " << q.sender;
    }
  }
}

// The cases others' typo data showed (issue 18): suggestions only to real
// domains, public-suffix wildcards, suffix swaps, hyphens and dots, short
// labels, two slips and lookalike labels.

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

TEST(AnalyzerDomainsTest, SuggestionsNameOnlyRealDomains) {
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

TEST(AnalyzerDomainsTest, ARealDomainIsNoSlipOfAnotherKnownOnlyByName) {
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

TEST(AnalyzerDomainsTest, WildcardSuffixesAndADroppedSecondLevelLabel) {
  History h = HistoryOf({{"banglalink.com.bd", 5000}, {"bangladesh.gov.bd", 5000}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@banglalink.bd", "tld-typo", "x@banglalink.com.bd");
  ExpectCaught(a, "x@bangladesh.bd", "tld-typo", "x@bangladesh.gov.bd");
  ExpectCaught(a, "x@banglalnk.com.bd", "typo", "x@banglalink.com.bd");
  ExpectClean(a, "x@banglalink.com.bd");
}

TEST(AnalyzerDomainsTest, SwapsBetweenSuffixesOfOneCountry) {
  History h = HistoryOf({{"islamicfoundation.gov.bd", 5000}, {"dwp.gov.uk", 5000}});
  RecipientAnalyzer a({}, h);
  ExpectCaught(a, "x@islamicfoundation.org.bd", "tld-typo", "x@islamicfoundation.gov.bd");
  ExpectCaught(a, "x@islamicfoundation.edu.bd", "tld-typo", "x@islamicfoundation.gov.bd");
  ExpectCaught(a, "x@dwp.gov.dk", "tld-typo", "x@dwp.gov.uk");
  // Another country is not a swap: dwp.com is not flagged as dwp.gov.uk.
  ExpectClean(a, "x@dwp.com");
}

TEST(AnalyzerDomainsTest, HyphensForDotsDroppedDotsAndGluedWww) {
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

TEST(AnalyzerDomainsTest, ShortLabelsNearAHeavilyUsedDomain) {
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

TEST(AnalyzerDomainsTest, TwoSlipsFromALongBusyLabel) {
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

TEST(AnalyzerDomainsTest, LookalikeLabelsWithoutAKnownDomain) {
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
