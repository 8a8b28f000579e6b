#include "cli/context_flags.h"

#include "store/stores.h"

namespace sendguard {

void AddContextFlags(CLI::App* cmd, ContextFlags* flags) {
  cmd->add_option("--config", flags->config, "Configuration file (YAML)")->check(CLI::ExistingFile);
  cmd->add_option("--history", flags->history,
                  "Outbound history as TSV: domain-or-address<TAB>messages")
      ->check(CLI::ExistingFile);
  cmd->add_option("--store", flags->store, "History store (SQLite) written by `sendguard learn`")
      ->check(CLI::ExistingFile);
}

Result<Config> LoadConfigFlag(const ContextFlags& flags) {
  if (flags.config.empty()) return Config();
  return LoadConfig(flags.config);
}

Result<History> LoadHistoryFlags(const ContextFlags& flags) {
  History history;
  if (!flags.store.empty()) {
    Result<Stores> stores = OpenStores(flags.store, {.history = true});
    if (!stores.ok()) return stores.status();
    Result<History> h = stores->history->LoadHistory();
    if (!h.ok()) return h.status();
    history = std::move(h).value();
  }
  if (!flags.history.empty()) {
    Result<History> h = History::LoadTsv(flags.history);
    if (!h.ok()) return h.status();
    if (history.empty()) return h;
    h->ForEachDomain([&](const std::string& d, std::uint64_t n) { history.Add(d, n); });
    h->ForEachAddress([&](const std::string& a, std::uint64_t n) { history.Add(a, n); });
    history.Finish();
  }
  return history;
}

Result<std::unique_ptr<Context>> LoadContext(const ContextFlags& flags) {
  Result<Config> config = LoadConfigFlag(flags);
  if (!config.ok()) return config.status();
  Result<History> history = LoadHistoryFlags(flags);
  if (!history.ok()) return history.status();
  return Context::Create(std::move(config).value(), std::move(history).value());
}

}  // namespace sendguard
