#include "mail/part_readings.h"

#include <algorithm>

#include "mail/part_headers.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// The value of `values` a reading numbered `i` of `count` takes: the i-th,
// the last for the last reading and for readings past the end; null when
// there is none.
const std::string* Pick(const std::vector<std::string>& values, std::size_t i, std::size_t count) {
  if (values.empty()) return nullptr;
  const std::size_t last = values.size() - 1;
  return &values[i + 1 == count ? last : std::min(i, last)];
}

bool MayReadOtherwise(const std::string* field) {
  return field != nullptr && field->find_first_of("(\\") != std::string::npos;
}

// The names of `type` and `disposition` read as RFC 822 reads them, into
// `r`: the filename when it has none, else other_names when they differ.
void AddRfc822Names(const std::string* type, const std::string* disposition, PartReading& r) {
  auto add = [&r](const std::string* field, std::string_view param) {
    if (!MayReadOtherwise(field)) return;
    const HeaderParams p = ParseHeaderParamsRfc822(*field);
    const std::string* name = p.Get(param);
    if (name == nullptr || name->empty() || *name == r.filename || *name == r.type_name) return;
    if (r.filename.empty()) {
      r.filename = *name;
    } else if (std::find(r.other_names.begin(), r.other_names.end(), *name) ==
               r.other_names.end()) {
      r.other_names.push_back(*name);
    }
  };
  add(disposition, "filename");
  add(type, "name");
}

PartReading Read(const std::string* type, const std::string* encoding,
                 const std::string* disposition, std::string_view default_type) {
  PartReading r;
  r.content_type = std::string(default_type);
  if (type != nullptr) {
    r.raw_content_type = *type;
    HeaderParams ct = ParseHeaderParams(*type);
    const std::size_t slash = ct.token.find('/');
    if (slash != std::string::npos && slash > 0 && slash + 1 < ct.token.size()) {
      r.content_type = ct.token;
    }
    if (const std::string* cs = ct.Get("charset")) r.charset = *cs;
    if (const std::string* b = ct.Get("boundary")) r.boundary = *b;
    if (const std::string* name = ct.Get("name")) r.type_name = *name;
  }
  if (encoding != nullptr) {
    r.encoding = ParseTransferEncoding(*encoding);
    r.encoding_name = TransferEncodingToken(*encoding);
  }
  if (disposition != nullptr) {
    HeaderParams cd = ParseHeaderParams(*disposition);
    r.attachment = cd.token == "attachment";
    if (const std::string* f = cd.Get("filename")) r.filename = *f;
  }
  if (r.filename.empty()) r.filename = r.type_name;
  if (r.type_name == r.filename) r.type_name.clear();
  AddRfc822Names(type, disposition, r);
  return r;
}

bool Same(const PartReading& a, const PartReading& b) {
  return a.content_type == b.content_type && a.filename == b.filename && a.charset == b.charset &&
         a.boundary == b.boundary && a.encoding == b.encoding && a.attachment == b.attachment;
}

}  // namespace

std::vector<PartReading> ReadPart(const PartFields& fields, std::string_view default_type) {
  const std::size_t count =
      std::min(kMaxAlternateReadings + 1,
               std::max({fields.content_type.size(), fields.transfer_encoding.size(),
                         fields.disposition.size(), std::size_t{1}}));
  std::vector<PartReading> readings;
  for (std::size_t i = 0; i < count; ++i) {
    PartReading r =
        Read(Pick(fields.content_type, i, count), Pick(fields.transfer_encoding, i, count),
             Pick(fields.disposition, i, count), default_type);
    const bool seen = std::any_of(readings.begin(), readings.end(),
                                  [&](const PartReading& o) { return Same(o, r); });
    if (!seen) readings.push_back(std::move(r));
  }
  return readings;
}

}  // namespace sendguard
