// Files carried inside text: uuencode (and its base64 form), yEnc and
// BinHex 4.0 blocks in a text body or a text attachment, found and decoded
// in one pass over the text.

#ifndef SENDGUARD_FORMATS_EMBEDDED_FILES_H_
#define SENDGUARD_FORMATS_EMBEDDED_FILES_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "mail/document_reader.h"
#include "sendguard/limits.h"

namespace sendguard {

// Files decoded from one text at most; further blocks are not decoded (a
// limit hit "embedded-files").
inline constexpr int kMaxEmbeddedFiles = 64;

struct EmbeddedFile {
  std::string_view format = {};  // "uuencode", "yenc", "binhex"
  std::string name = {};         // as the block names it, UTF-8; never empty
  std::string data = {};         // the decoded bytes, possibly cut by a limit
  // The limit that cut `data` ("member-size", "expansion-ratio"), or empty.
  std::string_view cut = {};
  // A defect code when the block is damaged ("uuencode-truncated",
  // "yenc-crc", "binhex-crc", ...): `data` holds what could be decoded.
  std::string_view defect = {};
};

// Calls `visit` with each file encoded in `text`, in the order of the
// blocks, until it returns false. A block starts on a line of its own:
// "begin MODE NAME" (or "begin-base64") up to "end" (or "===="), "=ybegin
// ... name=NAME" up to "=yend", or "(This file must be converted with BinHex
// 4.0)" and the ':'-delimited data that follows (its data fork, and its
// resource fork as "NAME.rsrc" when it has one). A file keeps at most
// `limits.max_member_bytes` decoded bytes; BinHex's run-length expansion
// also stops at `limits.max_expansion_ratio` (past max_expansion_floor).
// Linear in text.size(): every line is looked at once.
void ForEachEmbeddedFile(std::string_view text, const Limits& limits,
                         const std::function<bool(EmbeddedFile& file)>& visit);

// Decodes the files encoded in `text` (the blob's bytes as sent: yEnc's
// 8-bit data does not survive a charset conversion) and reads each through
// the registry with ctx.Recurse, as "<label>/NAME", so that a uuencoded zip
// is opened and text is scanned. Each file counts as an archive member and
// its bytes against max_expanded_bytes; damage is recorded as a defect.
void ReadEmbeddedFiles(std::string_view text, ReadContext& ctx);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_EMBEDDED_FILES_H_
