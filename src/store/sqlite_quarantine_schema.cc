#include "store/sqlite_quarantine_schema.h"

#include <string>
#include <vector>

#include "store/held_fields.h"

namespace sendguard {
namespace {

// The quarantine table, called `name`.
std::string QuarantineTable(const char* name) {
  return std::string("CREATE TABLE IF NOT EXISTS ") + name +
         "(id TEXT PRIMARY KEY, created INTEGER NOT NULL, mail_from TEXT, recipients TEXT, "
         "subject TEXT, action TEXT, rule TEXT, reason TEXT, decision TEXT, "
         "status TEXT NOT NULL, updated INTEGER, actor TEXT, note TEXT, corrections TEXT, "
         "reasons TEXT, raw BLOB)";
}

constexpr const char* kIndex =
    "CREATE INDEX IF NOT EXISTS quarantine_status ON quarantine(status, created)";

// The columns a quarantine had before corrections and reasons.
constexpr const char* kOldColumns =
    "rowid, id, created, mail_from, recipients, subject, action, rule, reason, decision, status, "
    "updated, actor, note, raw";

Result<bool> HasTypedFields(SqliteDb& db) {
  Result<SqliteStmt> s = db.Prepare("PRAGMA table_info(quarantine)");
  if (!s.ok()) return s.status();
  bool found = false;
  int rc;
  while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
    found |= SqliteColumn(s->get(), 1) == "corrections";
  }
  if (rc != SQLITE_DONE) return db.Error("read the quarantine's columns");
  return found;
}

Status Rebuild(SqliteDb& db) {
  const std::string table = QuarantineTable("quarantine_migrated");
  const std::string copy = std::string("INSERT INTO quarantine_migrated(") + kOldColumns +
                           ") SELECT " + kOldColumns + " FROM quarantine";
  for (const char* sql : {table.c_str(), copy.c_str(), "DROP TABLE quarantine",
                          "ALTER TABLE quarantine_migrated RENAME TO quarantine", kIndex}) {
    if (Status s = db.Exec(sql); !s.ok()) return s;
  }
  return OkStatus();
}

// The rows whose typed fields were never filled, with what fills them.
Result<std::vector<HeldMessage>> Unfilled(SqliteDb& db) {
  Result<SqliteStmt> s = db.Prepare(
      "SELECT id, recipients, decision FROM quarantine "
      "WHERE corrections IS NULL OR reasons IS NULL");
  if (!s.ok()) return s.status();
  std::vector<HeldMessage> out;
  int rc;
  while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
    HeldMessage m;
    m.id = SqliteColumn(s->get(), 0);
    m.recipients = SplitLines(SqliteColumn(s->get(), 1));
    m.decision_json = SqliteColumn(s->get(), 2);
    out.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return db.Error("read held messages to migrate");
  return out;
}

Status Fill(SqliteDb& db, std::vector<HeldMessage>& rows) {
  if (rows.empty()) return OkStatus();
  Result<SqliteStmt> s =
      db.Prepare("UPDATE quarantine SET corrections = ?2, reasons = ?3 WHERE id = ?1");
  if (!s.ok()) return s.status();
  for (HeldMessage& m : rows) {
    FillHeldFieldsFromDecision(&m);
    sqlite3_reset(s->get());
    SqliteBind(s->get(), 1, m.id);
    SqliteBind(s->get(), 2, EncodeCorrections(m.corrections));
    SqliteBind(s->get(), 3, EncodeReasons(m.reasons));
    if (sqlite3_step(s->get()) != SQLITE_DONE) return db.Error("fill a migrated held message");
  }
  return OkStatus();
}

Status MigrateLocked(SqliteDb& db) {
  Result<bool> done = HasTypedFields(db);
  if (!done.ok()) return done.status();
  if (*done) return OkStatus();
  if (Status s = Rebuild(db); !s.ok()) return s;
  Result<std::vector<HeldMessage>> rows = Unfilled(db);
  if (!rows.ok()) return rows.status();
  return Fill(db, *rows);
}

}  // namespace

const std::vector<const char*>& SqliteQuarantineSchema() {
  static const std::string table = QuarantineTable("quarantine");
  static const std::vector<const char*> schema = {
      table.c_str(),
      kIndex,
      "CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY AUTOINCREMENT, "
      "time INTEGER NOT NULL, kind TEXT, quarantine_id TEXT, actor TEXT, detail TEXT)",
  };
  return schema;
}

Status MigrateSqliteQuarantine(SqliteDb& db) {
  // A plain read first: opening an up-to-date file takes no write lock.
  Result<bool> done = HasTypedFields(db);
  if (!done.ok()) return done.status();
  if (*done) return OkStatus();
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  if (Status s = MigrateLocked(db); !s.ok()) {
    (void)db.Exec("ROLLBACK");  // the migration's error is the one to report
    return s;
  }
  return db.Exec("COMMIT");
}

}  // namespace sendguard
