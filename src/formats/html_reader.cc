#include "formats/html_reader.h"

#include "formats/html_text.h"
#include "mail/charset.h"

namespace sendguard {

void HtmlReader::Read(const Blob& blob, ReadContext& ctx) const {
  ctx.AddText(HtmlToText(ToUtf8(blob.data, blob.charset)));
}

}  // namespace sendguard
