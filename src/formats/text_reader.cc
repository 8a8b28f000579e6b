#include "formats/text_reader.h"

#include <string>

#include "formats/embedded_files.h"
#include "mail/charset.h"

namespace sendguard {
namespace {

constexpr std::string_view kPgpMessage = "-----BEGIN PGP MESSAGE-----";

// Text a mail client shows: NUL bytes are not displayed, so they must not
// split what is around them.
std::string WithoutNul(std::string text) {
  std::erase(text, '\0');
  return text;
}

}  // namespace

void TextReader::Read(const Blob& blob, ReadContext& ctx) const {
  std::string text = WithoutNul(ToUtf8(blob.data, blob.charset));
  if (text.find(kPgpMessage) != std::string::npos) ctx.Encrypted("pgp", blob.label);
  ctx.AddText(std::move(text));
  // A declared charset that changes ASCII (UTF-16, EBCDIC) on bytes that are
  // plain UTF-8 text: a client may show either, so both are scanned.
  if (!IsAsciiCompatible(blob.charset) && GuessUtf16(blob.data).empty() && IsValidUtf8(blob.data)) {
    ctx.AddText(WithoutNul(std::string(blob.data)), "#raw");
  }
  ReadEmbeddedFiles(blob.data, ctx);
}

}  // namespace sendguard
