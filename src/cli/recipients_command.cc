// sendguard recipients: judge recipient addresses.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/context_flags.h"
#include "cli/message_json.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct RecipientsOptions {
  std::vector<std::string> addresses;
  std::string from;
  ContextFlags context;
};

// Judges `addresses` as the recipients of one message from `o.from`, all
// in To (an address may be written "Name <addr>").
int JudgeOneMessage(const Context& context, const RecipientsOptions& o,
                    const std::vector<std::string>& given) {
  std::vector<Address> visible;
  std::vector<std::string> addresses;
  for (const std::string& g : given) {
    Address a;
    const std::size_t open = g.rfind('<');
    if (open != std::string::npos && g.back() == '>') {
      a.name = std::string(TrimWhitespace(std::string_view(g).substr(0, open)));
      if (a.name.size() >= 2 && a.name.front() == '"' && a.name.back() == '"') {
        a.name = a.name.substr(1, a.name.size() - 2);
      }
      a.address = g.substr(open + 1, g.size() - open - 2);
    } else {
      a.address = std::string(TrimWhitespace(g));
    }
    addresses.push_back(a.address);
    visible.push_back(std::move(a));
  }
  std::shared_ptr<const ContactView> contacts;
  if (context.contacts() != nullptr && context.config().recipients.per_sender) {
    Result<std::shared_ptr<const ContactView>> c = context.contacts()->Contacts(o.from);
    if (!c.ok()) {
      std::cerr << "sendguard recipients: " << c.status().message() << "\n";
      return kExitInputError;
    }
    contacts = std::move(c).value();
  }
  for (const RecipientVerdict& v : context.judge().JudgeMessage(
           MessageRecipients{o.from, contacts.get(), addresses, visible, {}})) {
    std::cout << RecipientJson(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  return kExitOk;
}

int RunRecipients(const RecipientsOptions& o) {
  Result<std::unique_ptr<Context>> context = LoadContext(o.context);
  if (!context.ok()) {
    std::cerr << "sendguard recipients: " << context.status().message() << "\n";
    return kExitUsage;
  }
  if (!o.from.empty()) {
    std::vector<std::string> given = o.addresses;
    if (given.empty()) {
      for (std::string line; std::getline(std::cin, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) given.push_back(line);
      }
    }
    const int rc = JudgeOneMessage(**context, o, given);
    std::cout.flush();
    return rc;
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
  cmd->add_option("--from", opts->from,
                  "The sender: the addresses are judged as one message's recipients, against "
                  "whom this sender writes to (\"Name <addr>\" gives a display name)");
  AddContextFlags(cmd, &opts->context);
  cmd->callback([opts, exit_code] { *exit_code = RunRecipients(*opts); });
}

}  // namespace sendguard
