// The one door to sendguard's stores: an address names where they are kept,
// and OpenStores opens the back end it names.
//
// Addresses:
//   PATH, sqlite:PATH, sqlite://PATH
//                           an SQLite file (created when missing) holding all
//                           four stores
//   postgresql://..., postgres://...
//                           PostgreSQL: not built yet (Unimplemented)

#ifndef SENDGUARD_STORE_STORES_H_
#define SENDGUARD_STORE_STORES_H_

#include <memory>
#include <string>

#include "sendguard/status.h"
#include "store/console_store.h"
#include "store/contact_store.h"
#include "store/history_store.h"
#include "store/quarantine_store.h"

namespace sendguard {

// The stores at one address; a store not asked for is null.
struct Stores {
  std::unique_ptr<HistoryStore> history;
  std::unique_ptr<QuarantineStore> quarantine;
  std::unique_ptr<ConsoleStore> console;
  std::unique_ptr<ContactStore> contacts;  // the per-sender history
};

// Which stores to open. Opening one may create its tables (or migrate them),
// so a command opens only those it uses.
struct StoreSelection {
  bool history = false;
  bool quarantine = false;
  bool console = false;
  bool contacts = false;
};
inline constexpr StoreSelection kAllStores{true, true, true, true};

// Opens the stores `which` selects at `address` (see the top of this file).
// InvalidArgument for an empty address or one of an unknown scheme;
// Unimplemented for PostgreSQL; the back end's error when a store cannot
// be opened (Unavailable for an SQLite file that cannot be opened;
// FailedPrecondition, naming the file and what SQLite found, for one that
// is not a database or fails PRAGMA quick_check, which reads the whole file
// once).
Result<Stores> OpenStores(const std::string& address, StoreSelection which = kAllStores);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_STORES_H_
