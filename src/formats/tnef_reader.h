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

// Checks the attribute framing of the TNEF stream `data` (signature, key,
// then level, id, length, data and checksum per attribute): nullopt when
// every attribute lies within `data`, else what is wrong. libytnef is only
// handed streams that pass.
std::optional<std::string> CheckTnefFraming(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_TNEF_READER_H_
