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
#include <optional>

#include "sendguard/limits.h"

namespace sendguard {

constexpr int kExitOk = 0;
constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

// Limits given on the command line; unset ones keep the configured value.
struct LimitFlags {
  std::optional<std::size_t> max_message_bytes, max_text_bytes, max_header_bytes;
  std::optional<int> max_depth, max_parts, max_archive_members, max_header_fields, max_addresses,
      max_total_addresses, max_multipart_nesting;
  std::optional<double> max_expansion_ratio;
  std::optional<long> max_time_ms;
};

// Adds the --max-* flags to `cmd`.
void AddLimitFlags(CLI::App* cmd, LimitFlags* flags);
// `limits` with the flags that were given applied.
Limits ApplyLimitFlags(const LimitFlags& flags, Limits limits);

void RegisterInspect(CLI::App& app, int* exit_code);
void RegisterScan(CLI::App& app, int* exit_code);
void RegisterRecipients(CLI::App& app, int* exit_code);
void RegisterLearn(CLI::App& app, int* exit_code);
void RegisterDetectors(CLI::App& app, int* exit_code);
void RegisterConfig(CLI::App& app, int* exit_code);
void RegisterServe(CLI::App& app, int* exit_code);
void RegisterQuarantine(CLI::App& app, int* exit_code);
void RegisterAudit(CLI::App& app, int* exit_code);
void RegisterAdmin(CLI::App& app, int* exit_code);

}  // namespace sendguard

#endif  // SENDGUARD_CLI_COMMANDS_H_
