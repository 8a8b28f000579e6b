// libFuzzer target: TNEF streams (winmail.dat) fed raw bytes to the TNEF reader, which checks their
// framing and hands them to libytnef, through the builtin registry so that what it finds inside
// (attachments, embedded objects, bodies) is read too.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/tnef_reader.h"
#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/extractor.h"
#include "mail/sniff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sendguard::Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  sendguard::MessageData out;
  sendguard::Budget budget(limits, &out);
  sendguard::Extractor extractor(budget, sendguard::ReaderRegistry::Builtin(),
                                 [](std::string_view, const std::string&, int, int) {});
  sendguard::Blob blob;
  blob.data = std::string_view(reinterpret_cast<const char*>(data), size);
  blob.label = "attachment:fuzz";
  // Read with the reader itself, whatever the bytes sniff as.
  sendguard::ReadContext ctx(extractor, budget, blob, sendguard::Sniff(blob.data, "", ""));
  sendguard::TnefReader().Read(blob, ctx);
  return 0;
}
