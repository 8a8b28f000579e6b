#include "store/stores.h"

#include <string_view>

#include "store/sqlite_db.h"

namespace sendguard {
namespace {

// The scheme of a URL-like address ("postgresql" of "postgresql://..."),
// or "" when `address` is not one (then it is a path).
std::string_view Scheme(std::string_view address) {
  std::size_t colon = address.find("://");
  if (colon == std::string_view::npos || colon == 0) return "";
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = address[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && !(i > 0 && other)) return "";
  }
  return address.substr(0, colon);
}

Result<Stores> OpenSqliteStores(const std::string& path, StoreSelection which) {
  {  // a damaged file is refused before anything reads or writes it
    Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, "NORMAL", {}, false);
    if (!db.ok()) return db.status();
    if (Status st = (*db)->QuickCheck(); !st.ok()) return st;
  }
  Stores out;
  if (which.history) {
    Result<std::unique_ptr<HistoryStore>> h = OpenSqliteHistoryStore(path);
    if (!h.ok()) return h.status();
    out.history = std::move(h).value();
  }
  if (which.quarantine) {
    Result<std::unique_ptr<QuarantineStore>> q = OpenSqliteQuarantineStore(path);
    if (!q.ok()) return q.status();
    out.quarantine = std::move(q).value();
  }
  if (which.console) {
    Result<std::unique_ptr<ConsoleStore>> c = OpenSqliteConsoleStore(path);
    if (!c.ok()) return c.status();
    out.console = std::move(c).value();
  }
  if (which.contacts) {
    Result<std::unique_ptr<ContactStore>> c = OpenSqliteContactStore(path);
    if (!c.ok()) return c.status();
    out.contacts = std::move(c).value();
  }
  return out;
}

}  // namespace

Result<Stores> OpenStores(const std::string& address, StoreSelection which) {
  if (address.empty()) return InvalidArgumentError("no store given (a path or sqlite:PATH)");
  if (address.rfind("sqlite://", 0) == 0) {  // sqlite:///var/lib/x.db, as a URL
    const std::string path = address.substr(9);
    if (path.empty()) return InvalidArgumentError("sqlite:// needs a path, as in sqlite:///PATH");
    return OpenSqliteStores(path, which);
  }
  std::string_view scheme = Scheme(address);
  // A URL may carry a password: errors name its scheme only.
  if (scheme == "postgresql" || scheme == "postgres") {
    return UnimplementedError("PostgreSQL stores are not built yet");
  }
  if (!scheme.empty()) {
    return InvalidArgumentError("unknown store scheme " + std::string(scheme) +
                                "://: give a path, sqlite:PATH or postgresql://...");
  }
  if (address.rfind("sqlite:", 0) == 0) {
    const std::string path = address.substr(7);
    if (path.empty()) return InvalidArgumentError("sqlite: needs a path, as in sqlite:PATH");
    return OpenSqliteStores(path, which);
  }
  return OpenSqliteStores(address, which);
}

}  // namespace sendguard
