#include "store/quarantine_store.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/store_test_backend.h"

namespace sendguard {
namespace {

class QuarantineStoreTest : public testing::StoreTest {
 protected:
  std::unique_ptr<QuarantineStore> Open() {
    return std::move(StoreTest::Open({.quarantine = true}).quarantine);
  }
  static HeldMessage Sample(const std::string& subject) {
    HeldMessage m;
    m.mail_from = "dana@army.mil";
    m.recipients = {"ops@army.ml", "x@army.ml"};
    m.subject = subject;
    m.action = "hold";
    m.rule = "mistyped-recipient";
    m.reason = "did you mean ops@army.mil?";
    m.decision_json = "{}";
    m.raw = std::string("Subject: ") + subject + "\r\n\r\nbody\0with nul\r\n";
    return m;
  }
};

TEST_P(QuarantineStoreTest, HoldGetListAcrossReopen) {
  std::string id;
  {
    auto q = Open();
    Result<std::string> r = q->Hold(Sample("one"));
    ASSERT_TRUE(r.ok());
    id = *r;
    EXPECT_EQ(id.size(), 32u);
  }
  auto q = Open();  // as after a restart
  Result<HeldMessage> m = q->Get(id);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->recipients, (std::vector<std::string>{"ops@army.ml", "x@army.ml"}));
  EXPECT_EQ(m->raw, Sample("one").raw);  // bytes, NUL included
  EXPECT_EQ(HeldStatusName(m->status), "held");
  Result<std::vector<HeldMessage>> list = q->List("held", "", 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE((*list)[0].raw.empty());
  EXPECT_EQ(q->Get("nope").status().code(), StatusCode::kNotFound);
}

TEST_P(QuarantineStoreTest, TransitionsHappenOnceAndAreAudited) {
  auto q = Open();
  Result<std::string> id = q->Hold(Sample("one"));
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(
      q->Transition(*id, HeldStatus::kHeld, HeldStatus::kReleased, "alice", "to ops@army.mil")
          .ok());
  Status again = q->Transition(*id, HeldStatus::kHeld, HeldStatus::kReleased, "bob", "");
  EXPECT_FALSE(again.ok());  // already released: never twice
  Result<HeldMessage> m = q->Get(*id);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(HeldStatusName(m->status), "released");
  EXPECT_EQ(m->actor, "alice");
  Result<std::vector<QuarantineEvent>> events = q->Events(10, 0);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].kind, "released");
  EXPECT_EQ((*events)[1].kind, "held");
  EXPECT_EQ(q->List("held", "", 10, 0)->size(), 0u);
  EXPECT_EQ(q->List("", "", 10, 0)->size(), 1u);
}

TEST_P(QuarantineStoreTest, SearchAndCounts) {
  auto q = Open();
  HeldMessage other = Sample("two");
  other.recipients = {"cfo@contso.com"};
  other.subject = "Quarterly numbers";
  ASSERT_TRUE(q->Hold(Sample("one")).ok());
  Result<std::string> second = q->Hold(other);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(q->List("", "CONTSO", 10, 0)->size(), 1u);
  EXPECT_EQ(q->List("", "quarterly", 10, 0)->front().id, *second);
  EXPECT_EQ(q->List("", "army.ml", 10, 0)->size(), 1u);
  EXPECT_EQ(q->List("", "nothing-like-it", 10, 0)->size(), 0u);
  ASSERT_TRUE(q->Transition(*second, HeldStatus::kHeld, HeldStatus::kDeleted, "alice", "").ok());
  auto counts = q->CountByStatus();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["held"], 1);
  EXPECT_EQ((*counts)["deleted"], 1);
}

TEST_P(QuarantineStoreTest, ConcurrentHoldsAllLand) {
  auto q = Open();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        EXPECT_TRUE(q->Hold(Sample("t" + std::to_string(t))).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(q->List("", "", 1000, 0)->size(), 100u);
}

TEST_P(QuarantineStoreTest, TypedFieldsRoundTrip) {
  HeldMessage m = Sample("typed");
  m.corrections = {{"ops@army.ml", "ops@army.mil"}, {"x@army.ml", "x\t\n\\@army.mil"}};
  m.reasons = {{"ops@army.ml", "tld-typo", "army.ml looks like army.mil"},
               {"x@army.ml", "first-contact", "no mail\nto x@army.ml before"}};
  Result<std::string> id = Open()->Hold(m);
  ASSERT_TRUE(id.ok());
  auto q = Open();  // as after a restart
  Result<HeldMessage> got = q->Get(*id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->corrections, m.corrections);
  ASSERT_EQ(got->reasons.size(), 2u);
  EXPECT_EQ(got->reasons[1].address, "x@army.ml");
  EXPECT_EQ(got->reasons[1].code, "first-contact");
  EXPECT_EQ(got->reasons[1].detail, "no mail\nto x@army.ml before");
  EXPECT_EQ(got->status, HeldStatus::kHeld);
  Result<std::vector<HeldMessage>> list = q->List("held", "", 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].corrections, m.corrections);  // List has them too, without bytes
  EXPECT_EQ((*list)[0].reasons.size(), 2u);
  HeldMessage none = Sample("none");
  Result<std::string> bare = q->Hold(none);
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(q->Get(*bare)->corrections.empty());
  EXPECT_TRUE(q->Get(*bare)->reasons.empty());
}

TEST_P(QuarantineStoreTest, TransitionFromTheWrongStatusIsAFailedPrecondition) {
  auto q = Open();
  Result<std::string> id = q->Hold(Sample("one"));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(q->Transition(*id, HeldStatus::kHeld, HeldStatus::kDeleted, "alice", "").ok());
  Status again = q->Transition(*id, HeldStatus::kHeld, HeldStatus::kReleased, "bob", "");
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  Status missing =
      q->Transition(std::string(32, '0'), HeldStatus::kHeld, HeldStatus::kReleased, "bob", "");
  EXPECT_EQ(missing.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(q->Get(*id)->status, HeldStatus::kDeleted);
  EXPECT_EQ(q->Get(*id)->actor, "alice");
  EXPECT_EQ(q->List("deleted", "", 10, 0)->size(), 1u);
  // A release that failed puts it back: released -> held is a transition too.
  Result<std::string> other = q->Hold(Sample("two"));
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(q->Transition(*other, HeldStatus::kHeld, HeldStatus::kReleased, "a", "").ok());
  ASSERT_TRUE(q->Transition(*other, HeldStatus::kReleased, HeldStatus::kHeld, "a", "back").ok());
  EXPECT_EQ(q->Get(*other)->status, HeldStatus::kHeld);
  EXPECT_EQ(q->Get(*other)->note, "back");
}

TEST(HeldStatusTest, NamesParseBack) {
  for (HeldStatus s : {HeldStatus::kHeld, HeldStatus::kReleased, HeldStatus::kDeleted}) {
    EXPECT_EQ(ParseHeldStatus(HeldStatusName(s)), s);
  }
  EXPECT_EQ(HeldStatusName(HeldStatus::kHeld), "held");
  EXPECT_EQ(HeldStatusName(HeldStatus::kReleased), "released");
  EXPECT_EQ(HeldStatusName(HeldStatus::kDeleted), "deleted");
  EXPECT_FALSE(ParseHeldStatus("Held").has_value());
  EXPECT_FALSE(ParseHeldStatus("").has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, QuarantineStoreTest,
                         ::testing::ValuesIn(testing::StoreTestBackends()),
                         testing::StoreTestBackendName);

}  // namespace
}  // namespace sendguard
