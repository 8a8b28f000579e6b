// libFuzzer target: attachment extraction (archives, office documents, PDF,
// HTML) fed raw bytes, as if they were a decoded attachment.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sendguard::Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  sendguard::MessageData out;
  sendguard::Budget budget(limits, &out);
  sendguard::Extractor extractor(budget, sendguard::ReaderRegistry::Builtin(),
                                 [](std::string_view, const std::string&, int, int) {});
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the declared type, so that sniffing fallbacks are fuzzed too.
  static const char* kTypes[] = {"application/octet-stream", "text/html", "text/plain",
                                 "application/zip", "application/pdf"};
  const char* type = kTypes[size > 0 ? data[0] % 5 : 0];
  sendguard::Blob blob;
  blob.data = bytes;
  blob.content_type = type;
  blob.label = "attachment:fuzz";
  extractor.Extract(blob);
  return 0;
}
