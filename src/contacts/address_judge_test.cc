#include "contacts/address_judge.h"

#include <gtest/gtest.h>

#include <memory>

namespace sendguard {
namespace {

// Ann writes to John Smith at Contoso and to the army; the organisation
// also writes to Joan (one slip from John's local part), to Bob Jones at
// two addresses, to a namesake John Smith at Fabrikam, and to Contoso's
// sales desk.
class AddressJudgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto [a, n] : std::vector<std::pair<const char*, int>>{{"john.smith@contoso.com", 40},
                                                                {"joan.smith@contoso.com", 12},
                                                                {"joan.smyth@contoso.com", 9},
                                                                {"bob.jones@contoso.com", 10},
                                                                {"bjones@fabrikam.com", 6},
                                                                {"john.smith@fabrikam.com", 4},
                                                                {"sales@contoso.com", 30},
                                                                {"ops@army.mil", 9000},
                                                                {"kelly.brown@contoso.com", 8},
                                                                {"all-staff@own.mil", 500},
                                                                {"dave.green@own.mil", 300}}) {
      history_.Add(a, n);
    }
    history_.Finish();
    options_.own_domains = {"own.mil"};
    options_.mailing_lists = {"All-Staff@own.mil"};
    contacts_ = SenderContacts({{"john.smith@contoso.com", 25, "", "", {"john smith"}},
                                {"joan.smith@contoso.com", 4, "", "", {"joan smith"}},
                                {"joan.smyth@contoso.com", 3, "", "", {}},
                                {"bob.jones@contoso.com", 6, "", "", {"bob jones"}},
                                {"bjones@fabrikam.com", 2, "", "", {"bob jones"}},
                                {"ops@army.mil", 50, "", "", {}},
                                {"dave.green@own.mil", 20, "", "", {"dave green"}}});
    Build();
  }
  void Build() {
    judge_.reset();
    analyzer_ = std::make_unique<RecipientAnalyzer>(options_, history_);
    judge_ = std::make_unique<AddressJudge>(*analyzer_, history_);
  }
  RecipientVerdict Judge(const std::string& address, const std::string& name = "",
                         bool known_sender = true) {
    std::vector<std::string> all = {address};
    std::vector<Address> visible = {{name, address}};
    return judge_->JudgeMessage(
        MessageRecipients{"ann@own.mil", known_sender ? &contacts_ : nullptr, all, visible, {}})[0];
  }

  History history_;
  RecipientOptions options_;
  SenderContacts contacts_;
  std::unique_ptr<RecipientAnalyzer> analyzer_;
  std::unique_ptr<AddressJudge> judge_;
};

TEST_F(AddressJudgeTest, ASlipFromTheSendersContactIsAnAddressTypo) {
  for (const char* typed :
       {"jonh.smith@contoso.com", "john.smiht@contoso.com", "john.smithh@contoso.com",
        "john.snith@contoso.com", "johnsmith@contoso.com", "john.smit@contoso.com"}) {
    RecipientVerdict v = Judge(typed);
    EXPECT_TRUE(v.Has("address-typo")) << typed;
    EXPECT_EQ(v.risk, Risk::kHigh) << typed;
    EXPECT_EQ(v.suggestion.value_or(""), "john.smith@contoso.com") << typed;
  }
}

// The organisation's addresses are compared by first and last letter; a
// slip at either end must still find its target.
TEST_F(AddressJudgeTest, ASlipAtEitherEndOfAnOrganisationAddressIsFound) {
  for (const char* typed :
       {"xelly.brown@contoso.com", "elly.brown@contoso.com", "eklly.brown@contoso.com",
        "kelly.browx@contoso.com", "kelly.brow@contoso.com", "kelly.browm@contoso.com",
        "kelly.brownn@contoso.com", "kelly.browwn@contoso.com", "kelly.brwon@contoso.com",
        "kkelly.brown@contoso.com", "kelly.bronw@contoso.com"}) {
    RecipientVerdict v = Judge(typed, "", /*known_sender=*/false);
    EXPECT_TRUE(v.Has("address-typo")) << typed;
    EXPECT_EQ(v.suggestion.value_or(""), "kelly.brown@contoso.com") << typed;
  }
  EXPECT_FALSE(Judge("xelly.browx@contoso.com", "", false).Has("address-typo"));  // two slips
}

TEST_F(AddressJudgeTest, ASlipFromAnOrganisationAddressIsAMediumAddressTypo) {
  // Ann never wrote to Kelly, but the organisation does.
  RecipientVerdict v = Judge("kelly.brwn@contoso.com");
  EXPECT_TRUE(v.Has("address-typo"));
  EXPECT_EQ(v.risk, Risk::kMedium);
  EXPECT_EQ(v.suggestion.value_or(""), "kelly.brown@contoso.com");
  // Also for a sender with no history of their own.
  EXPECT_TRUE(Judge("kelly.brwn@contoso.com", "", /*known_sender=*/false).Has("address-typo"));
}

TEST_F(AddressJudgeTest, InternalSlipsAreCaughtToo) {
  RecipientVerdict v = Judge("dave.gren@own.mil");
  EXPECT_TRUE(v.Has("address-typo"));
  EXPECT_EQ(v.suggestion.value_or(""), "dave.green@own.mil");
}

TEST_F(AddressJudgeTest, TwoRealAddressesOneSlipApartAreBothFine) {
  for (const char* a :
       {"joan.smith@contoso.com", "joan.smyth@contoso.com", "john.smith@contoso.com"}) {
    RecipientVerdict v = Judge(a);
    EXPECT_EQ(v.risk, Risk::kNone) << a;
    EXPECT_FALSE(v.suggestion) << a;
  }
}

TEST_F(AddressJudgeTest, RoleAddressesAreNotSlips) {
  // Nobody wrote to info@ or help@ at Contoso; neither is a slip of anything.
  EXPECT_FALSE(Judge("info@contoso.com").Has("address-typo"));
  // "sale" is a slip of "sales", and no role itself: flagged.
  EXPECT_TRUE(Judge("sale@contoso.com").Has("address-typo"));
  options_.role_local_parts.push_back("sale");
  Build();
  EXPECT_FALSE(Judge("sale@contoso.com").Has("address-typo"));
}

TEST_F(AddressJudgeTest, ANewColleagueFarFromEveryKnownAddressIsNoTypo) {
  RecipientVerdict v = Judge("priya.raman@contoso.com", "Priya Raman");
  EXPECT_FALSE(v.Has("address-typo"));
  EXPECT_FALSE(v.Has("name-mismatch"));
  EXPECT_LE(v.risk, Risk::kLow);
}

TEST_F(AddressJudgeTest, TheDisplayNameOfAKnownContactAtAnotherAddressIsANameMismatch) {
  // Autocomplete picked the namesake at Fabrikam.
  RecipientVerdict v = Judge("john.smith@fabrikam.com", "John Smith");
  EXPECT_TRUE(v.Has("name-mismatch"));
  EXPECT_EQ(v.risk, Risk::kHigh);
  EXPECT_EQ(v.suggestion.value_or(""), "john.smith@contoso.com");
  // Spelled by the local part, with no display name.
  RecipientVerdict w = Judge("john.smith@gmail.com");
  EXPECT_TRUE(w.Has("name-mismatch"));
  EXPECT_EQ(w.suggestion.value_or(""), "john.smith@contoso.com");
  // "Smith, John" is the same name.
  EXPECT_TRUE(Judge("jsmith@hotmail.com", "Smith, John").Has("name-mismatch"));
}

// Aliases of a contact inside its own organisation are the same person:
// a separator changed, a middle initial added, a subdomain of the same
// registrable name. Seen on the Enron corpus (steven.j.kean for
// steven.kean, sally_beck for sally.beck, ca.ml.com for ml.com).
TEST_F(AddressJudgeTest, AContactsAliasesInItsOwnOrganisationAreNotFlagged) {
  for (const char* alias : {"john_smith@contoso.com", "john.a.smith@contoso.com",
                            "smith.john@contoso.com", "john.smith@eu.contoso.com"}) {
    RecipientVerdict v = Judge(alias);
    EXPECT_FALSE(v.Has("address-typo")) << alias;
    EXPECT_FALSE(v.Has("name-mismatch")) << alias;
  }
  // At another organisation the name is still a namesake.
  EXPECT_TRUE(Judge("john.a.smith@gmail.com").Has("name-mismatch"));
}

TEST_F(AddressJudgeTest, OnePersonsTwoAddressesTheSenderUsesAreBothFine) {
  EXPECT_EQ(Judge("bjones@fabrikam.com", "Bob Jones").risk, Risk::kNone);
  EXPECT_EQ(Judge("bob.jones@contoso.com", "Bob Jones").risk, Risk::kNone);
}

TEST_F(AddressJudgeTest, AnAddressTheOrganisationButNotTheSenderUsesIsNewForTheSender) {
  RecipientVerdict v = Judge("kelly.brown@contoso.com");
  EXPECT_TRUE(v.Has("new-for-sender"));
  EXPECT_EQ(v.risk, Risk::kLow);
  // Unknown sender: nothing to compare with.
  EXPECT_FALSE(Judge("kelly.brown@contoso.com", "", false).Has("new-for-sender"));
  EXPECT_FALSE(Judge("john.smith@fabrikam.com", "John Smith", false).Has("name-mismatch"));
}

TEST_F(AddressJudgeTest, MailingListsAndDisabledJudgingFlagNothing) {
  EXPECT_EQ(Judge("all-staff@own.mil").risk, Risk::kNone);
  EXPECT_FALSE(Judge("all-stafff@own.mil").reasons.empty());  // a slip of the list is a slip
  options_.per_sender = false;
  Build();
  EXPECT_FALSE(Judge("jonh.smith@contoso.com").Has("address-typo"));
  EXPECT_FALSE(Judge("john.smith@fabrikam.com", "John Smith").Has("name-mismatch"));
}

TEST_F(AddressJudgeTest, ADomainTypoIsReportedAsSuchNotAsAnAddress) {
  RecipientVerdict v = Judge("ops@army.ml");
  EXPECT_TRUE(v.Has("tld-typo"));
  EXPECT_FALSE(v.Has("address-typo"));
  EXPECT_EQ(v.suggestion.value_or(""), "ops@army.mil");
}

TEST_F(AddressJudgeTest, ManyExternalAddressesInToAndCcAreReported) {
  std::vector<std::string> all;
  std::vector<Address> visible;
  for (int i = 0; i < 12; ++i) {
    const std::string a = "p" + std::to_string(i) + "@d" + std::to_string(i % 4) + ".example.org";
    all.push_back(a);
    visible.push_back({"", a});
  }
  all.push_back("hidden@d9.example.org");  // Bcc: not visible
  all.push_back("dave.green@own.mil");     // internal
  visible.push_back({"", "dave.green@own.mil"});
  std::vector<RecipientVerdict> v =
      judge_->JudgeMessage(MessageRecipients{"ann@own.mil", &contacts_, all, visible, {}});
  for (int i = 0; i < 12; ++i) EXPECT_TRUE(v[i].Has("many-external-visible")) << i;
  EXPECT_FALSE(v[12].Has("many-external-visible"));
  EXPECT_FALSE(v[13].Has("many-external-visible"));
  // As many from only three domains: not over the domain bound.
  for (auto& a : visible) a.address = a.address.replace(a.address.find('@') + 2, 1, "1");
  for (std::size_t i = 0; i < 12; ++i) all[i] = visible[i].address;
  v = judge_->JudgeMessage(MessageRecipients{"ann@own.mil", &contacts_, all, visible, {}});
  for (int i = 0; i < 12; ++i) EXPECT_FALSE(v[i].Has("many-external-visible")) << all[i];
}

// Ann mails jsmith, Bob Jones and the army ops desk together; a first
// contact added to that group is unusual, and medium when it looks like
// one of the group (autocomplete picked jsmith at another company).
TEST_F(AddressJudgeTest, AFirstContactAddedToAGroupIsAnUnusualRecipient) {
  const std::vector<std::string> group = {"jsmith@contoso.com", "bob.jones@contoso.com",
                                          "ops@army.mil"};
  const SenderContacts ann({{"jsmith@contoso.com", 8, "", "", {}},
                            {"bob.jones@contoso.com", 6, "", "", {"bob jones"}},
                            {"ops@army.mil", 50, "", "", {}},
                            {"bjones@fabrikam.com", 2, "", "", {}}},
                           {{RecipientGroupSignature(group), 5}});
  auto judge = [&](std::vector<std::string> all, const std::string& added) {
    all.push_back(added);
    std::vector<Address> visible;
    for (const std::string& a : all) visible.push_back({"", a});
    return judge_->JudgeMessage(MessageRecipients{"ann@own.mil", &ann, all, visible, {}}).back();
  };
  RecipientVerdict lookalike = judge(group, "jsmith@fabrikam.com");
  EXPECT_TRUE(lookalike.Has("unusual-recipient"));
  EXPECT_EQ(lookalike.risk, Risk::kMedium);
  EXPECT_EQ(lookalike.suggestion.value_or(""), "jsmith@contoso.com");
  EXPECT_NE(lookalike.reasons.back().detail.find("5 times"), std::string::npos);

  RecipientVerdict stranger = judge(group, "zed.quill@partner-labs.org");
  EXPECT_TRUE(stranger.Has("unusual-recipient"));
  EXPECT_EQ(stranger.risk, Risk::kLow);
  EXPECT_FALSE(stranger.suggestion.has_value());

  // Not flagged: a contact Ann knows, the same stranger with recipients
  // Ann never mailed together, a new colleague inside the organisation.
  EXPECT_FALSE(judge(group, "bjones@fabrikam.com").Has("unusual-recipient"));
  EXPECT_FALSE(judge({"jsmith@contoso.com", "ops@army.mil"}, "zed.quill@partner-labs.org")
                   .Has("unusual-recipient"));
  EXPECT_FALSE(judge(group, "new.colleague@own.mil").Has("unusual-recipient"));
  // Nor without per-sender history.
  EXPECT_FALSE(judge_->JudgeMessage(MessageRecipients{"ann@own.mil", nullptr, group, {}, {}})
                   .back()
                   .Has("unusual-recipient"));
}

}  // namespace
}  // namespace sendguard
