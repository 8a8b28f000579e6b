// The RTF document reader (formats/rtf_reader.h).

#include "formats/rtf_reader.h"

#include <string>

#include "formats/embedded_files.h"
#include "formats/html_text.h"
#include "formats/rtf_text.h"

namespace sendguard {

std::vector<std::string_view> RtfReader::LimitNames() const {
  return {"rtf-depth", "rtf-objects", "archive-members", "member-size", "expanded-size"};
}

void RtfReader::Read(const Blob& blob, ReadContext& ctx) const {
  const std::string& label = blob.label;
  RtfOptions options;
  options.max_depth = kMaxRtfDepth;
  options.max_text_bytes = ctx.limits().max_text_bytes;
  options.max_embedded_bytes = ctx.limits().max_member_bytes;
  options.max_embedded = kMaxRtfObjects;
  RtfText rtf = ReadRtfText(blob.data, options);

  if (rtf.depth_cut) {
    ctx.Hit("rtf-depth", label,
            "groups nested deeper than " + std::to_string(kMaxRtfDepth) +
                " were read as part of the group around them");
  }
  if (rtf.text_cut) {
    ctx.Hit("text-size", label,
            "extracted text limit of " + std::to_string(options.max_text_bytes) +
                " bytes reached; the rest of the document was not kept");
  }
  if (rtf.embedded_skipped > 0) {
    ctx.Hit("rtf-objects", label,
            std::to_string(rtf.embedded_skipped) + " pictures or objects past the first " +
                std::to_string(kMaxRtfObjects) + " were not read");
  }
  if (rtf.unbalanced) ctx.Defect("rtf-truncated", label);

  ReadEmbeddedFiles(rtf.text, ctx);
  if (!rtf.html.empty()) {
    HtmlText html = ReadHtmlText(rtf.html);
    ReadEmbeddedFiles(html.visible, ctx);
    ctx.AddText(std::move(html.visible));
    ctx.AddText(std::move(html.hidden), "#html-hidden");
    ctx.AddText(std::move(rtf.text), "#rtf");
  } else {
    ctx.AddText(std::move(rtf.text));
  }

  for (RtfEmbedded& e : rtf.embedded) {
    if (!ctx.HasTime(label)) return;
    if (!ctx.budget().TakeArchiveMember(label)) return;
    const std::string where = label + "/" + e.name;
    if (e.cut) {
      ctx.Hit("member-size", where,
              "embedded picture or object larger than its limit; only its beginning was read");
    }
    if (!ctx.budget().TakeExpanded(e.data.size(), label)) return;
    ctx.Recurse(ctx.Member(e.data, e.name));
  }
}

}  // namespace sendguard
