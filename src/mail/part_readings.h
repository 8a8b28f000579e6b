// The ways a MIME part's header fields can be read. A part with two
// Content-Type, Content-Transfer-Encoding or Content-Disposition fields is
// read one way by GMime (the last field) and another by most mail clients
// (the first): the guard reads it every way and scans each.

#ifndef SENDGUARD_MAIL_PART_READINGS_H_
#define SENDGUARD_MAIL_PART_READINGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mail/transfer_decoding.h"

namespace sendguard {

// The raw values of a part's content header fields, in the order they
// appear.
struct PartFields {
  std::vector<std::string> content_type = {};
  std::vector<std::string> transfer_encoding = {};
  std::vector<std::string> disposition = {};
};

// One reading of a part.
struct PartReading {
  std::string content_type = {};      // lower-case "type/subtype"
  std::string raw_content_type = {};  // the Content-Type field it comes from; may be empty
  std::string filename = {};          // Content-Disposition filename, else Content-Type name
  std::string type_name = {};         // Content-Type name, when it differs from filename
  std::string charset = {};
  std::string boundary = {};  // of a multipart type
  TransferEncoding encoding = TransferEncoding::kIdentity;
  std::string encoding_name = {};  // the Content-Transfer-Encoding, lower-case; may be empty
  bool attachment = false;         // Content-Disposition: attachment
  // Names the same fields give read as RFC 822 reads them (comments
  // dropped, escapes undone; ParseHeaderParamsRfc822), when they differ.
  std::vector<std::string> other_names = {};
};

// Readings beyond the first are at most this many.
inline constexpr std::size_t kMaxAlternateReadings = 2;

// The distinct readings of `fields`: first the one taking the first field
// of each kind (what most clients show), then ones taking later fields (the
// last reading takes the last of each, as GMime does), at most
// 1 + kMaxAlternateReadings. `default_type` is the content type of a part
// without a Content-Type field (or with one that names no type). Never
// empty.
std::vector<PartReading> ReadPart(const PartFields& fields, std::string_view default_type);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_PART_READINGS_H_
