// The sendguard subcommands. Each Register* adds one subcommand to the
// application; the callback it installs runs the command and stores the
// process exit code in `*exit_code`.
//
// Exit codes shared by all commands:
//   0  done; every input was read
//   1  done, but some input could not be read (reported on stderr / in JSON)
//   2  usage error (bad flags or arguments)
//   3  internal error

#ifndef SENDGUARD_CLI_COMMANDS_H_
#define SENDGUARD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "sendguard/limits.h"

namespace sendguard {

constexpr int kExitOk = 0;
constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

// Adds --max-* flags that override fields of `*limits` to `cmd`.
void AddLimitFlags(CLI::App* cmd, Limits* limits);

void RegisterInspect(CLI::App& app, int* exit_code);
void RegisterScan(CLI::App& app, int* exit_code);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_COMMANDS_H_
