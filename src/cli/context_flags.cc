#include "cli/context_flags.h"

#include "app/app_config.h"
#include "app/history_sources.h"
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
  Result<AppConfig> config = LoadAppConfig(flags.config);
  if (!config.ok()) return config.status();
  return std::move(config->core);
}

Result<History> LoadHistoryFlags(const ContextFlags& flags) {
  return LoadHistory(flags.store, flags.history);
}

Result<std::unique_ptr<Context>> LoadContext(const ContextFlags& flags) {
  Result<Config> config = LoadConfigFlag(flags);
  if (!config.ok()) return config.status();
  Result<History> history = LoadHistoryFlags(flags);
  if (!history.ok()) return history.status();
  std::shared_ptr<ContactSource> contacts;
  if (!flags.store.empty()) {
    Result<Stores> stores = OpenStores(flags.store, {.contacts = true});
    if (!stores.ok()) return stores.status();
    Result<std::shared_ptr<IndexedContacts>> opened =
        OpenContacts(std::move(stores->contacts), ContactIndexPath(flags.store),
                     config->recipients.contact_cache_mb << 20);
    if (!opened.ok()) return opened.status();
    contacts = std::move(opened).value();
  }
  return Context::Create(std::move(config).value(), std::move(history).value(),
                         std::move(contacts));
}

}  // namespace sendguard
