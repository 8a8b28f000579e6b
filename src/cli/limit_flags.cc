#include <memory>

#include "cli/commands.h"

namespace sendguard {

void AddLimitFlags(CLI::App* cmd, Limits* limits) {
  cmd->add_option("--max-message-bytes", limits->max_message_bytes,
                  "Raw message bytes read; the rest is cut (reported)")
      ->capture_default_str()
      ->group("Limits");
  cmd->add_option("--max-depth", limits->max_depth,
                  "Nesting of attached messages and archives opened")
      ->capture_default_str()
      ->check(CLI::Range(0, 64))
      ->group("Limits");
  cmd->add_option("--max-parts", limits->max_parts, "MIME parts read per message")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000))
      ->group("Limits");
  cmd->add_option("--max-archive-members", limits->max_archive_members,
                  "Archive members read per message")
      ->capture_default_str()
      ->group("Limits");
  cmd->add_option("--max-expansion-ratio", limits->max_expansion_ratio,
                  "Decompressed bytes allowed per compressed byte")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group("Limits");
  cmd->add_option("--max-text-bytes", limits->max_text_bytes, "Extracted text kept per message")
      ->capture_default_str()
      ->group("Limits");
  cmd->add_option_function<long>(
         "--max-time-ms", [limits](long v) { limits->max_time = std::chrono::milliseconds(v); },
         "Time budget per message, in milliseconds (default 10000)")
      ->check(CLI::Range(1L, 3600000L))
      ->group("Limits");
}

}  // namespace sendguard
