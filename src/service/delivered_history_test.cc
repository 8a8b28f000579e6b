#include "service/delivered_history.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "sendguard/parser.h"
#include "service/checker.h"
#include "store/stores.h"

namespace sendguard {
namespace {

Message Sent(std::vector<std::string> rcpt) {
  return std::move(ParseMessage("From: Dana <dana@army.mil>\r\n"
                                "To: \"John Smith\" <john.smith@contoso.com>, ops@navy.mil\r\n"
                                "Subject: plans\r\n\r\nx\r\n",
                                Envelope{"dana@army.mil", std::move(rcpt)}))
      .value();
}

Decision Acted(Action action, bool audit = false) {
  Decision d;
  d.action = audit ? Action::kAccept : action;
  d.policy_action = action;
  d.audit = audit;
  return d;
}

class DeliveredHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_delivered_" + std::to_string(::getpid()) + ".db"))
                .string();
  }
  void TearDown() override {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }

  std::unique_ptr<DeliveredHistory> Make(DeliveredHistoryOptions options = {}) {
    Stores s = std::move(OpenStores(path_, {.history = true, .contacts = true})).value();
    return std::make_unique<DeliveredHistory>(
        std::move(s.contacts), std::move(s.history),
        [this](const std::vector<std::string>& senders) {
          written_.insert(written_.end(), senders.begin(), senders.end());
        },
        options);
  }
  std::optional<SenderContacts> Read(const std::string& sender) {
    Stores s = std::move(OpenStores(path_, {.contacts = true})).value();
    return std::move(s.contacts->ReadContacts(sender)).value();
  }
  History ReadHistory() {
    Stores s = std::move(OpenStores(path_, {.history = true})).value();
    return std::move(s.history->LoadHistory()).value();
  }

  std::string path_;
  std::vector<std::string> written_;
};

TEST_F(DeliveredHistoryTest, DeliveredMailIsCountedPerSenderWithItsNames) {
  auto d = Make();
  const Message m = Sent({"john.smith@contoso.com", "ops@navy.mil"});
  d->Record(m, Acted(Action::kAccept));
  d->Record(m, Acted(Action::kNotify));
  d->Flush();
  std::optional<SenderContacts> c = Read("dana@army.mil");
  ASSERT_TRUE(c.has_value());
  const Contact* john = c->Find("john.smith@contoso.com");
  ASSERT_NE(john, nullptr);
  EXPECT_EQ(john->messages, 2u);
  EXPECT_FALSE(john->first_seen.empty());
  EXPECT_NE(c->ByName(NameKey("John Smith"), "someone@else.org"), nullptr);
  EXPECT_NE(c->Find("ops@navy.mil"), nullptr);
  const History h = ReadHistory();
  EXPECT_EQ(h.AddressMessages("john.smith@contoso.com"), 2u);
  EXPECT_EQ(written_, std::vector<std::string>{"dana@army.mil"});
  EXPECT_EQ(d->stats().messages, 2u);
}

TEST_F(DeliveredHistoryTest, WhatIsHeldOrRejectedIsNotCounted) {
  auto d = Make();
  const Message m = Sent({"john.smith@contoso.com", "ops@navy.mil"});
  d->Record(m, Acted(Action::kHold));
  d->Record(m, Acted(Action::kReject));
  d->Flush();
  EXPECT_FALSE(Read("dana@army.mil").has_value());
  EXPECT_EQ(ReadHistory().AddressMessages("ops@navy.mil"), 0u);
  EXPECT_TRUE(written_.empty());
}

TEST_F(DeliveredHistoryTest, APartialHoldCountsTheOthersAndAuditModeCountsAll) {
  auto d = Make();
  Decision partial = Acted(Action::kHold);
  partial.partial = true;
  partial.suspects = {"OPS@navy.mil"};
  d->Record(Sent({"john.smith@contoso.com", "ops@navy.mil"}), partial);
  d->Flush();
  std::optional<SenderContacts> c = Read("dana@army.mil");
  ASSERT_TRUE(c.has_value());
  EXPECT_NE(c->Find("john.smith@contoso.com"), nullptr);
  EXPECT_EQ(c->Find("ops@navy.mil"), nullptr);
  d->Record(Sent({"ops@navy.mil"}), Acted(Action::kHold, /*audit=*/true));
  d->Flush();
  EXPECT_NE(Read("dana@army.mil")->Find("ops@navy.mil"), nullptr);
}

TEST_F(DeliveredHistoryTest, DraftsCheckedThroughTheApiAreNotCounted) {
  auto d = Make();
  std::unique_ptr<Context> context = std::move(Context::Create(Config(), History())).value();
  const Checker checker(*context, Recorders{.delivered = d.get()});
  const Checked draft{Sent({"ops@navy.mil"}), Acted(Action::kAccept), {}};
  ASSERT_TRUE(checker.Record(draft, {.origin = Origin::kCheck}).ok());
  d->Flush();
  EXPECT_FALSE(Read("dana@army.mil").has_value());
  ASSERT_TRUE(checker.Record(draft, {.origin = Origin::kMailFlow}).ok());
  d->Flush();
  EXPECT_TRUE(Read("dana@army.mil").has_value());
}

TEST_F(DeliveredHistoryTest, WrittenInTheBackgroundAndBounded) {
  auto d = Make({.interval = std::chrono::milliseconds(20), .max_pending = 3});
  d->Record(Sent({"a@one.org", "b@one.org"}), Acted(Action::kAccept));
  d->Record(Sent({"c@one.org", "d@one.org"}), Acted(Action::kAccept));  // fills it
  d->Record(Sent({"e@one.org"}), Acted(Action::kAccept));
  for (int i = 0; i < 200 && !Read("dana@army.mil").has_value(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(Read("dana@army.mil").has_value()) << "not written by the background thread";
  d->Flush();
  std::optional<SenderContacts> c = Read("dana@army.mil");
  // The third message came while the first two filled the pending set,
  // unless the writer had already emptied it.
  const DeliveredHistory::Stats s = d->stats();
  EXPECT_EQ(s.messages + s.dropped, 3u);
  EXPECT_EQ(c->Find("e@one.org") != nullptr, s.dropped == 0);
}

// A held message that is released has been delivered: its sender has now
// written to the addresses it went to, and to them together.
TEST_F(DeliveredHistoryTest, ReleasedMessagesAreCounted) {
  auto d = Make();
  d->RecordReleased("<Dana@army.mil>", {"ops@army.mil", "b@navy.mil"});
  d->RecordReleased("dana@army.mil", {});
  d->Flush();
  std::optional<SenderContacts> c = Read("dana@army.mil");
  ASSERT_TRUE(c.has_value());
  ASSERT_NE(c->Find("ops@army.mil"), nullptr);
  EXPECT_EQ(c->Find("ops@army.mil")->messages, 1u);
  EXPECT_EQ(c->GroupMessages(RecipientGroupSignature({"ops@army.mil", "b@navy.mil"})), 1u);
  EXPECT_EQ(ReadHistory().AddressMessages("ops@army.mil"), 1u);
  EXPECT_EQ(d->stats().messages, 1u);
  EXPECT_EQ(written_, std::vector<std::string>{"dana@army.mil"});
}

class FailingContactStore : public ContactStore {
 public:
  Status AddContacts(const ContactBatch&) override { return UnavailableError("disk gone"); }
  Result<std::optional<SenderContacts>> ReadContacts(const std::string&) override {
    return UnavailableError("disk gone");
  }
  Result<std::uint64_t> Version() override { return UnavailableError("disk gone"); }
  Result<std::vector<std::string>> ChangedSince(std::uint64_t) override {
    return UnavailableError("disk gone");
  }
  Result<std::vector<std::string>> Senders() override { return UnavailableError("disk gone"); }
};

TEST_F(DeliveredHistoryTest, AFailedWriteIsCountedAndNothingIsForgotten) {
  bool called = false;
  DeliveredHistory d(std::make_unique<FailingContactStore>(), nullptr,
                     [&](const std::vector<std::string>&) { called = true; });
  d.Record(Sent({"ops@navy.mil"}), Acted(Action::kAccept));
  d.Flush();
  EXPECT_EQ(d.stats().write_errors, 1u);
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace sendguard
