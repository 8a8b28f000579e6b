// libFuzzer target: the readings of text that issue 15 added: the hidden
// text of HTML (comments, attributes, hidden elements, style sheets) and the
// uuencode, yEnc and BinHex decoders, alone and through the text reader.
// The first byte picks which; the rest is the input.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/embedded_files.h"
#include "formats/html_text.h"
#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/extractor.h"
#include "util/utf8.h"

namespace {

void Html(std::string_view input) {
  sendguard::HtmlText text = sendguard::ReadHtmlText(input);
  if (!sendguard::IsValidUtf8(text.visible) || !sendguard::IsValidUtf8(text.hidden)) {
    __builtin_trap();
  }
}

void Decoders(std::string_view input) {
  sendguard::Limits limits;
  limits.max_member_bytes = 1 << 16;
  limits.max_expansion_floor = 1 << 12;
  limits.max_expansion_ratio = 50;
  int files = 0;
  sendguard::ForEachEmbeddedFile(input, limits, [&](sendguard::EmbeddedFile& file) {
    if (file.data.size() > limits.max_member_bytes || file.name.empty()) __builtin_trap();
    // uuencode and yEnc never grow; BinHex's runs stop at the ratio.
    if (file.format != "binhex" && file.data.size() > input.size()) __builtin_trap();
    if (file.format == "binhex" &&
        file.data.size() > limits.max_expansion_floor + 50 * input.size()) {
      __builtin_trap();
    }
    return ++files < 200;
  });
}

void TextBody(std::string_view input) {
  sendguard::Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  limits.max_member_bytes = 1 << 20;
  sendguard::MessageData out;
  sendguard::Budget budget(limits, &out);
  sendguard::Extractor extractor(budget, sendguard::ReaderRegistry::Builtin(),
                                 [](std::string_view, const std::string&, int, int) {});
  sendguard::Blob blob;
  blob.data = input;
  blob.content_type = "text/plain";
  blob.label = "body";
  extractor.Extract(blob);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      Html(input);
      break;
    case 1:
      Decoders(input);
      break;
    default:
      TextBody(input);
      break;
  }
  return 0;
}
