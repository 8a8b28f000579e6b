// libFuzzer target: attachment extraction (archives, office documents, PDF,
// HTML, pictures, unknown binaries and their strings pass, text in any
// charset) fed raw bytes, as if they were a decoded attachment.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sendguard::Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  limits.ocr_time = std::chrono::milliseconds(100);  // OCR is costly; its parsers are fuzzed
  sendguard::MessageData out;
  sendguard::Budget budget(limits, &out);
  sendguard::Extractor extractor(budget, sendguard::ReaderRegistry::Builtin(),
                                 [](std::string_view, const std::string&, int, int) {});
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the declared type and charset, so that sniffing
  // fallbacks and charset guessing are fuzzed too.
  static const char* kTypes[] = {"application/octet-stream",
                                 "text/html",
                                 "text/plain",
                                 "application/zip",
                                 "application/pdf",
                                 "image/png",
                                 "application/pkcs7-signature"};
  static const char* kCharsets[] = {"", "utf-16", "utf-16le", "ibm037", "windows-1252"};
  const unsigned pick = size > 0 ? data[0] : 0;
  sendguard::Blob blob;
  blob.data = bytes;
  blob.content_type = kTypes[pick % 7];
  blob.charset = kCharsets[pick / 7 % 5];
  blob.label = "attachment:fuzz";
  extractor.Extract(blob);
  return 0;
}
