#include <unordered_map>

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
    return std::optional<SenderContacts>(SenderContacts(std::move(contacts)));
  }

 private:
  std::unique_ptr<SqliteDb> db_;
  SqliteStmt read_;
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
       "PRIMARY KEY(address, name)) WITHOUT ROWID"},
      /*serialized=*/false);
  if (!db.ok()) return db.status();
  return std::unique_ptr<ContactStore>(new SqliteContactStore(std::move(db).value()));
}

}  // namespace sendguard
