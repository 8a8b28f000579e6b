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

// FailedPrecondition for the SQLite file `path` that is damaged, with what
// SQLite `found` and what to do about it (restore a backup).
Status SqliteDamaged(const std::string& path, std::string_view found);

class SqliteDb {
 public:
  // Opens (creating) `path` in WAL mode, with `synchronous` ("NORMAL" or
  // "FULL"), a 5 s busy timeout, and runs `schema` (CREATE ... IF NOT
  // EXISTS statements). `serialized`: the connection may be used from
  // several threads (one at a time). FailedPrecondition when the file is
  // not an SQLite database or is damaged (see Damaged()).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const char* synchronous,
                                                const std::vector<const char*>& schema,
                                                bool serialized);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs PRAGMA quick_check (reads every page, so costs about a read of
  // the file): OK when SQLite finds nothing wrong, else Damaged() with what
  // it found.
  Status QuickCheck();
  // A cheap probe of the file under this connection, for health checks:
  // FailedPrecondition when it was removed or replaced since it was opened,
  // or its header or schema no longer read (damaged, read afresh from the
  // file rather than from this connection's cache); Unavailable when it can
  // no longer be opened for reading and writing.
  Status Probe() const;

  Status Exec(const char* sql);
  Result<SqliteStmt> Prepare(std::string_view sql);
  // An error naming the file, `what` failed, and SQLite's message.
  Status Error(std::string_view what) const;
  // Error(what) after rolling the open transaction back.
  Status Rollback(std::string_view what);
  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace sendguard

#endif  // SENDGUARD_STORE_SQLITE_DB_H_
