#include <sodium.h>

#include <mutex>

#include "store/console_store.h"
#include "store/sqlite_db.h"

namespace sendguard {
namespace {

bool ValidUser(std::string_view user) {
  if (user.empty() || user.size() > 64) return false;
  for (char c : user) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class SqliteConsoleStore : public ConsoleStore {
 public:
  explicit SqliteConsoleStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Status SetPassword(std::string_view user, std::string_view password) override {
    if (!ValidUser(user)) {
      return InvalidArgumentError("account names are 1-64 of letters, digits, . _ @ -");
    }
    if (password.size() < 12) return InvalidArgumentError("passwords need 12 characters or more");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
      return ResourceExhaustedError("not enough memory to hash the password");
    }
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = db_->Prepare(
        "INSERT INTO accounts(name, hash) VALUES(?1, ?2) "
        "ON CONFLICT(name) DO UPDATE SET hash = excluded.hash");
    if (!s.ok()) return s.status();
    SqliteBind(s->get(), 1, user);
    SqliteBind(s->get(), 2, hash);
    if (sqlite3_step(s->get()) != SQLITE_DONE) return db_->Error("store the account");
    return OkStatus();
  }

  Result<bool> CheckPassword(std::string_view user, std::string_view password) override {
    std::string hash;
    {
      std::lock_guard<std::mutex> lock(mu_);
      Result<SqliteStmt> s = db_->Prepare("SELECT hash FROM accounts WHERE name = ?1");
      if (!s.ok()) return s.status();
      SqliteBind(s->get(), 1, user);
      int rc = sqlite3_step(s->get());
      if (rc == SQLITE_ROW) {
        hash = SqliteColumn(s->get(), 0);
      } else if (rc != SQLITE_DONE) {
        return db_->Error("read the account");
      }
    }
    if (hash.empty()) {
      // The same work for an unknown account, so timing tells no names.
      volatile int ignored =
          crypto_pwhash_str_verify(DummyHash().c_str(), password.data(), password.size());
      (void)ignored;
      return false;
    }
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  }

  Result<std::vector<std::string>> Accounts() override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = db_->Prepare("SELECT name FROM accounts ORDER BY name");
    if (!s.ok()) return s.status();
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) out.push_back(SqliteColumn(s->get(), 0));
    if (rc != SQLITE_DONE) return db_->Error("list accounts");
    return out;
  }

  Result<std::string> Secret(std::string_view name, std::size_t bytes) override {
    std::string fresh(bytes, '\0');
    randombytes_buf(fresh.data(), fresh.size());
    std::lock_guard<std::mutex> lock(mu_);
    // Insert unless present, then read: concurrent servers agree on one.
    Result<SqliteStmt> ins =
        db_->Prepare("INSERT OR IGNORE INTO secrets(name, value) VALUES(?1, ?2)");
    if (!ins.ok()) return ins.status();
    SqliteBind(ins->get(), 1, name);
    sqlite3_bind_blob(ins->get(), 2, fresh.data(), static_cast<int>(fresh.size()),
                      SQLITE_TRANSIENT);
    if (sqlite3_step(ins->get()) != SQLITE_DONE) return db_->Error("store a secret");
    Result<SqliteStmt> sel = db_->Prepare("SELECT value FROM secrets WHERE name = ?1");
    if (!sel.ok()) return sel.status();
    SqliteBind(sel->get(), 1, name);
    if (sqlite3_step(sel->get()) != SQLITE_ROW) return db_->Error("read a secret");
    return SqliteColumn(sel->get(), 0);
  }

  Status AddDecisionCounts(const std::vector<DecisionCount>& counts) override {
    if (counts.empty()) return OkStatus();
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = db_->Prepare(
        "INSERT INTO decision_counts(day, action, rule, domain, intended, count) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(day, action, rule, domain) "
        "DO UPDATE SET count = count + excluded.count");
    if (!s.ok()) return s.status();
    if (Status e = db_->Exec("BEGIN IMMEDIATE"); !e.ok()) return e;
    for (const DecisionCount& c : counts) {
      sqlite3_reset(s->get());
      SqliteBind(s->get(), 1, c.day);
      SqliteBind(s->get(), 2, c.action);
      SqliteBind(s->get(), 3, c.rule);
      SqliteBind(s->get(), 4, c.domain);
      SqliteBind(s->get(), 5, c.intended);
      sqlite3_bind_int64(s->get(), 6, c.count);
      if (sqlite3_step(s->get()) != SQLITE_DONE) return db_->Rollback("add decision counts");
    }
    return db_->Exec("COMMIT");
  }

  Result<std::vector<DecisionCount>> DecisionCounts(std::string_view since_day) override {
    std::lock_guard<std::mutex> lock(mu_);
    Result<SqliteStmt> s = db_->Prepare(
        "SELECT day, action, rule, domain, intended, count FROM decision_counts "
        "WHERE day >= ?1 ORDER BY day, action, rule, domain");
    if (!s.ok()) return s.status();
    SqliteBind(s->get(), 1, since_day);
    std::vector<DecisionCount> out;
    int rc;
    while ((rc = sqlite3_step(s->get())) == SQLITE_ROW) {
      sqlite3_stmt* st = s->get();
      out.push_back({SqliteColumn(st, 0), SqliteColumn(st, 1), SqliteColumn(st, 2),
                     SqliteColumn(st, 3), SqliteColumn(st, 4), sqlite3_column_int64(st, 5)});
    }
    if (rc != SQLITE_DONE) return db_->Error("read decision counts");
    return out;
  }

 private:
  const std::string& DummyHash() {
    std::call_once(dummy_once_, [this] {
      char hash[crypto_pwhash_STRBYTES];
      static constexpr char kNothing[] = "no such account";
      if (crypto_pwhash_str(hash, kNothing, sizeof(kNothing) - 1,
                            crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0) {
        dummy_hash_ = hash;
      }
    });
    return dummy_hash_;
  }

  std::unique_ptr<SqliteDb> db_;
  std::mutex mu_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

}  // namespace

Result<std::unique_ptr<ConsoleStore>> OpenSqliteConsoleStore(const std::string& path) {
  if (sodium_init() < 0) return UnavailableError("libsodium cannot start");
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(
      path, "NORMAL",
      {
          "CREATE TABLE IF NOT EXISTS accounts(name TEXT PRIMARY KEY, hash TEXT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS secrets(name TEXT PRIMARY KEY, value BLOB NOT NULL)",
          "CREATE TABLE IF NOT EXISTS decision_counts(day TEXT NOT NULL, action TEXT NOT NULL, "
          "rule TEXT NOT NULL, domain TEXT NOT NULL, intended TEXT NOT NULL, "
          "count INTEGER NOT NULL, PRIMARY KEY(day, action, rule, domain))",
      },
      /*serialized=*/true);
  if (!db.ok()) return db.status();
  return std::unique_ptr<ConsoleStore>(new SqliteConsoleStore(std::move(db).value()));
}

}  // namespace sendguard
