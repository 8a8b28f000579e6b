// One SQLite connection with errors as values: what the SQLite stores
// share. Internal to src/store/.

#ifndef SENDGUARD_STORE_SQLITE_DB_H_
#define SENDGUARD_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

struct SqliteStmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using SqliteStmt = std::unique_ptr<sqlite3_stmt, SqliteStmtFinalizer>;

// Column `i` of the current row as bytes (text or blob); "" for NULL.
std::string SqliteColumn(sqlite3_stmt* s, int i);
// Binds `v` as text to parameter `i` (copied).
void SqliteBind(sqlite3_stmt* s, int i, std::string_view v);

class SqliteDb {
 public:
  // Opens (creating) `path` in WAL mode, with `synchronous` ("NORMAL" or
  // "FULL"), a 5 s busy timeout, and runs `schema` (CREATE ... IF NOT
  // EXISTS statements). `serialized`: the connection may be used from
  // several threads (one at a time).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const char* synchronous,
                                                const std::vector<const char*>& schema,
                                                bool serialized);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  Status Exec(const char* sql);
  Result<SqliteStmt> Prepare(std::string_view sql);
  // An error naming the file, `what` failed, and SQLite's message.
  Status Error(std::string_view what) const;
  // Error(what) after rolling the open transaction back.
  Status Rollback(std::string_view what);
  sqlite3* get() const { return db_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace sendguard

#endif  // SENDGUARD_STORE_SQLITE_DB_H_
