#include <sqlite3.h>

#include "store/history_store.h"

namespace sendguard {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

class SqliteHistoryStore : public HistoryStore {
 public:
  SqliteHistoryStore(Db db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  Status AddHistory(const std::vector<std::pair<std::string, std::uint64_t>>& counts) override {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Stmt stmt;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(),
                           "INSERT INTO history(key, messages) VALUES(?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET messages = messages + excluded.messages",
                           -1, &raw, nullptr) != SQLITE_OK) {
      (void)Exec("ROLLBACK");  // the prepare error is the one to report
      return Error("prepare");
    }
    stmt.reset(raw);
    for (const auto& [key, n] : counts) {
      sqlite3_bind_text(stmt.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(stmt.get(), 2, static_cast<sqlite3_int64>(n));
      if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        Status err = Error("insert");
        (void)Exec("ROLLBACK");  // the insert error is the one to report
        return err;
      }
      sqlite3_reset(stmt.get());
    }
    return Exec("COMMIT");
  }

  Result<History> LoadHistory() override {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), "SELECT key, messages FROM history", -1, &raw, nullptr) !=
        SQLITE_OK) {
      return Error("prepare");
    }
    Stmt stmt(raw);
    History h;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      const unsigned char* key = sqlite3_column_text(stmt.get(), 0);
      int len = sqlite3_column_bytes(stmt.get(), 0);
      sqlite3_int64 n = sqlite3_column_int64(stmt.get(), 1);
      if (key != nullptr && n > 0) {
        h.Add(std::string_view(reinterpret_cast<const char*>(key), static_cast<std::size_t>(len)),
              static_cast<std::uint64_t>(n));
      }
    }
    if (rc != SQLITE_DONE) return Error("read");
    h.Finish();
    return h;
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err != nullptr ? err : "unknown error";
      sqlite3_free(err);
      return UnavailableError(path_ + ": " + msg);
    }
    return OkStatus();
  }

 private:
  Status Error(const char* what) {
    return UnavailableError(path_ + ": " + what + ": " + sqlite3_errmsg(db_.get()));
  }

  Db db_;
  std::string path_;
};

}  // namespace

Result<std::unique_ptr<HistoryStore>> OpenSqliteHistoryStore(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return UnavailableError(path + ": " + (raw != nullptr ? sqlite3_errmsg(raw) : "cannot open"));
  }
  sqlite3_busy_timeout(db.get(), 5000);
  auto store = std::make_unique<SqliteHistoryStore>(std::move(db), path);
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                          "CREATE TABLE IF NOT EXISTS history("
                          "key TEXT PRIMARY KEY, messages INTEGER NOT NULL) WITHOUT ROWID"}) {
    if (Status s = store->Exec(sql); !s.ok()) return s;
  }
  return std::unique_ptr<HistoryStore>(std::move(store));
}

}  // namespace sendguard
