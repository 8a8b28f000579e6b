// The outbound history a command or the daemon judges recipients with:
// what the store learned, plus an optional TSV file of extra counts.

#ifndef SENDGUARD_APP_HISTORY_SOURCES_H_
#define SENDGUARD_APP_HISTORY_SOURCES_H_

#include <string>

#include "recipients/history.h"
#include "sendguard/status.h"
#include "store/history_store.h"

namespace sendguard {

// The history `store` holds (null for none) and the TSV file `tsv`
// (domain-or-address<TAB>messages; "" for none) holds, added together;
// empty without either.
Result<History> LoadHistory(HistoryReader* store, const std::string& tsv);

// The same with the store at the address `store` ("" for none), opened for
// the read.
Result<History> LoadHistory(const std::string& store, const std::string& tsv);

}  // namespace sendguard

#endif  // SENDGUARD_APP_HISTORY_SOURCES_H_
