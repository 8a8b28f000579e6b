// What only the SQLite back end does: its errors for unopenable files.

#include <gtest/gtest.h>

#include "store/history_store.h"

namespace sendguard {
namespace {

TEST(SqliteHistoryStoreTest, UnopenablePathIsAnError) {
  auto store = OpenSqliteHistoryStore("/nonexistent-dir/x/y.db");
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace sendguard
