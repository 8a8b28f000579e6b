#include <gtest/gtest.h>

#include <filesystem>

#include "store/history_store.h"

namespace sendguard {
namespace {

TEST(SqliteHistoryStoreTest, AddsUpAcrossRunsAndReopens) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sendguard_store_test_" + std::to_string(::getpid()) + ".db"))
                         .string();
  std::filesystem::remove(path);
  {
    auto store = OpenSqliteHistoryStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->AddHistory({{"army.mil", 10}, {"ops@army.mil", 3}}).ok());
    ASSERT_TRUE((*store)->AddHistory({{"army.mil", 5}}).ok());
  }
  auto store = OpenSqliteHistoryStore(path);
  ASSERT_TRUE(store.ok());
  Result<History> h = (*store)->LoadHistory();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->DomainMessages("army.mil"), 15u);
  EXPECT_EQ(h->AddressMessages("ops@army.mil"), 3u);
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}

TEST(SqliteHistoryStoreTest, UnopenablePathIsAnError) {
  auto store = OpenSqliteHistoryStore("/nonexistent-dir/x/y.db");
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace sendguard
