// The outbound history a command or the daemon judges recipients with:
// what the store learned, plus an optional TSV file of extra counts.

#ifndef SENDGUARD_APP_HISTORY_SOURCES_H_
#define SENDGUARD_APP_HISTORY_SOURCES_H_

#include <string>

#include "recipients/history.h"
#include "sendguard/status.h"

namespace sendguard {

// The history in the store at `store` ("" for none) and in the TSV file
// `tsv` (domain-or-address<TAB>messages; "" for none), added together;
// empty without either.
Result<History> LoadHistory(const std::string& store, const std::string& tsv);

}  // namespace sendguard

#endif  // SENDGUARD_APP_HISTORY_SOURCES_H_
