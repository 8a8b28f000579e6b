#include <sys/random.h>

#include <chrono>
#include <mutex>

#include "store/held_fields.h"
#include "store/quarantine_store.h"
#include "store/sqlite_db.h"
#include "store/sqlite_quarantine_schema.h"

namespace sendguard {
namespace {

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::string> NewId() {
  unsigned char bytes[16];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    return UnavailableError("no randomness for a quarantine id");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 15]);
  }
  return id;
}

constexpr const char* kColumns =
    "id, created, mail_from, recipients, subject, action, rule, reason, decision, status, "
    "updated, actor, note, corrections, reasons";

HeldMessage Row(sqlite3_stmt* s) {
  HeldMessage m;
  m.id = SqliteColumn(s, 0);
  m.created = sqlite3_column_int64(s, 1);
  m.mail_from = SqliteColumn(s, 2);
  m.recipients = SplitLines(SqliteColumn(s, 3));
  m.subject = SqliteColumn(s, 4);
  m.action = SqliteColumn(s, 5);
  m.rule = SqliteColumn(s, 6);
  m.reason = SqliteColumn(s, 7);
  m.decision_json = SqliteColumn(s, 8);
  m.status = ParseHeldStatus(SqliteColumn(s, 9)).value_or(HeldStatus::kHeld);
  m.updated = sqlite3_column_int64(s, 10);
  m.actor = SqliteColumn(s, 11);
  m.note = SqliteColumn(s, 12);
  if (sqlite3_column_type(s, 13) == SQLITE_NULL) {
    // Written by an older sendguard sharing this file (a node not upgraded
    // yet): the typed fields come from the stored decision, as at migration.
    FillHeldFieldsFromDecision(&m);
    return m;
  }
  m.corrections = DecodeCorrections(SqliteColumn(s, 13));
  m.reasons = DecodeReasons(SqliteColumn(s, 14));
  return m;
}

class SqliteQuarantineStore : public QuarantineStore {
 public:
  explicit SqliteQuarantineStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Result<std::string> Hold(HeldMessage m) override {
    Result<std::string> id = NewId();
    if (!id.ok()) return id.status();
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = Prepare(
        "INSERT INTO quarantine(id, created, mail_from, recipients, subject, action, rule, reason, "
        "decision, status, updated, actor, note, raw, corrections, reasons) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'held', ?2, '', '', ?10, ?11, ?12)");
    if (!s.ok()) return s.status();
    sqlite3_stmt* st = s->get();
    const std::int64_t now = Now();
    SqliteBind(st, 1, *id);
    sqlite3_bind_int64(st, 2, now);
    SqliteBind(st, 3, m.mail_from);
    SqliteBind(st, 4, JoinLines(m.recipients));
    SqliteBind(st, 5, m.subject);
    SqliteBind(st, 6, m.action);
    SqliteBind(st, 7, m.rule);
    SqliteBind(st, 8, m.reason);
    SqliteBind(st, 9, m.decision_json);
    sqlite3_bind_blob(st, 10, m.raw.data(), static_cast<int>(m.raw.size()), SQLITE_TRANSIENT);
    SqliteBind(st, 11, EncodeCorrections(m.corrections));
    SqliteBind(st, 12, EncodeReasons(m.reasons));
    if (Status e = Begin(); !e.ok()) return e;
    if (sqlite3_step(st) != SQLITE_DONE) return Rollback("store the held message");
    if (Status e = InsertEvent("held", *id, "sendguard", m.rule + ": " + m.reason); !e.ok()) {
      (void)Exec("ROLLBACK");  // the event error is the one to report
      return e;
    }
    if (Status e = Exec("COMMIT"); !e.ok()) return e;
    return id;
  }

  Result<std::vector<HeldMessage>> List(std::string_view status, std::string_view search, int limit,
                                        int offset) override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = Prepare(
        std::string("SELECT ") + kColumns +
        " FROM quarantine WHERE (?1 = '' OR status = ?1) AND (?4 = '' OR "
        "instr(lower(mail_from || char(10) || recipients || char(10) || subject || char(10) || "
        "rule), lower(?4)) > 0) ORDER BY created DESC, rowid DESC LIMIT ?2 OFFSET ?3");
    if (!s.ok()) return s.status();
    SqliteBind(s->get(), 1, status);
    sqlite3_bind_int(s->get(), 2, limit);
    sqlite3_bind_int(s->get(), 3, offset);
    SqliteBind(s->get(), 4, search);
    std::vector<HeldMessage> out;
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) out.push_back(Row(s->get()));
    if (rc != SQLITE_DONE) return Error("list");
    return out;
  }

  Result<std::map<std::string, std::int64_t>> CountByStatus() override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = Prepare("SELECT status, count(*) FROM quarantine GROUP BY status");
    if (!s.ok()) return s.status();
    std::map<std::string, std::int64_t> out;
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
      out[SqliteColumn(s->get(), 0)] = sqlite3_column_int64(s->get(), 1);
    }
    if (rc != SQLITE_DONE) return Error("count");
    return out;
  }

  Result<HeldMessage> Get(std::string_view id) override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s =
        Prepare(std::string("SELECT ") + kColumns + ", raw FROM quarantine WHERE id = ?1");
    if (!s.ok()) return s.status();
    SqliteBind(s->get(), 1, id);
    int rc = sqlite3_step(s->get());
    if (rc == SQLITE_DONE) return NotFoundError("no held message " + std::string(id));
    if (rc != SQLITE_ROW) return Error("read");
    HeldMessage m = Row(s->get());
    m.raw = SqliteColumn(s->get(), 15);
    return m;
  }

  Status Transition(std::string_view id, HeldStatus from, HeldStatus to, std::string_view actor,
                    std::string_view note) override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = Prepare(
        "UPDATE quarantine SET status = ?3, updated = ?4, actor = ?5, note = ?6 "
        "WHERE id = ?1 AND status = ?2");
    if (!s.ok()) return s.status();
    SqliteBind(s->get(), 1, id);
    SqliteBind(s->get(), 2, HeldStatusName(from));
    SqliteBind(s->get(), 3, HeldStatusName(to));
    sqlite3_bind_int64(s->get(), 4, Now());
    SqliteBind(s->get(), 5, actor);
    SqliteBind(s->get(), 6, note);
    if (Status e = Begin(); !e.ok()) return e;
    if (sqlite3_step(s->get()) != SQLITE_DONE) return Rollback("update");
    if (sqlite3_changes(db_->get()) != 1) {
      (void)Exec("ROLLBACK");  // nothing was changed; say why instead
      return FailedPreconditionError("held message " + std::string(id) + " is not " +
                                     std::string(HeldStatusName(from)) + " (or does not exist)");
    }
    if (Status e = InsertEvent(HeldStatusName(to), id, actor, note); !e.ok()) {
      (void)Exec("ROLLBACK");  // the event error is the one to report
      return e;
    }
    return Exec("COMMIT");
  }

  Status AddEvent(std::string_view kind, std::string_view quarantine_id, std::string_view actor,
                  std::string_view detail) override {
    std::lock_guard<std::mutex> lock(mu_);
    return InsertEvent(kind, quarantine_id, actor, detail);
  }

  Result<std::vector<QuarantineEvent>> Events(int limit, std::int64_t before) override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = Prepare(
        "SELECT seq, time, kind, quarantine_id, actor, detail FROM events "
        "WHERE (?1 = 0 OR seq < ?1) ORDER BY seq DESC LIMIT ?2");
    if (!s.ok()) return s.status();
    sqlite3_bind_int64(s->get(), 1, before);
    sqlite3_bind_int(s->get(), 2, limit);
    std::vector<QuarantineEvent> out;
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
      sqlite3_stmt* st = s->get();
      out.push_back({sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), SqliteColumn(st, 2),
                     SqliteColumn(st, 3), SqliteColumn(st, 4), SqliteColumn(st, 5)});
    }
    if (rc != SQLITE_DONE) return Error("events");
    return out;
  }

  Status Health() override { return db_->Probe(); }

 private:
  Result<SqliteStmt> Prepare(const std::string& sql) { return db_->Prepare(sql); }
  Status Exec(const char* sql) { return db_->Exec(sql); }
  Status Begin() { return db_->Exec("BEGIN IMMEDIATE"); }
  Status Rollback(const char* what) { return db_->Rollback(what); }
  Status InsertEvent(std::string_view kind, std::string_view id, std::string_view actor,
                     std::string_view detail) {
    Result<SqliteStmt> s = Prepare(
        "INSERT INTO events(time, kind, quarantine_id, actor, detail) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!s.ok()) return s.status();
    sqlite3_bind_int64(s->get(), 1, Now());
    SqliteBind(s->get(), 2, kind);
    SqliteBind(s->get(), 3, id);
    SqliteBind(s->get(), 4, actor);
    SqliteBind(s->get(), 5, detail);
    if (sqlite3_step(s->get()) != SQLITE_DONE) return Error("record the event");
    return Status();
  }
  Status Error(const char* what) { return db_->Error(what); }

  std::mutex mu_;  // one connection; held messages are rare, so writes may queue
  std::unique_ptr<SqliteDb> db_;
};

}  // namespace

Result<std::unique_ptr<QuarantineStore>> OpenSqliteQuarantineStore(const std::string& path) {
  // synchronous=FULL: a held message is on disk before the MTA is told.
  Result<std::unique_ptr<SqliteDb>> db =
      SqliteDb::Open(path, "FULL", SqliteQuarantineSchema(), /*serialized=*/true);
  if (!db.ok()) return db.status();
  if (Status m = MigrateSqliteQuarantine(**db); !m.ok()) return m;
  return std::unique_ptr<QuarantineStore>(new SqliteQuarantineStore(std::move(db).value()));
}

}  // namespace sendguard
