#include "store/history_store.h"

#include <gtest/gtest.h>

#include "store/store_test_backend.h"

namespace sendguard {
namespace {

class HistoryStoreTest : public testing::StoreTest {
 protected:
  std::unique_ptr<HistoryStore> Open() {
    return std::move(StoreTest::Open({.history = true}).history);
  }
};

TEST_P(HistoryStoreTest, AddsUpAcrossRunsAndReopens) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddHistory({{"army.mil", 10}, {"ops@army.mil", 3}}).ok());
    ASSERT_TRUE(store->AddHistory({{"army.mil", 5}}).ok());
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<History> h = store->LoadHistory();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->DomainMessages("army.mil"), 15u);
  EXPECT_EQ(h->AddressMessages("ops@army.mil"), 3u);
}

TEST_P(HistoryStoreTest, ReadersGetTheOrganisationsHistoryForAnySender) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddHistory({{"army.mil", 7}, {"ops@army.mil", 2}}).ok());
  HistoryReader& reader = *store;
  Result<History> all = reader.ReadHistory(HistoryQuery{});
  Result<History> dana = reader.ReadHistory(HistoryQuery{"dana@army.mil"});
  ASSERT_TRUE(all.ok());
  ASSERT_TRUE(dana.ok());
  EXPECT_EQ(all->DomainMessages("army.mil"), 7u);
  EXPECT_EQ(dana->DomainMessages("army.mil"), 7u);
  EXPECT_EQ(dana->AddressMessages("ops@army.mil"), 2u);
  Result<History> loaded = store->LoadHistory();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->DomainMessages("army.mil"), 7u);
}

TEST_P(HistoryStoreTest, AnEmptyStoreHasNoHistory) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<History> h = store->LoadHistory();
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, HistoryStoreTest,
                         ::testing::ValuesIn(testing::StoreTestBackends()),
                         testing::StoreTestBackendName);

}  // namespace
}  // namespace sendguard
