// libFuzzer target: the decoders the MIME walker reads hostile parts with
// (base64 that goes on after its padding, quoted-printable with transport
// padding, uuencode blocks, RFC 2231/2047 header parameters (also read as
// RFC 822 reads them), the boundaries readers could take, the readings of conflicting
// header fields, the raw-message repairs), each on the same arbitrary
// bytes, with the invariants their contracts promise.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mail/base64.h"
#include "mail/boundary_candidates.h"
#include "mail/mime_repair.h"
#include "mail/part_headers.h"
#include "mail/part_readings.h"
#include "mail/transfer_decoding.h"
#include "mail/uudecode.h"
#include "util/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sendguard;  // NOLINT
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  const Base64Result b = DecodeBase64(in);
  Check(b.data.size() <= in.size() / 4 * 3 + 3);
  Check(b.after_padding == std::string::npos || b.after_padding <= b.data.size());

  Check(DecodeQuotedPrintable(in).size() <= in.size());

  const UudecodeResult uu = DecodeUuencodeBlock(in);
  Check(uu.data.size() <= in.size() && (uu.found_begin || uu.data.empty()));

  const HeaderParams params = ParseHeaderParams(in);
  for (const auto& [name, value] : params.params) Check(IsValidUtf8(value) && !name.empty());
  Check(IsValidUtf8(DecodeEncodedWords(in)));
  for (const auto& [name, value] : ParseHeaderParamsRfc822(in).params) {
    Check(IsValidUtf8(value) && !name.empty());
  }
  for (const std::string& b : BoundaryCandidates({std::string(in)})) {
    Check(!b.empty() && b.size() <= 998);
  }
  Check(BoundaryCandidates({std::string(in)}).size() <= kMaxBoundaryCandidates);

  // The input split at NUL bytes: header field values of a part.
  PartFields fields;
  std::vector<std::string>* kinds[] = {&fields.content_type, &fields.transfer_encoding,
                                       &fields.disposition};
  std::size_t k = 0;
  for (std::size_t start = 0; start <= in.size();) {
    const std::size_t end = std::min(in.find('\0', start), in.size());
    kinds[k++ % 3]->emplace_back(in.substr(start, end - start));
    start = end + 1;
  }
  const std::vector<PartReading> readings = ReadPart(fields, "text/plain");
  Check(!readings.empty() && readings.size() <= 1 + kMaxAlternateReadings);
  for (const PartReading& r : readings) {
    for (const std::string& n : r.other_names) Check(IsValidUtf8(n) && !n.empty());
  }
  for (const PartReading& r : readings) Check(IsValidUtf8(r.filename) && !r.content_type.empty());

  MimeRepair repair;
  if (RepairMime(in, &repair)) {
    // A message of blank lines only may lose them all.
    Check(!repair.defects.empty() && (!repair.raw.empty() || !in.empty()));
    Check(repair.unsplit.empty() || repair.unsplit.size() <= repair.raw.size());
  }
  return 0;
}
