#include "store/console_store.h"

#include <gtest/gtest.h>

#include "store/store_test_backend.h"

namespace sendguard {
namespace {

class ConsoleStoreTest : public testing::StoreTest {
 protected:
  std::unique_ptr<ConsoleStore> Open() {
    return std::move(StoreTest::Open({.console = true}).console);
  }
};

TEST_P(ConsoleStoreTest, PasswordsAreHashedAndChecked) {
  auto s = Open();
  ASSERT_TRUE(s->SetPassword("admin", "correct horse battery").ok());
  EXPECT_TRUE(*s->CheckPassword("admin", "correct horse battery"));
  EXPECT_FALSE(*s->CheckPassword("admin", "correct horse batterx"));
  EXPECT_FALSE(*s->CheckPassword("nobody", "correct horse battery"));
  EXPECT_FALSE(s->SetPassword("admin", "short").ok());
  EXPECT_FALSE(s->SetPassword("bad name", "correct horse battery").ok());
  EXPECT_EQ(*s->Accounts(), std::vector<std::string>{"admin"});
}

TEST_P(ConsoleStoreTest, SecretsSurviveReopening) {
  std::string first = *Open()->Secret("k", 32);
  EXPECT_EQ(first.size(), 32u);
  EXPECT_EQ(*Open()->Secret("k", 32), first);
  EXPECT_NE(*Open()->Secret("other", 32), first);
}

TEST_P(ConsoleStoreTest, DecisionCountsAdd) {
  auto s = Open();
  ASSERT_TRUE(s->AddDecisionCounts({{"2026-11-28", "hold", "typo", "", "", 2},
                                    {"2026-11-29", "hold", "typo", "army.ml", "army.mil", 1}})
                  .ok());
  ASSERT_TRUE(
      s->AddDecisionCounts({{"2026-11-29", "hold", "typo", "army.ml", "army.mil", 3}}).ok());
  auto rows = s->DecisionCounts("2026-11-29");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].count, 4);
  EXPECT_EQ((*rows)[0].intended, "army.mil");
  EXPECT_EQ(s->DecisionCounts("2026-01-01")->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleStoreTest,
                         ::testing::ValuesIn(testing::StoreTestBackends()),
                         testing::StoreTestBackendName);

}  // namespace
}  // namespace sendguard
