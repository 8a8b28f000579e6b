#include "app/history_sources.h"

#include <memory>

#include "store/stores.h"

namespace sendguard {

Result<History> LoadHistory(const std::string& store, const std::string& tsv) {
  if (store.empty()) return LoadHistory(static_cast<HistoryReader*>(nullptr), tsv);
  Result<Stores> opened = OpenStores(store, {.history = true});
  if (!opened.ok()) return opened.status();
  return LoadHistory(opened->history.get(), tsv);
}

Result<History> LoadHistory(HistoryReader* store, const std::string& tsv) {
  History history;
  if (store != nullptr) {
    Result<History> h = store->ReadHistory({});
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
