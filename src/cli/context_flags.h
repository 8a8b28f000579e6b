// The flags that choose a command's configuration and history, shared by
// every command that judges recipients or messages.

#ifndef SENDGUARD_CLI_CONTEXT_FLAGS_H_
#define SENDGUARD_CLI_CONTEXT_FLAGS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "policy/context.h"
#include "sendguard/status.h"

namespace sendguard {

struct ContextFlags {
  std::string config;   // --config FILE (YAML)
  std::string history;  // --history FILE.tsv
  std::string store;    // --store PATH (SQLite)
};

// Adds --config, --history and --store to `cmd`.
void AddContextFlags(CLI::App* cmd, ContextFlags* flags);

// The configuration of --config, or the defaults without it.
Result<Config> LoadConfigFlag(const ContextFlags& flags);

// The history of --history and/or --store, added together; empty without either.
Result<History> LoadHistoryFlags(const ContextFlags& flags);

// Loads the configuration (defaults without --config) and the history
// (--history and/or --store, added together; empty without either) and
// builds the Context.
Result<std::unique_ptr<Context>> LoadContext(const ContextFlags& flags);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_CONTEXT_FLAGS_H_
