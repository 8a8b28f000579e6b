// sendguard config check FILE: validate a configuration file.

#include <iostream>
#include <memory>

#include "app/app_config.h"
#include "cli/commands.h"
#include "policy/context.h"

namespace sendguard {
namespace {

int RunConfigCheck(const std::string& path) {
  Result<AppConfig> config = LoadAppConfig(path);
  if (!config.ok()) {
    std::cerr << "sendguard config check: " << config.status().message() << "\n";
    return kExitUsage;
  }
  const std::size_t rules = config->core.policy.rules.size();
  const bool audit = config->core.policy.mode == PolicyConfig::Mode::kAudit;
  // Building the context compiles the detectors: what serve would do.
  Result<std::unique_ptr<Context>> context = Context::Create(std::move(config->core), History{});
  if (!context.ok()) {
    std::cerr << "sendguard config check: " << path << ": " << context.status().message() << "\n";
    return kExitUsage;
  }
  std::cout << path << ": ok: " << rules << " policy rules, mode " << (audit ? "audit" : "enforce")
            << ", " << (*context)->content().detectors().size() << " content detectors\n";
  return kExitOk;
}

}  // namespace

void RegisterConfig(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("config", "Work with configuration files");
  cmd->require_subcommand(1);
  auto path = std::make_shared<std::string>();
  CLI::App* check = cmd->add_subcommand(
      "check", "Validate a configuration file; errors name the line (exit 2 when invalid)");
  check->add_option("FILE", *path, "Configuration file (YAML)")->required();
  check->callback([path, exit_code] { *exit_code = RunConfigCheck(*path); });
}

}  // namespace sendguard
