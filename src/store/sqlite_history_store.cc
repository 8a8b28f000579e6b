#include "store/history_store.h"
#include "store/sqlite_db.h"

namespace sendguard {
namespace {

class SqliteHistoryStore : public HistoryStore {
 public:
  explicit SqliteHistoryStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Status AddHistory(const std::vector<std::pair<std::string, std::uint64_t>>& counts) override {
    if (Status s = db_->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Result<SqliteStmt> stmt = db_->Prepare(
        "INSERT INTO history(key, messages) VALUES(?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET messages = messages + excluded.messages");
    if (!stmt.ok()) return db_->Rollback("prepare");
    sqlite3_stmt* st = stmt->get();
    for (const auto& [key, n] : counts) {
      sqlite3_bind_text(st, 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(n));
      if (sqlite3_step(st) != SQLITE_DONE) return db_->Rollback("insert");
      sqlite3_reset(st);
    }
    return db_->Exec("COMMIT");
  }

  // Organisation-wide only, whatever the query's sender.
  Result<History> ReadHistory(const HistoryQuery& /*query*/) override {
    Result<SqliteStmt> stmt = db_->Prepare("SELECT key, messages FROM history");
    if (!stmt.ok()) return stmt.status();
    History h;
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      const unsigned char* key = sqlite3_column_text(stmt->get(), 0);
      int len = sqlite3_column_bytes(stmt->get(), 0);
      sqlite3_int64 n = sqlite3_column_int64(stmt->get(), 1);
      if (key != nullptr && n > 0) {
        h.Add(std::string_view(reinterpret_cast<const char*>(key), static_cast<std::size_t>(len)),
              static_cast<std::uint64_t>(n));
      }
    }
    if (rc != SQLITE_DONE) return db_->Error("read");
    h.Finish();
    return h;
  }

 private:
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace

Result<std::unique_ptr<HistoryStore>> OpenSqliteHistoryStore(const std::string& path) {
  Result<std::unique_ptr<SqliteDb>> db =
      SqliteDb::Open(path, "NORMAL",
                     {"CREATE TABLE IF NOT EXISTS history("
                      "key TEXT PRIMARY KEY, messages INTEGER NOT NULL) WITHOUT ROWID"},
                     /*serialized=*/false);
  if (!db.ok()) return db.status();
  return std::unique_ptr<HistoryStore>(new SqliteHistoryStore(std::move(db).value()));
}

}  // namespace sendguard
