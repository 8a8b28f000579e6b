// libFuzzer target: the whole message parser and every extractor behind it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sendguard/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sendguard::Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  limits.ocr_time = std::chrono::milliseconds(100);  // OCR is costly; its parsers are fuzzed
  auto m = sendguard::ParseMessage(std::string_view(reinterpret_cast<const char*>(data), size), {},
                                   limits);
  if (m.ok()) (void)m->AllText();
  return 0;
}
