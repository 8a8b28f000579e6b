#include "formats/text_reader.h"

#include <string>

#include "formats/embedded_files.h"
#include "mail/charset.h"

namespace sendguard {
namespace {

constexpr std::string_view kPgpMessage = "-----BEGIN PGP MESSAGE-----";

}  // namespace

void TextReader::Read(const Blob& blob, ReadContext& ctx) const {
  std::string text = ToUtf8(blob.data, blob.charset);
  if (text.find(kPgpMessage) != std::string::npos) ctx.Encrypted("pgp", blob.label);
  ctx.AddText(std::move(text));
  ReadEmbeddedFiles(blob.data, ctx);
}

}  // namespace sendguard
