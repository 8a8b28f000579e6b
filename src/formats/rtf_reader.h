// Rich Text Format documents (ContentKind::kRtf): their text
// (formats/rtf_text.h) under the blob's label; for Outlook's encapsulated
// HTML, the text the HTML shows under the label, its hidden text as
// "<label>#html-hidden" and the text of RTF-only runs as "<label>#rtf".
// Pictures and embedded objects are read through the registry as members
// ("<label>/picture1.png", "<label>/object2.doc"), each counting as an
// archive member and its bytes against max_expanded_bytes; files encoded in
// the text (uuencode, ...) are read as in plain text. Groups nested too deep
// ("rtf-depth"), objects past the count limit ("rtf-objects") and objects cut
// at max_member_bytes ("member-size") are recorded as limit hits; input that
// ends inside a group as the defect "rtf-truncated".

#ifndef SENDGUARD_FORMATS_RTF_READER_H_
#define SENDGUARD_FORMATS_RTF_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

// Groups the reader gives a state of their own (RtfOptions::max_depth).
inline constexpr int kMaxRtfDepth = 256;
// Pictures and objects read from one document (RtfOptions::max_embedded).
inline constexpr int kMaxRtfObjects = 64;

class RtfReader : public DocumentReader {
 public:
  std::string_view name() const override { return "rtf"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kRtf;
  }
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_RTF_READER_H_
