#include "formats/binary_reader.h"

#include <string>

#include "formats/printable_strings.h"
#include "mail/ciphertext.h"

namespace sendguard {
namespace {

// A detached signature, as labelled and as its bytes show: a CMS SignedData
// or OpenPGP signature packets.
bool IsSignature(const Blob& blob) {
  const std::string_view type = blob.content_type;
  if (type == "application/pkcs7-signature" || type == "application/x-pkcs7-signature") {
    return IsCmsSignedData(blob.data);
  }
  if (type == "application/pgp-signature") return IsPgpSignature(blob.data);
  return false;
}

}  // namespace

void ReadStrings(std::string_view data, ReadContext& ctx) {
  ctx.AddText(PrintableStrings(data), "#strings");
}

void BinaryReader::Read(const Blob& blob, ReadContext& ctx) const {
  ReadStrings(blob.data, ctx);
  if (IsSignature(blob)) return;
  const std::string type =
      blob.content_type.empty() ? std::string("undeclared") : std::string(blob.content_type);
  ctx.Unread("unsupported", type + " content in a format sendguard cannot read (" +
                                std::to_string(blob.data.size()) +
                                " bytes); only its text strings were scanned");
}

}  // namespace sendguard
