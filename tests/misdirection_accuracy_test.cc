// Per-sender judging on generated history: the organisation's sent mail is
// written as a Postfix log and a Sent mailbox, learned by `sendguard learn`
// into a store, and every generated case is judged through the store (as
// `serve` reads it) and, for a sample, through the whole default policy.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "app/history_sources.h"
#include "policy/decision.h"
#include "sendguard/parser.h"
#include "store/stores.h"
#include "tests/misdirection_generator.h"

namespace sendguard {
namespace {

bool Flagged(const RecipientVerdict& v) {
  return v.risk >= Risk::kMedium &&
         (v.Has("address-typo") || v.Has("name-mismatch") || v.Has("unusual-recipient"));
}

class MisdirectionAccuracyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("sendguard_misdirection_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    const std::string log = (*dir_ / "mail.log").string(), mbox = (*dir_ / "Sent").string();
    std::ofstream l(log), m(mbox);
    set_ = new testing::MisdirectionSet(
        testing::WriteMisdirectionHistory(testing::MisdirectionOptions{}, l, m));
    l.close();
    m.close();
    store_ = new std::string((*dir_ / "sendguard.db").string());
    const std::string cmd = std::string(SENDGUARD_BINARY) + " learn --store " + *store_ + " " +
                            log + " " + mbox + " 2>/dev/null";
    learned_ = std::system(cmd.c_str()) == 0;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete set_;
    delete store_;
  }

  std::unique_ptr<Context> MakeContext() {
    Config config;
    config.recipients.own_domains = {set_->own_domain};
    config.recipients.mailing_lists = set_->mailing_lists;
    Result<History> history = LoadHistory(*store_, "");
    EXPECT_TRUE(history.ok());
    Result<Stores> stores = OpenStores(*store_, {.contacts = true});
    EXPECT_TRUE(stores.ok());
    // As serve reads it: the index learn wrote, the store for what is newer.
    Result<std::shared_ptr<IndexedContacts>> contacts =
        OpenContacts(std::move(stores->contacts), ContactIndexPath(*store_), 64 << 20);
    EXPECT_TRUE(contacts.ok());
    EXPECT_NE((*contacts)->index(), nullptr);
    Result<std::unique_ptr<Context>> c =
        Context::Create(std::move(config), std::move(history).value(), std::move(contacts).value());
    EXPECT_TRUE(c.ok());
    return std::move(c).value();
  }

  RecipientVerdict Judge(const Context& c, const testing::MisdirectionCase& k) {
    Result<std::shared_ptr<const ContactView>> contacts = c.contacts()->Contacts(k.sender);
    EXPECT_TRUE(contacts.ok());
    std::vector<std::string> all = k.with;  // the rest of the message first
    std::vector<Address> visible;
    for (const std::string& a : k.with) visible.push_back({"", a});
    all.push_back(k.address);
    visible.push_back({k.display_name, k.address});
    return c.judge()
        .JudgeMessage(MessageRecipients{k.sender, contacts->get(), all, visible, {}})
        .back();
  }

  static std::filesystem::path* dir_;
  static testing::MisdirectionSet* set_;
  static std::string* store_;
  static bool learned_;
};

std::filesystem::path* MisdirectionAccuracyTest::dir_ = nullptr;
testing::MisdirectionSet* MisdirectionAccuracyTest::set_ = nullptr;
std::string* MisdirectionAccuracyTest::store_ = nullptr;
bool MisdirectionAccuracyTest::learned_ = false;

TEST_F(MisdirectionAccuracyTest, SlipsAndAutocompletePicksAreFlaggedWithTheRightSuggestion) {
  ASSERT_TRUE(learned_);
  ASSERT_GE(set_->positives.size(), 500u);
  std::unique_ptr<Context> c = MakeContext();
  std::map<std::string, std::pair<int, int>> by_kind;  // right, all
  int right = 0;
  for (const testing::MisdirectionCase& k : set_->positives) {
    RecipientVerdict v = Judge(*c, k);
    const bool ok = Flagged(v) && v.suggestion.value_or("") == k.meant;
    right += ok;
    by_kind[k.kind].first += ok;
    ++by_kind[k.kind].second;
    if (!ok && by_kind[k.kind].second - by_kind[k.kind].first <= 3) {
      std::cout << "  missed " << k.kind << ": " << k.sender << " -> " << k.address << " (meant "
                << k.meant << "), got " << RiskName(v.risk) << " "
                << (v.reasons.empty() ? "" : v.reasons[0].code) << " " << v.suggestion.value_or("-")
                << "\n";
    }
  }
  for (const auto& [kind, n] : by_kind) {
    std::cout << "  " << kind << ": " << n.first << "/" << n.second << "\n";
    EXPECT_GE(n.first, n.second * 95 / 100) << kind;
  }
  EXPECT_GE(right, static_cast<int>(set_->positives.size()) * 95 / 100);
}

TEST_F(MisdirectionAccuracyTest, FewNegativesAreFlagged) {
  ASSERT_TRUE(learned_);
  ASSERT_GE(set_->negatives.size(), 250u);
  std::unique_ptr<Context> c = MakeContext();
  std::map<std::string, std::pair<int, int>> by_kind;  // flagged, all
  int flagged = 0;
  for (const testing::MisdirectionCase& k : set_->negatives) {
    RecipientVerdict v = Judge(*c, k);
    const bool bad = Flagged(v);
    flagged += bad;
    by_kind[k.kind].first += bad;
    ++by_kind[k.kind].second;
    if (bad) {
      std::cout << "  flagged " << k.kind << ": " << k.sender << " -> " << k.address << ": "
                << v.reasons[0].detail << "\n";
    }
  }
  for (const auto& [kind, n] : by_kind) {
    std::cout << "  " << kind << ": " << n.first << "/" << n.second << " flagged\n";
  }
  EXPECT_LE(flagged * 50, static_cast<int>(set_->negatives.size()));  // <= 2%
}

TEST_F(MisdirectionAccuracyTest, TheDefaultPolicyHoldsAMisdirectedMessage) {
  ASSERT_TRUE(learned_);
  std::unique_ptr<Context> c = MakeContext();
  int held = 0, delivered = 0, n = 0, sampled = 0;
  for (const testing::MisdirectionCase& k : set_->positives) {
    if (!k.with.empty() || n++ % 25 != 0) continue;  // one-recipient cases: the held kinds
    ++sampled;
    const std::string raw = "From: " + k.sender + "\r\nTo: " +
                            (k.display_name.empty() ? "" : "\"" + k.display_name + "\" ") + "<" +
                            k.address + ">\r\nSubject: minutes\r\n\r\nSee attached.\r\n";
    Result<Message> m = ParseMessage(raw, {}, Limits{});
    ASSERT_TRUE(m.ok());
    Result<Decision> d = Evaluate(*m, *c);
    ASSERT_TRUE(d.ok());
    held += d->action == Action::kHold && d->rule == "misdirected-address";
  }
  for (const testing::MisdirectionCase& k : set_->negatives) {
    if (k.kind != "known-contact") continue;
    const std::string raw = "From: " + k.sender + "\r\nTo: <" + k.address +
                            ">\r\nSubject: minutes\r\n\r\nSee attached.\r\n";
    Result<Message> m = ParseMessage(raw, {}, Limits{});
    ASSERT_TRUE(m.ok());
    Result<Decision> d = Evaluate(*m, *c);
    ASSERT_TRUE(d.ok());
    delivered += d->action == Action::kAccept;
    if (delivered >= 20) break;
  }
  EXPECT_GE(held * 100, sampled * 95);
  EXPECT_EQ(delivered, 20);
}

}  // namespace
}  // namespace sendguard
