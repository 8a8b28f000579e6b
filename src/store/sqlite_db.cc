#include "store/sqlite_db.h"

namespace sendguard {

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
  if (Status s = db->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
  const std::string sync = std::string("PRAGMA synchronous=") + synchronous;
  if (Status s = db->Exec(sync.c_str()); !s.ok()) return s;
  for (const char* sql : schema) {
    if (Status s = db->Exec(sql); !s.ok()) return s;
  }
  return db;
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
