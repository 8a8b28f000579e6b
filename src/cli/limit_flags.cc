#include "cli/commands.h"

namespace sendguard {

void AddLimitFlags(CLI::App* cmd, LimitFlags* f) {
  const Limits d;
  cmd->add_option("--max-message-bytes", f->max_message_bytes,
                  "Raw message bytes read; the rest is cut (default " +
                      std::to_string(d.max_message_bytes) + ")")
      ->group("Limits");
  cmd->add_option("--max-depth", f->max_depth,
                  "Nesting of attached messages and archives opened (default " +
                      std::to_string(d.max_depth) + ")")
      ->check(CLI::Range(0, 64))
      ->group("Limits");
  cmd->add_option("--max-parts", f->max_parts,
                  "MIME parts read per message (default " + std::to_string(d.max_parts) + ")")
      ->check(CLI::Range(1, 1000000))
      ->group("Limits");
  cmd->add_option("--max-header-fields", f->max_header_fields,
                  "Header fields read per message, parts' included (default " +
                      std::to_string(d.max_header_fields) + ")")
      ->check(CLI::Range(1, 10000000))
      ->group("Limits");
  cmd->add_option("--max-header-bytes", f->max_header_bytes,
                  "Bytes of one header field (default " + std::to_string(d.max_header_bytes) + ")")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 40))
      ->group("Limits");
  cmd->add_option(
         "--max-addresses", f->max_addresses,
         "Addresses read from one address field (default " + std::to_string(d.max_addresses) + ")")
      ->check(CLI::Range(1, 10000000))
      ->group("Limits");
  cmd->add_option("--max-total-addresses", f->max_total_addresses,
                  "Addresses read from all address fields of a message (default " +
                      std::to_string(d.max_total_addresses) + ")")
      ->check(CLI::Range(1, 10000000))
      ->group("Limits");
  cmd->add_option("--max-multipart-nesting", f->max_multipart_nesting,
                  "Multiparts open inside each other (default " +
                      std::to_string(d.max_multipart_nesting) + ")")
      ->check(CLI::Range(1, 100000))
      ->group("Limits");
  cmd->add_option(
         "--max-archive-members", f->max_archive_members,
         "Archive members read per message (default " + std::to_string(d.max_archive_members) + ")")
      ->group("Limits");
  cmd->add_option("--max-expansion-ratio", f->max_expansion_ratio,
                  "Decompressed bytes allowed per compressed byte (default 100)")
      ->check(CLI::PositiveNumber)
      ->group("Limits");
  cmd->add_option(
         "--max-text-bytes", f->max_text_bytes,
         "Extracted text kept per message (default " + std::to_string(d.max_text_bytes) + ")")
      ->group("Limits");
  cmd->add_option("--max-time-ms", f->max_time_ms,
                  "Time budget per message in milliseconds (default " +
                      std::to_string(d.max_time.count()) + ")")
      ->check(CLI::Range(1L, 3600000L))
      ->group("Limits");
}

Limits ApplyLimitFlags(const LimitFlags& f, Limits limits) {
  if (f.max_message_bytes) limits.max_message_bytes = *f.max_message_bytes;
  if (f.max_depth) limits.max_depth = *f.max_depth;
  if (f.max_parts) limits.max_parts = *f.max_parts;
  if (f.max_header_fields) limits.max_header_fields = *f.max_header_fields;
  if (f.max_header_bytes) limits.max_header_bytes = *f.max_header_bytes;
  if (f.max_addresses) limits.max_addresses = *f.max_addresses;
  if (f.max_total_addresses) limits.max_total_addresses = *f.max_total_addresses;
  if (f.max_multipart_nesting) limits.max_multipart_nesting = *f.max_multipart_nesting;
  if (f.max_archive_members) limits.max_archive_members = *f.max_archive_members;
  if (f.max_expansion_ratio) limits.max_expansion_ratio = *f.max_expansion_ratio;
  if (f.max_text_bytes) limits.max_text_bytes = *f.max_text_bytes;
  if (f.max_time_ms) limits.max_time = std::chrono::milliseconds(*f.max_time_ms);
  return limits;
}

}  // namespace sendguard
