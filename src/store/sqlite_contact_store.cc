#include <unordered_map>
#include <unordered_set>

#include "store/contact_store.h"
#include "store/sqlite_db.h"

namespace sendguard {
namespace {

class SqliteContactStore : public ContactStore {
 public:
  explicit SqliteContactStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Status AddContacts(const ContactBatch& batch) override {
    if (batch.empty()) return OkStatus();
    if (Status s = db_->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Result<SqliteStmt> add_address =
        db_->Prepare("INSERT INTO addresses(address) VALUES(?1) ON CONFLICT(address) DO NOTHING");
    Result<SqliteStmt> id_of = db_->Prepare("SELECT id FROM addresses WHERE address = ?1");
    Result<SqliteStmt> add_pair = db_->Prepare(
        "INSERT INTO contacts(sender, recipient, messages, first_seen, last_seen) "
        "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(sender, recipient) DO UPDATE SET "
        "messages = messages + excluded.messages, "
        "first_seen = CASE WHEN first_seen = '' OR (excluded.first_seen <> '' AND "
        "excluded.first_seen < first_seen) THEN excluded.first_seen ELSE first_seen END, "
        "last_seen = max(last_seen, excluded.last_seen)");
    Result<SqliteStmt> add_name = db_->Prepare(
        "INSERT INTO address_names(address, name, messages) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(address, name) DO UPDATE SET messages = messages + excluded.messages");
    if (!add_address.ok() || !id_of.ok() || !add_pair.ok() || !add_name.ok()) {
      return db_->Rollback("prepare");
    }
    std::unordered_map<std::string, sqlite3_int64> ids;
    auto id = [&](const std::string& address) -> std::optional<sqlite3_int64> {
      if (auto it = ids.find(address); it != ids.end()) return it->second;
      SqliteBind(add_address->get(), 1, address);
      const int rc = sqlite3_step(add_address->get());
      sqlite3_reset(add_address->get());
      if (rc != SQLITE_DONE) return std::nullopt;
      SqliteBind(id_of->get(), 1, address);
      std::optional<sqlite3_int64> out;
      if (sqlite3_step(id_of->get()) == SQLITE_ROW) out = sqlite3_column_int64(id_of->get(), 0);
      sqlite3_reset(id_of->get());
      if (out) ids.emplace(address, *out);
      return out;
    };
    for (const ContactCount& c : batch.contacts) {
      std::optional<sqlite3_int64> from = id(c.sender), to = id(c.recipient);
      if (!from || !to) return db_->Rollback("insert address");
      sqlite3_stmt* st = add_pair->get();
      sqlite3_bind_int64(st, 1, *from);
      sqlite3_bind_int64(st, 2, *to);
      sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(c.messages));
      SqliteBind(st, 4, c.first_seen);
      SqliteBind(st, 5, c.last_seen);
      if (sqlite3_step(st) != SQLITE_DONE) return db_->Rollback("insert contact");
      sqlite3_reset(st);
    }
    if (!batch.groups.empty()) {
      Result<SqliteStmt> add_group = db_->Prepare(
          "INSERT INTO contact_groups(sender, signature, messages) VALUES(?1, ?2, ?3) "
          "ON CONFLICT(sender, signature) DO UPDATE SET messages = messages + excluded.messages");
      if (!add_group.ok()) return db_->Rollback("prepare");
      for (const SenderGroupCount& g : batch.groups) {
        std::optional<sqlite3_int64> from = id(g.sender);
        if (!from) return db_->Rollback("insert address");
        sqlite3_stmt* st = add_group->get();
        sqlite3_bind_int64(st, 1, *from);
        sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(g.signature));
        sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(g.messages));
        if (sqlite3_step(st) != SQLITE_DONE) return db_->Rollback("insert group");
        sqlite3_reset(st);
      }
    }
    if ((!batch.contacts.empty() || !batch.groups.empty()) && !MarkChanged(batch, ids)) {
      return db_->Rollback("version");
    }
    for (const NameCount& n : batch.names) {
      std::optional<sqlite3_int64> a = id(n.address);
      if (!a) return db_->Rollback("insert address");
      sqlite3_stmt* st = add_name->get();
      sqlite3_bind_int64(st, 1, *a);
      SqliteBind(st, 2, n.name);
      sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(n.messages));
      if (sqlite3_step(st) != SQLITE_DONE) return db_->Rollback("insert name");
      sqlite3_reset(st);
    }
    return db_->Exec("COMMIT");
  }

  Result<std::uint64_t> Version() override {
    Result<SqliteStmt> st = db_->Prepare("SELECT value FROM contact_meta WHERE key = 'version'");
    if (!st.ok()) return st.status();
    const int rc = sqlite3_step(st->get());
    if (rc == SQLITE_ROW) return static_cast<std::uint64_t>(sqlite3_column_int64(st->get(), 0));
    if (rc != SQLITE_DONE) return db_->Error("read the contacts' version");
    return std::uint64_t{0};
  }

  Result<std::vector<std::string>> ChangedSince(std::uint64_t version) override {
    Result<SqliteStmt> st = db_->Prepare(
        "SELECT a.address FROM contact_changes c JOIN addresses a ON a.id = c.sender "
        "WHERE c.version > ?1 ORDER BY a.address");
    if (!st.ok()) return st.status();
    sqlite3_bind_int64(st->get(), 1, static_cast<sqlite3_int64>(version));
    return Column(st->get(), "read the changed senders");
  }

  Result<std::vector<std::string>> Senders() override {
    Result<SqliteStmt> st = db_->Prepare(
        "SELECT address FROM addresses WHERE id IN (SELECT DISTINCT sender FROM contacts) "
        "ORDER BY address");
    if (!st.ok()) return st.status();
    return Column(st->get(), "read the senders");
  }

  Result<std::optional<SenderContacts>> ReadContacts(const std::string& sender) override {
    if (!read_) {
      Result<SqliteStmt> r = db_->Prepare(
          "SELECT a.address, c.messages, c.first_seen, c.last_seen, "
          "(SELECT group_concat(name, char(10)) FROM address_names n "
          " WHERE n.address = c.recipient) "
          "FROM contacts c JOIN addresses a ON a.id = c.recipient "
          "WHERE c.sender = (SELECT id FROM addresses WHERE address = ?1)");
      if (!r.ok()) return r.status();
      read_ = std::move(r).value();
    }
    sqlite3_stmt* st = read_.get();
    SqliteBind(st, 1, sender);
    std::vector<Contact> contacts;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      Contact c;
      c.address = SqliteColumn(st, 0);
      c.messages = static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
      c.first_seen = SqliteColumn(st, 2);
      c.last_seen = SqliteColumn(st, 3);
      const std::string names = SqliteColumn(st, 4);
      for (std::size_t at = 0; at < names.size();) {
        std::size_t nl = names.find('\n', at);
        if (nl == std::string::npos) nl = names.size();
        std::string key = NameKey(std::string_view(names).substr(at, nl - at));
        if (!key.empty()) c.names.push_back(std::move(key));
        at = nl + 1;
      }
      contacts.push_back(std::move(c));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return db_->Error("read contacts");
    if (contacts.empty()) return std::optional<SenderContacts>();
    if (!read_groups_) {
      Result<SqliteStmt> r = db_->Prepare(
          "SELECT signature, messages FROM contact_groups "
          "WHERE sender = (SELECT id FROM addresses WHERE address = ?1)");
      if (!r.ok()) return r.status();
      read_groups_ = std::move(r).value();
    }
    st = read_groups_.get();
    SqliteBind(st, 1, sender);
    std::vector<GroupCount> groups;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      groups.push_back({static_cast<std::uint64_t>(sqlite3_column_int64(st, 0)),
                        static_cast<std::uint64_t>(sqlite3_column_int64(st, 1))});
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return db_->Error("read groups");
    return std::optional<SenderContacts>(SenderContacts(std::move(contacts), std::move(groups)));
  }

 private:
  // Bumps the version and stamps the batch's senders with it.
  bool MarkChanged(const ContactBatch& batch,
                   const std::unordered_map<std::string, sqlite3_int64>& ids) {
    if (!db_->Exec("INSERT INTO contact_meta(key, value) VALUES('version', 1) "
                   "ON CONFLICT(key) DO UPDATE SET value = value + 1")
             .ok()) {
      return false;
    }
    Result<SqliteStmt> mark = db_->Prepare(
        "INSERT INTO contact_changes(sender, version) "
        "VALUES(?1, (SELECT value FROM contact_meta WHERE key = 'version')) "
        "ON CONFLICT(sender) DO UPDATE SET version = excluded.version");
    if (!mark.ok()) return false;
    std::unordered_set<sqlite3_int64> done;
    auto stamp = [&](const std::string& sender) {
      auto it = ids.find(sender);
      if (it == ids.end() || !done.insert(it->second).second) return true;
      sqlite3_bind_int64(mark->get(), 1, it->second);
      const bool ok = sqlite3_step(mark->get()) == SQLITE_DONE;
      sqlite3_reset(mark->get());
      return ok;
    };
    for (const ContactCount& c : batch.contacts) {
      if (!stamp(c.sender)) return false;
    }
    for (const SenderGroupCount& g : batch.groups) {
      if (!stamp(g.sender)) return false;
    }
    return true;
  }

  // The first column of every row of `st`.
  Result<std::vector<std::string>> Column(sqlite3_stmt* st, const char* what) {
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) out.push_back(SqliteColumn(st, 0));
    if (rc != SQLITE_DONE) return db_->Error(what);
    return out;
  }

  std::unique_ptr<SqliteDb> db_;
  SqliteStmt read_;
  SqliteStmt read_groups_;
};

}  // namespace

Result<std::unique_ptr<ContactStore>> OpenSqliteContactStore(const std::string& path) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(
      path, "NORMAL",
      {"CREATE TABLE IF NOT EXISTS addresses("
       "id INTEGER PRIMARY KEY, address TEXT NOT NULL UNIQUE)",
       "CREATE TABLE IF NOT EXISTS contacts("
       "sender INTEGER NOT NULL, recipient INTEGER NOT NULL, messages INTEGER NOT NULL, "
       "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, "
       "PRIMARY KEY(sender, recipient)) WITHOUT ROWID",
       "CREATE TABLE IF NOT EXISTS address_names("
       "address INTEGER NOT NULL, name TEXT NOT NULL, messages INTEGER NOT NULL, "
       "PRIMARY KEY(address, name)) WITHOUT ROWID",
       "CREATE TABLE IF NOT EXISTS contact_groups("
       "sender INTEGER NOT NULL, signature INTEGER NOT NULL, messages INTEGER NOT NULL, "
       "PRIMARY KEY(sender, signature)) WITHOUT ROWID",
       "CREATE TABLE IF NOT EXISTS contact_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
       "CREATE TABLE IF NOT EXISTS contact_changes("
       "sender INTEGER PRIMARY KEY, version INTEGER NOT NULL)"},
      /*serialized=*/false);
  if (!db.ok()) return db.status();
  return std::unique_ptr<ContactStore>(new SqliteContactStore(std::move(db).value()));
}

}  // namespace sendguard
