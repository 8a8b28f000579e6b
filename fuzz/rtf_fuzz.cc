// libFuzzer target: the RTF tokenizer and the reader of RTF text
// (formats/rtf_tokenizer.h, formats/rtf_text.h) on arbitrary bytes, tight
// limits included, with the bounds their contracts promise; then the whole
// RTF reader through the registry.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/rtf_text.h"
#include "formats/rtf_tokenizer.h"
#include "mail/extractor.h"
#include "util/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sendguard;  // NOLINT
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  RtfTokenizer tokens(in);
  std::size_t count = 0;
  for (RtfToken t = tokens.Next(); t.kind != RtfToken::kEnd; t = tokens.Next()) {
    Check(tokens.offset() <= in.size());
    Check(++count <= in.size());
  }

  RtfOptions small;
  small.max_depth = 4;
  small.max_text_bytes = 64;
  small.max_embedded_bytes = 16;
  small.max_embedded = 2;
  for (const RtfOptions& o : {RtfOptions{}, small}) {
    RtfText r = ReadRtfText(in, o);
    Check(r.text.size() <= o.max_text_bytes && r.html.size() <= o.max_text_bytes);
    Check(IsValidUtf8(r.text) && IsValidUtf8(r.html));
    Check(r.embedded.size() <= static_cast<std::size_t>(o.max_embedded));
    for (const RtfEmbedded& e : r.embedded) Check(e.data.size() <= o.max_embedded_bytes);
  }

  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = in;
  blob.content_type = "application/rtf";
  blob.label = "attachment:a.rtf";
  extractor.Extract(blob);
  return 0;
}
