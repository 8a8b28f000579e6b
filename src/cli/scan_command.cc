// sendguard scan: judge every message under the given paths.

#include <iostream>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "cli/context_flags.h"
#include "cli/message_json.h"
#include "mail/message_source.h"
#include "service/checker.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct ScanOptions {
  std::vector<std::string> paths;
  bool json = false;
  LimitFlags limits;
  ContextFlags context;
};

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// One line per message; every field escaped, so that a hostile file name,
// address or header can neither forge a line nor drive the terminal.
void PrintHuman(const nlohmann::json& r) {
  auto text = [](const nlohmann::json& v) { return EscapeControl(v.get<std::string>()); };
  std::cout << text(r["action"]);
  if (!r["rule"].is_null()) std::cout << " (" << text(r["rule"]) << ")";
  if (r.contains("policy_action"))
    std::cout << " [audit: would " << text(r["policy_action"]) << "]";
  std::cout << "\t" << text(r["source"]);
  for (const auto& rcpt : r["recipients"]) {
    std::cout << "\t" << text(rcpt["address"]);
    if (rcpt["risk"] != "none") std::cout << " [" << text(rcpt["risk"]) << "]";
    if (!rcpt["suggestion"].is_null()) {
      std::cout << " (did you mean " << text(rcpt["suggestion"]) << "?)";
    }
  }
  for (const auto& f : r["findings"]) {
    std::cout << "\t" << text(f["detector"]) << " [" << text(f["confidence"]) << "] x"
              << f["count"].get<int>();
  }
  if (!r["limits"].empty()) std::cout << "\tlimits: " << r["limits"].size();
  if (!r["encrypted"].empty()) std::cout << "\tencrypted";
  if (!r["uninspected"].empty()) std::cout << "\tuninspected: " << r["uninspected"].size();
  std::cout << "\n";
}

int RunScan(const ScanOptions& o) {
  Result<std::unique_ptr<Context>> context = LoadContext(o.context);
  if (!context.ok()) {
    std::cerr << "sendguard scan: " << context.status().message() << "\n";
    return kExitUsage;
  }
  const Checker checker(**context, ApplyLimitFlags(o.limits, (*context)->config().limits));
  int exit_code = kExitOk;
  auto on_error = [&](const std::string& source, const Status& error) {
    if (exit_code == kExitOk) exit_code = kExitInputError;
    if (o.json) {
      std::cout << Dump({{"source", source}, {"error", error.message()}}) << "\n";
    } else {
      std::cerr << "sendguard scan: " << EscapeControl(error.message()) << "\n";
    }
  };
  auto visit = [&](const std::string& source, std::string_view raw) {
    Result<Checked> checked = checker.Check(raw, {});
    if (!checked.ok()) {
      const Status& st = checked.status();
      const bool internal = st.code() == StatusCode::kInternal;
      on_error(source,
               Status(st.code(), source + (internal ? ": internal error: " : ": ") + st.message()));
      if (internal) exit_code = kExitInternal;
      return;
    }
    nlohmann::json record = ScanRecordJson(source, checked->message, checked->decision);
    if (o.json) {
      std::cout << Dump(record) << "\n";
    } else {
      PrintHuman(record);
    }
  };
  for (const std::string& path : o.paths) ForEachMessage(path, visit, on_error);
  std::cout.flush();
  return exit_code;
}

}  // namespace

void RegisterScan(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ScanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "scan", "Judge every message in .eml files, mbox files, Maildir folders and directories");
  cmd->add_option("PATH", opts->paths, "Files or directories to scan")->required();
  cmd->add_flag("--json", opts->json, "Print one JSON object per message (JSON Lines)");
  AddContextFlags(cmd, &opts->context);
  AddLimitFlags(cmd, &opts->limits);
  cmd->callback([opts, exit_code] { *exit_code = RunScan(*opts); });
}

}  // namespace sendguard
