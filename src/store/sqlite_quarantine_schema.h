// The SQLite quarantine's tables, and bringing a file made by an older
// sendguard up to them. Internal to src/store/.

#ifndef SENDGUARD_STORE_SQLITE_QUARANTINE_SCHEMA_H_
#define SENDGUARD_STORE_SQLITE_QUARANTINE_SCHEMA_H_

#include <vector>

#include "sendguard/status.h"
#include "store/sqlite_db.h"

namespace sendguard {

// The CREATE ... IF NOT EXISTS statements of the quarantine and events
// tables. The message bytes are the last column, so that reading the others
// never walks a large message's overflow pages.
const std::vector<const char*>& SqliteQuarantineSchema();

// When the quarantine table predates the corrections and reasons columns:
// rebuilds it with them (in place before the bytes, keeping every row and
// its rowid) and fills them from each row's decision. One transaction: of
// several processes opening the file at once, one migrates and the others
// find it done. Cheap when there is nothing to do.
Status MigrateSqliteQuarantine(SqliteDb& db);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_SQLITE_QUARANTINE_SCHEMA_H_
