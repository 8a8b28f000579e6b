#include "app/history_sources.h"

#include <memory>

#include "store/history_store.h"

namespace sendguard {

Result<History> LoadHistory(const std::string& store, const std::string& tsv) {
  History history;
  if (!store.empty()) {
    Result<std::unique_ptr<HistoryStore>> opened = OpenSqliteHistoryStore(store);
    if (!opened.ok()) return opened.status();
    Result<History> h = (*opened)->LoadHistory();
    if (!h.ok()) return h.status();
    history = std::move(h).value();
  }
  if (!tsv.empty()) {
    Result<History> h = History::LoadTsv(tsv);
    if (!h.ok()) return h.status();
    if (history.empty()) return h;
    h->ForEachDomain([&](const std::string& d, std::uint64_t n) { history.Add(d, n); });
    h->ForEachAddress([&](const std::string& a, std::uint64_t n) { history.Add(a, n); });
    history.Finish();
  }
  return history;
}

}  // namespace sendguard
