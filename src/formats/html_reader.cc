#include "formats/html_reader.h"

#include "formats/html_text.h"
#include "mail/charset.h"

namespace sendguard {

void HtmlReader::Read(const Blob& blob, ReadContext& ctx) const {
  HtmlText text = ReadHtmlText(ToUtf8(blob.data, blob.charset));
  ctx.AddText(std::move(text.visible));
  ctx.AddText(std::move(text.hidden), "#html-hidden");
}

}  // namespace sendguard
