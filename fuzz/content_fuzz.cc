// libFuzzer target: the content detectors (one pattern pass, validators,
// keyword windows, masking) over arbitrary text.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/content_scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto scanner = sendguard::ContentScanner::Builtin();
  if (!scanner.ok()) __builtin_trap();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sendguard::Result<std::vector<sendguard::Finding>> findings = (*scanner)->ScanText(text, "body");
  if (!findings.ok()) __builtin_trap();
  for (const sendguard::Finding& f : *findings) {
    if (f.count < 1 || f.where.size() != 1 || f.sample.size() > 2 * size + 64) __builtin_trap();
  }
  return 0;
}
