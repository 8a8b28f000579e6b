// sendguard inspect: print the model of one message.

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/message_json.h"
#include "sendguard/parser.h"
#include "util/mapped_file.h"

namespace sendguard {
namespace {

struct InspectOptions {
  std::string file;
  bool json = false;  // the default; accepted for symmetry with --text
  bool text = false;
  LimitFlags limits;
};

int RunInspect(const InspectOptions& o) {
  Result<MappedFile> file = MappedFile::Open(o.file);
  if (!file.ok()) {
    std::cerr << "sendguard inspect: " << file.status().message() << "\n";
    return kExitInputError;
  }
  Result<Message> message = ParseMessage(file->data(), {}, ApplyLimitFlags(o.limits, Limits()));
  if (!message.ok()) {
    std::cerr << "sendguard inspect: " << o.file << ": " << message.status().message() << "\n";
    return kExitInputError;
  }
  if (o.text) {
    std::cout << message->AllText() << "\n";
  } else {
    std::cout << MessageToJson(*message).dump(2, ' ', false,
                                              nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterInspect(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Print the parsed model of one message: headers, parts and extracted text");
  cmd->add_option("FILE", opts->file, "A message file (RFC 5322, .eml)")->required();
  auto* json = cmd->add_flag("--json", opts->json, "Print the model as JSON (default)");
  cmd->add_flag("--text", opts->text,
                "Print only the extracted text, segments separated by a blank line")
      ->excludes(json);
  AddLimitFlags(cmd, &opts->limits);
  cmd->callback([opts, exit_code] { *exit_code = RunInspect(*opts); });
}

}  // namespace sendguard
