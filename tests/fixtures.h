// Builders of test inputs: archives, office documents, PDFs and MIME
// messages, made at test time so that every test states what it feeds in.

#ifndef SENDGUARD_TESTS_FIXTURES_H_
#define SENDGUARD_TESTS_FIXTURES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sendguard/limits.h"
#include "sendguard/message.h"

namespace sendguard::testing {

using Files = std::vector<std::pair<std::string, std::string>>;  // name, content

// A ZIP (deflate) holding `files`; `level` is the zlib compression level.
std::string MakeZip(const Files& files);
// A ZIP whose members are encrypted with `password` (traditional PKWARE).
std::string MakeEncryptedZip(const Files& files, const std::string& password);
// A gzip-compressed tar holding `files`.
std::string MakeTarGz(const Files& files);
// A gzip stream of `content` (a bare .gz, not a tar).
std::string MakeGzip(const std::string& content);
// A ZIP holding one member of `size` zero bytes (compresses ~1000:1).
std::string MakeZeroZip(std::size_t size);

// A one-page PDF showing each of `lines` (ASCII) in Helvetica.
std::string MakePdf(const std::vector<std::string>& lines);
// A minimal Word document with one paragraph per line.
std::string MakeDocx(const std::vector<std::string>& paragraphs);
// A minimal workbook: shared strings plus one numeric cell per number.
std::string MakeXlsx(const std::vector<std::string>& strings,
                     const std::vector<std::string>& numbers);
// A minimal OpenDocument text with one paragraph per line.
std::string MakeOdt(const std::vector<std::string>& paragraphs);

std::string Base64(std::string_view data);
std::string QuotedPrintable(std::string_view data);
// `data` uuencoded as lines of at most 45 bytes, without begin and end.
std::string UuLines(const std::string& data);

struct MimePart {
  std::string content_type;       // full value, e.g. "text/plain; charset=utf-8"
  std::string transfer_encoding;  // "base64", "quoted-printable", "8bit", ...
  std::string filename;           // set: Content-Disposition: attachment
  std::string body;               // already encoded as transfer_encoding says
};

// A multipart/mixed message from alice@example.org to `to` with `parts`.
std::string MakeMessage(const std::string& to, const std::string& subject,
                        const std::vector<MimePart>& parts);
// A part carrying `data` base64-encoded as an attachment named `filename`.
MimePart Attachment(const std::string& content_type, const std::string& filename,
                    std::string_view data);

// The header of the small messages the MIME tests build (ending in
// MIME-Version, ready for a Content-Type), and such a message: a
// multipart/mixed with boundary "BB" whose one part is `part` (its header
// and body).
extern const char kMimeTestHead[];
std::string OnePart(const std::string& part);
// The source of the first text of `m` holding `token`, or "<none>".
std::string SourceOf(const Message& m, const std::string& token);
// How many texts of `m` hold `token`.
int Count(const Message& m, const std::string& token);

// Parses `raw`, failing the current test when it is not a message.
Message ParseOk(const std::string& raw, const Limits& limits = {});
// Whether `m` recorded the limit / defect named.
bool HasLimit(const Message& m, const std::string& limit);
bool HasDefect(const Message& m, const std::string& code);

// The shared corpus directory beside the checkout, or "" when absent.
std::string CorpusDir();

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_FIXTURES_H_
