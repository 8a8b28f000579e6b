#include "formats/html_reader.h"

#include "formats/embedded_files.h"
#include "formats/html_text.h"
#include "mail/charset.h"

namespace sendguard {

void HtmlReader::Read(const Blob& blob, ReadContext& ctx) const {
  HtmlText text = ReadHtmlText(ToUtf8(blob.data, blob.charset));
  // A uuencoded or BinHex block in a <pre> keeps its lines in the visible text.
  ReadEmbeddedFiles(text.visible, ctx);
  ctx.AddText(std::move(text.visible));
  ctx.AddText(std::move(text.hidden), "#html-hidden");
}

}  // namespace sendguard
