// sendguard admin add|list: console accounts.

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "app/app_config.h"
#include "cli/commands.h"
#include "store/stores.h"

namespace sendguard {
namespace {

struct AdminOptions {
  std::string config, store, user;
};

// One line from standard input; without echo when it is a terminal.
std::string ReadPassword() {
  const bool tty = isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int Run(const std::string& verb, const AdminOptions& o) {
  auto fail = [](const std::string& why, int code) {
    std::cerr << "sendguard admin: " << why << "\n";
    return code;
  };
  Result<AppConfig> config = LoadAppConfig(o.config);
  if (!config.ok()) return fail(config.status().message(), kExitUsage);
  Result<Stores> stores = OpenStores(config->StoreAddress(o.store), {.console = true});
  if (!stores.ok()) return fail(stores.status().message(), kExitInputError);
  ConsoleStore& store = *stores->console;
  if (verb == "list") {
    Result<std::vector<std::string>> names = store.Accounts();
    if (!names.ok()) return fail(names.status().message(), kExitInputError);
    for (const std::string& n : *names) std::cout << n << "\n";
    return kExitOk;
  }
  Status st = store.SetPassword(o.user, ReadPassword());
  if (!st.ok()) return fail(st.message(), kExitUsage);
  std::cerr << "sendguard admin: account " << o.user << " saved\n";
  return kExitOk;
}

}  // namespace

void RegisterAdmin(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("admin", "Console accounts (argon2id password hashes)");
  cmd->require_subcommand(1);
  for (const char* verb : {"add", "list"}) {
    auto o = std::make_shared<AdminOptions>();
    CLI::App* sub = cmd->add_subcommand(
        verb, std::string(verb) == "add"
                  ? "Create an account or set its password (read from standard input)"
                  : "List the accounts");
    sub->add_option("--config", o->config, "Configuration file (YAML)")->check(CLI::ExistingFile);
    sub->add_option("--store", o->store, "SQLite store (default: serve.store, sendguard.db)");
    if (std::string(verb) == "add") sub->add_option("NAME", o->user, "Account name")->required();
    const std::string v = verb;
    sub->callback([o, v, exit_code] { *exit_code = Run(v, *o); });
  }
}

}  // namespace sendguard
