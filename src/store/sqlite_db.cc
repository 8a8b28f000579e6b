#include "store/sqlite_db.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sendguard {
namespace {

// Whether the last error on `db` says the file is not a sound database.
bool IsDamage(sqlite3* db) {
  const int rc = sqlite3_errcode(db) & 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

}  // namespace

Status SqliteDamaged(const std::string& path, std::string_view found) {
  return FailedPreconditionError(
      path + " is damaged (SQLite: " + std::string(found) +
      "); sendguard will not use it: restore the file from a backup (or move it aside to start "
      "with an empty store)");
}

std::string SqliteColumn(sqlite3_stmt* s, int i) {
  const void* p = sqlite3_column_blob(s, i);
  int n = sqlite3_column_bytes(s, i);
  return p != nullptr ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n))
                      : std::string();
}

void SqliteBind(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, const char* synchronous,
                                                 const std::vector<const char*>& schema,
                                                 bool serialized) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                    (serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, path));
  if (rc != SQLITE_OK) {
    return UnavailableError(path + ": " + (raw != nullptr ? sqlite3_errmsg(raw) : "cannot open"));
  }
  sqlite3_busy_timeout(raw, 5000);
  std::vector<std::string> steps = {"PRAGMA journal_mode=WAL",
                                    std::string("PRAGMA synchronous=") + synchronous};
  steps.insert(steps.end(), schema.begin(), schema.end());
  for (const std::string& sql : steps) {
    if (Status s = db->Exec(sql.c_str()); !s.ok()) {
      return IsDamage(raw) ? SqliteDamaged(path, sqlite3_errmsg(raw)) : s;
    }
  }
  return db;
}

Status SqliteDb::QuickCheck() {
  Result<SqliteStmt> s = Prepare("PRAGMA quick_check(5)");
  if (!s.ok()) {
    return IsDamage(db_) ? SqliteDamaged(path_, std::string("quick_check: ") + sqlite3_errmsg(db_))
                         : s.status();
  }
  std::string found;
  int rc;
  while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
    const std::string line = SqliteColumn(s->get(), 0);
    if (line != "ok") found += (found.empty() ? "" : "; ") + line;
  }
  if (rc != SQLITE_DONE) {
    return IsDamage(db_) ? SqliteDamaged(path_, std::string("quick_check: ") + sqlite3_errmsg(db_))
                         : Error("quick_check");
  }
  if (!found.empty()) return SqliteDamaged(path_, "quick_check: " + found);
  return Status();
}

Status SqliteDb::Probe() const {
  int moved = 0;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK ||
      moved != 0) {
    return FailedPreconditionError(path_ +
                                   " was removed or replaced since sendguard opened it: restore "
                                   "it from a backup if it was lost, then restart sendguard");
  }
  if (access(path_.c_str(), R_OK | W_OK) != 0) {
    return UnavailableError(path_ + ": " + std::strerror(errno));
  }
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, SqliteCloser> fresh(raw);
  if (rc != SQLITE_OK) {
    return UnavailableError(path_ + ": " + (raw != nullptr ? sqlite3_errmsg(raw) : "cannot open"));
  }
  if (sqlite3_db_readonly(raw, "main") == 1) return UnavailableError(path_ + ": read-only");
  sqlite3_busy_timeout(raw, 1000);
  if (sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    if (IsDamage(raw)) return SqliteDamaged(path_, sqlite3_errmsg(raw));
    return UnavailableError(path_ + ": " + sqlite3_errmsg(raw));
  }
  return Status();
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Status SqliteDb::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err != nullptr ? err : "unknown error";
    sqlite3_free(err);
    return UnavailableError(path_ + ": " + msg);
  }
  return Status();
}

Result<SqliteStmt> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    return Error("prepare");
  }
  return SqliteStmt(raw);
}

Status SqliteDb::Error(std::string_view what) const {
  return UnavailableError(path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

Status SqliteDb::Rollback(std::string_view what) {
  Status err = Error(what);
  (void)Exec("ROLLBACK");  // the statement's error is the one to report
  return err;
}

}  // namespace sendguard
