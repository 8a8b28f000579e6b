#include "policy/decision.h"

#include <gtest/gtest.h>

#include <chrono>

#include "sendguard/parser.h"

namespace sendguard {
namespace {

Decision Judge(const std::string& to, const std::string& body, Config config = Config{},
               const std::vector<std::pair<std::string, std::uint64_t>>& history = {}) {
  History h;
  for (const auto& [d, n] : history) h.Add(d, n);
  h.Finish();
  Result<std::unique_ptr<Context>> c = Context::Create(std::move(config), std::move(h));
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  Result<Message> m =
      ParseMessage("From: a@army.mil\r\nTo: " + to + "\r\nSubject: s\r\n\r\n" + body + "\r\n");
  EXPECT_TRUE(m.ok());
  Result<Decision> d = Evaluate(*m, **c);
  EXPECT_TRUE(d.ok());
  return d.ok() ? *d : Decision{};
}

Config WithOrg() {
  Config c;
  c.recipients.own_domains = {"army.mil"};
  c.recipients.trusted_domains = {"partner.com"};
  return c;
}

const std::vector<std::pair<std::string, std::uint64_t>> kHistory = {
    {"army.mil", 9000}, {"navy.mil", 4000}, {"partner.com", 800}, {"vendor.com", 300}};

TEST(DefaultPolicyTest, MistypedRecipientIsHeldWithTheSuggestion) {
  Decision d = Judge("ops@army.ml", "travel plans");
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule, "mistyped-recipient");
  EXPECT_NE(d.reason.find("did you mean ops@army.mil?"), std::string::npos) << d.reason;
  EXPECT_EQ(d.suspects, std::vector<std::string>{"ops@army.ml"});
  EXPECT_FALSE(d.partial);
}

// A sender's history, or a store that has gone.
class FixedContacts : public ContactSource {
 public:
  explicit FixedContacts(Status error = OkStatus()) : error_(std::move(error)) {}
  Result<std::shared_ptr<const ContactView>> Contacts(std::string_view sender) const override {
    if (!error_.ok()) return error_;
    if (sender != "a@army.mil") return std::shared_ptr<const ContactView>();
    return std::shared_ptr<const ContactView>(std::make_shared<const SenderContacts>(
        std::vector<Contact>{{"john.smith@vendor.com", 12, "", "", {"john smith"}}}));
  }

 private:
  Status error_;
};

Result<Decision> JudgeWithContacts(const std::string& to, std::shared_ptr<ContactSource> source) {
  History h;
  h.Add("john.smith@vendor.com", 12);
  h.Add("john.smith@other.com", 3);
  h.Finish();
  Result<std::unique_ptr<Context>> c = Context::Create(WithOrg(), std::move(h), std::move(source));
  EXPECT_TRUE(c.ok());
  Result<Message> m =
      ParseMessage("From: a@army.mil\r\nTo: " + to + "\r\nSubject: s\r\n\r\nminutes\r\n");
  EXPECT_TRUE(m.ok());
  return Evaluate(*m, **c);
}

TEST(DefaultPolicyTest, MisdirectedAddressesAreHeldWithTheKnownAddress) {
  auto source = std::make_shared<FixedContacts>();
  Result<Decision> typo = JudgeWithContacts("john.smiht@vendor.com", source);
  ASSERT_TRUE(typo.ok());
  EXPECT_EQ(typo->action, Action::kHold);
  EXPECT_EQ(typo->rule, "misdirected-address");
  EXPECT_NE(typo->reason.find("did you mean john.smith@vendor.com?"), std::string::npos)
      << typo->reason;
  Result<Decision> namesake = JudgeWithContacts("John Smith <john.smith@other.com>", source);
  ASSERT_TRUE(namesake.ok());
  EXPECT_EQ(namesake->rule, "misdirected-address");
  Result<Decision> known = JudgeWithContacts("John Smith <john.smith@vendor.com>", source);
  ASSERT_TRUE(known.ok());
  EXPECT_EQ(known->action, Action::kAccept);
  // Without the sender's history the namesake is only a known address.
  Result<Decision> blind = JudgeWithContacts("John Smith <john.smith@other.com>", nullptr);
  ASSERT_TRUE(blind.ok());
  EXPECT_EQ(blind->action, Action::kAccept);
}

TEST(DefaultPolicyTest, ALostSenderHistoryIsAnErrorNotAnAccept) {
  Result<Decision> d = JudgeWithContacts(
      "john.smith@vendor.com", std::make_shared<FixedContacts>(UnavailableError("store lost")));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInternal);
  EXPECT_NE(d.status().message().find("store lost"), std::string::npos);
}

TEST(DefaultPolicyTest, ManyVisibleExternalAddressesNotifyTheSender) {
  std::string to;
  for (int i = 0; i < 12; ++i) {
    to += (to.empty() ? "" : ", ") + std::string("p") + std::to_string(i) + "@d" +
          std::to_string(i % 5) + ".example.org";
  }
  Decision d = Judge(to, "hello", WithOrg(), kHistory);
  EXPECT_EQ(d.action, Action::kNotify);
  EXPECT_EQ(d.rule, "many-external-visible");
}

TEST(DefaultPolicyTest, ClassifiedMarkingIsRejectedWhateverTheRecipient) {
  Decision d = Judge("boss@army.mil", "SECRET//NOFORN\r\nplans", WithOrg(), kHistory);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.rule, "classified-marking");
  EXPECT_NE(d.reason.find("SECRET//NOFORN"), std::string::npos) << d.reason;
  // FOUO is UNCLASSIFIED: not a spill.
  EXPECT_EQ(Judge("boss@army.mil", "UNCLASSIFIED//FOUO\r\nmenu", WithOrg(), kHistory).action,
            Action::kAccept);
}

TEST(DefaultPolicyTest, CuiOnlyToOwnAndTrustedDomains) {
  const std::string cui = "CUI//SP-PRVCY\r\nroster";
  EXPECT_EQ(Judge("x@partner.com", cui, WithOrg(), kHistory).action, Action::kAccept);
  EXPECT_EQ(Judge("x@army.mil", cui, WithOrg(), kHistory).action, Action::kAccept);
  Decision d = Judge("x@vendor.com", cui, WithOrg(), kHistory);
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule, "cui-outside");
}

TEST(DefaultPolicyTest, SensitiveDataToFirstContactOrWebmail) {
  const std::string ssn = "SSN: 212-09-4821";
  EXPECT_EQ(Judge("x@vendor.com", ssn, WithOrg(), kHistory).action, Action::kAccept);
  Decision d = Judge("x@newcorp.com", ssn, WithOrg(), kHistory);
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule, "sensitive-to-first-contact");
  EXPECT_EQ(Judge("me@gmail.com", "password: Tr0ub4dor&3", WithOrg(), kHistory).action,
            Action::kHold);
  EXPECT_EQ(Judge("x@newcorp.com", "lunch at noon", WithOrg(), kHistory).action, Action::kAccept);
}

TEST(DefaultPolicyTest, AMessageCutBeforeParsingIsHeldAsUnread) {
  // Past max_total_addresses the rest (here, the body) was never read: not
  // clean.
  std::string to;
  for (int i = 0; i < 10000; ++i) {
    to += "u" + std::to_string(i) + "@army.mil" + (i % 900 == 899 ? "\r\nCc: " : ", ");
  }
  Decision d = Judge(to + "last@army.mil", "nothing to see", WithOrg());
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_EQ(d.rule, "unread-content");
  EXPECT_NE(d.reason.find("addresses"), std::string::npos) << d.reason;
  EXPECT_EQ(Judge("u1@army.mil, u2@army.mil", "nothing to see", WithOrg()).action, Action::kAccept);
}

TEST(DefaultPolicyTest, AMessageOutOfTimeIsHeldAsUnread) {
  Result<std::unique_ptr<Context>> c = Context::Create(WithOrg(), History{});
  ASSERT_TRUE(c.ok());
  Limits limits;
  limits.max_time = std::chrono::milliseconds(0);
  Result<Message> m =
      ParseMessage("From: a@army.mil\r\nTo: b@army.mil\r\n\r\nnot read\r\n", {}, limits);
  ASSERT_TRUE(m.ok());
  Result<Decision> d = Evaluate(*m, **c);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->action, Action::kHold);
  EXPECT_EQ(d->rule, "unread-content");
}

TEST(PolicyTest, AuditModeDeliversAndKeepsTheWouldBeAction) {
  Config c;
  c.policy.mode = PolicyConfig::Mode::kAudit;
  Decision d = Judge("ops@army.ml", "hi", c);
  EXPECT_EQ(d.action, Action::kAccept);
  EXPECT_EQ(d.policy_action, Action::kHold);
  EXPECT_TRUE(d.audit);
  EXPECT_EQ(d.rule, "mistyped-recipient");
}

TEST(PolicyTest, RemoveRecipientsHoldsOnlyTheSuspects) {
  Config c = WithOrg();
  c.policy.suspects = PolicyConfig::Suspects::kRemoveRecipients;
  Decision d = Judge("ops@army.ml, boss@navy.mil", "hi", c, kHistory);
  EXPECT_EQ(d.action, Action::kHold);
  EXPECT_TRUE(d.partial);
  EXPECT_EQ(d.suspects, std::vector<std::string>{"ops@army.ml"});
  // All recipients suspect: the whole message is held.
  EXPECT_FALSE(Judge("ops@army.ml", "hi", c, kHistory).partial);
}

TEST(PolicyTest, FirstMatchingRuleWinsAndConditionsCombine) {
  Config c = WithOrg();
  Rule encrypted_out;
  encrypted_out.name = "encrypted-out";
  encrypted_out.encrypted = true;
  encrypted_out.action = Action::kNotify;
  Rule cards;
  cards.name = "cards-to-vendor";
  cards.content = ContentCondition{{"credit-card"}, {}, Confidence::kHigh, 2, std::nullopt};
  cards.recipients =
      RecipientCondition{{}, std::nullopt, {"vendor.com"}, std::nullopt, std::nullopt};
  cards.action = Action::kTag;
  Rule any;
  any.name = "everything";
  any.action = Action::kHold;
  c.policy.rules = {encrypted_out, cards, any};
  const std::string two = "Visa 4111 1111 1111 1111 and card 5555555555554444";
  EXPECT_EQ(Judge("x@sub.vendor.com", two, c, kHistory).rule, "cards-to-vendor");
  EXPECT_EQ(Judge("x@sub.vendor.com", two, c, kHistory).action, Action::kTag);
  EXPECT_EQ(Judge("x@sub.vendor.com", "Visa 4111 1111 1111 1111", c, kHistory).rule,
            "everything");  // min_count 2 not reached
  EXPECT_EQ(Judge("x@othervendor.com", two, c, kHistory).rule, "everything");
  c.policy.rules.clear();
  EXPECT_EQ(Judge("ops@army.ml", "hi", c).action, Action::kAccept);  // no rules: accept
}

// A typo that also carries CUI and an SSN: the typo rule matches first.
TEST(PolicyTest, SkippedRulesAreNotAppliedAndTheNextMatchDecides) {
  Result<std::unique_ptr<Context>> c = Context::Create(WithOrg(), History());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Result<Message> m = ParseMessage(
      "From: a@army.mil\r\nTo: ops@army.ml\r\nSubject: s\r\n\r\n"
      "CUI//SP-PRVCY\r\nSSN 212-09-4821\r\n");
  ASSERT_TRUE(m.ok());
  Result<Decision> all = Evaluate(*m, **c);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->rule, "mistyped-recipient");
  Result<Decision> same = Evaluate(*m, **c, EvaluateOptions{{"no-such-rule"}});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->rule, "mistyped-recipient");
  Result<Decision> vouched = Evaluate(*m, **c, EvaluateOptions{{"mistyped-recipient"}});
  ASSERT_TRUE(vouched.ok());
  EXPECT_EQ(vouched->rule, "cui-outside");
  EXPECT_EQ(vouched->action, Action::kHold);
  EXPECT_FALSE(vouched->findings.empty());  // findings are kept whichever rule decides
  Result<Decision> none = Evaluate(*m, **c,
                                   EvaluateOptions{{"classified-marking", "mistyped-recipient",
                                                    "cui-outside", "sensitive-to-first-contact"}});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->action, Action::kAccept);
  EXPECT_TRUE(none->rule.empty());
}

TEST(PolicyTest, RecipientOnlyRules) {
  std::vector<std::string> only;
  for (const Rule& r : DefaultRules()) {
    if (IsRecipientOnly(r)) only.push_back(r.name);
  }
  // A sender may release these "as written": they are about whom, not what.
  EXPECT_EQ(only, (std::vector<std::string>{"mistyped-recipient", "misdirected-address",
                                            "many-external-visible", "unusual-recipient"}));
  Rule encrypted_to;
  encrypted_to.recipients = RecipientCondition{};
  encrypted_to.encrypted = true;
  EXPECT_FALSE(IsRecipientOnly(encrypted_to));
  EXPECT_FALSE(IsRecipientOnly(Rule{}));
}

}  // namespace
}  // namespace sendguard
