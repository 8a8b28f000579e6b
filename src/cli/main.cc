// The sendguard command-line tool.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"sendguard: stops outbound mail to the wrong place or with the wrong content"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("sendguard 0.1.0"));
  int exit_code = sendguard::kExitOk;
  sendguard::RegisterInspect(app, &exit_code);
  sendguard::RegisterScan(app, &exit_code);
  sendguard::RegisterRecipients(app, &exit_code);
  sendguard::RegisterLearn(app, &exit_code);
  sendguard::RegisterDetectors(app, &exit_code);
  sendguard::RegisterConfig(app, &exit_code);
  sendguard::RegisterServe(app, &exit_code);
  sendguard::RegisterQuarantine(app, &exit_code);
  sendguard::RegisterAudit(app, &exit_code);
  sendguard::RegisterAdmin(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return sendguard::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "sendguard: internal error: " << e.what() << "\n";
    return sendguard::kExitInternal;
  }
  return exit_code;
}
