// sendguard detectors: list the content detectors that scan would run.

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context_flags.h"

namespace sendguard {
namespace {

struct DetectorsOptions {
  bool json = false;
  ContextFlags context;
};

int RunDetectors(const DetectorsOptions& o) {
  Result<std::unique_ptr<Context>> context = LoadContext(o.context);
  if (!context.ok()) {
    std::cerr << "sendguard detectors: " << context.status().message() << "\n";
    return kExitUsage;
  }
  for (const DetectorDef& d : (*context)->content().detectors()) {
    if (o.json) {
      nlohmann::json j = {{"id", d.id}, {"category", d.category}, {"description", d.description}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << d.id << std::string(d.id.size() < 24 ? 24 - d.id.size() : 1, ' ') << d.category
                << std::string(d.category.size() < 16 ? 16 - d.category.size() : 1, ' ')
                << d.description << "\n";
    }
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void RegisterDetectors(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<DetectorsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "detectors", "List the content detectors (built-in and from --config) with their categories");
  cmd->add_flag("--json", opts->json, "Print one JSON object per detector (JSON Lines)");
  AddContextFlags(cmd, &opts->context);
  cmd->callback([opts, exit_code] { *exit_code = RunDetectors(*opts); });
}

}  // namespace sendguard
