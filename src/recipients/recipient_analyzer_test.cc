#include "recipients/recipient_analyzer.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sendguard
