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

// The bytes as UTF-8 when the declared charset changes ASCII (UTF-16,
// EBCDIC) on bytes that are plain UTF-8 text: a client may show either, so
// both are scanned. Then the files encoded in the bytes.
void ReadRawAndFiles(const Blob& blob, ReadContext& ctx) {
  if (!IsAsciiCompatible(blob.charset) && GuessUtf16(blob.data).empty() && IsValidUtf8(blob.data)) {
    ctx.AddText(WithoutNul(std::string(blob.data)), "#raw");
  }
  ReadEmbeddedFiles(blob.data, ctx);
}

}  // namespace

std::string PlainText(const Blob& blob) { return WithoutNul(ToUtf8(blob.data, blob.charset)); }

void ReadTextExtras(const Blob& blob, std::string_view text, ReadContext& ctx) {
  if (text.find(kPgpMessage) != std::string::npos) ctx.Encrypted("pgp", blob.label);
  ReadRawAndFiles(blob, ctx);
}

void ReadPlainText(const Blob& blob, ReadContext& ctx) {
  std::string text = PlainText(blob);
  if (text.find(kPgpMessage) != std::string::npos) ctx.Encrypted("pgp", blob.label);
  ctx.AddText(std::move(text));
  ReadRawAndFiles(blob, ctx);
}

void TextReader::Read(const Blob& blob, ReadContext& ctx) const { ReadPlainText(blob, ctx); }

}  // namespace sendguard
