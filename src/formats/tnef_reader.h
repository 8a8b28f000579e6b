// TNEF streams (ContentKind::kTnef: winmail.dat, application/ms-tnef), read
// with libytnef after their attribute framing has been checked here: the
// subject, the plain body and the MAPI string properties as text; the RTF
// body (decompressed) as the member "body.rtf" and an HTML body as
// "body.html", read by the registry; every attachment, under its long file
// name, read as a document of its own one level deeper (an attached message
// in TNEF form too). Each attachment counts as an archive member.

#ifndef SENDGUARD_FORMATS_TNEF_READER_H_
#define SENDGUARD_FORMATS_TNEF_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

class TnefReader : public DocumentReader {
 public:
  std::string_view name() const override { return "tnef"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kTnef;
  }
  bool IsContainer() const override { return true; }
  // "archive-members" (attachments) and "expanded-size" (the RTF body).
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Checks the TNEF stream `data` before libytnef reads it: its signature,
// that every attribute (level, id, length, data, checksum) lies within
// `data`, that no attribute is given twice in the message or in one
// attachment, and that no attachment attribute comes before the first
// attAttachRenddata. nullopt when it passes, else what is wrong.
std::optional<std::string> CheckTnefFraming(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_TNEF_READER_H_
