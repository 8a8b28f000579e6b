// sendguard recipients: judge recipient addresses.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/context_flags.h"
#include "cli/message_json.h"

namespace sendguard {
namespace {

struct RecipientsOptions {
  std::vector<std::string> addresses;
  ContextFlags context;
};

int RunRecipients(const RecipientsOptions& o) {
  Result<std::unique_ptr<Context>> context = LoadContext(o.context);
  if (!context.ok()) {
    std::cerr << "sendguard recipients: " << context.status().message() << "\n";
    return kExitUsage;
  }
  const RecipientAnalyzer& analyzer = (*context)->recipients();
  // Addresses given here belong to no message: no sender, no other recipients.
  auto judge = [&](const std::string& address) {
    std::cout << RecipientJson(analyzer.Analyze(address, RecipientQuery{}))
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  };
  if (!o.addresses.empty()) {
    for (const std::string& a : o.addresses) judge(a);
  } else {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      judge(line);
    }
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void RegisterRecipients(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<RecipientsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "recipients",
      "Judge recipient addresses: typos, lookalikes, first contact; one JSON line each");
  cmd->add_option("ADDRESS", opts->addresses,
                  "Addresses to judge (default: one per line on standard input)");
  AddContextFlags(cmd, &opts->context);
  cmd->callback([opts, exit_code] { *exit_code = RunRecipients(*opts); });
}

}  // namespace sendguard
