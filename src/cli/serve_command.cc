// sendguard serve: the mail filter daemon (milter) and the HTTP API and console.

#include <iostream>
#include <memory>

#include "app/daemon.h"
#include "cli/commands.h"

namespace sendguard {
namespace {

int RunServe(const DaemonOptions& o) {
  // Before any thread starts, so that every thread inherits the mask.
  StopSignals signals;
  Result<std::unique_ptr<Daemon>> daemon = Daemon::Start(o);
  if (!daemon.ok()) {
    std::cerr << "sendguard serve: " << daemon.status().message() << "\n";
    return kExitUsage;
  }
  std::cerr << "sendguard serve: " << (*daemon)->Describe() << "\n";
  Status st = (*daemon)->Run(signals);
  std::cerr << "sendguard serve: " << (*daemon)->Summary() << "\n";
  if (!st.ok()) {
    std::cerr << "sendguard serve: " << st.message() << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<DaemonOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Run the mail filter (milter) and/or the HTTP API and console until SIGTERM");
  cmd->add_option("--config", o->config, "Configuration file (YAML)")->check(CLI::ExistingFile);
  cmd->add_option("--store", o->store,
                  "SQLite store: history, quarantine and events (default: serve.store, "
                  "sendguard.db)");
  cmd->add_option("--history", o->history, "Extra history as TSV: domain-or-address<TAB>messages")
      ->check(CLI::ExistingFile);
  cmd->add_option("--milter", o->milter, "Milter socket: inet:PORT@HOST or unix:PATH");
  cmd->add_option("--http", o->http, "HTTP API address HOST:PORT");
  cmd->add_option("--audit-log", o->journal, "Append one JSON line per decision to this file");
  cmd->callback([o, exit_code] { *exit_code = RunServe(*o); });
}

}  // namespace sendguard
