// libFuzzer target: ReadImageMetadata (exiv2: EXIF and XMP GPS, GeoTIFF tie
// points, comments) on arbitrary bytes. Every position recorded must lie in
// degrees and every text be valid UTF-8.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/image_metadata.h"
#include "mail/budget.h"
#include "mail/document_reader.h"
#include "mail/extractor.h"
#include "util/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sendguard;  // NOLINT
  Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  MessageData out;
  Budget budget(limits, &out);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = std::string_view(reinterpret_cast<const char*>(data), size);
  blob.label = "attachment:p";
  ReadContext ctx(extractor, budget, blob, ContentKind::kImage);
  ReadImageMetadata(blob, ctx);
  for (const TextSegment& t : out.texts) Check(IsValidUtf8(t.text));
  for (const GeoPositions& p : out.positions) {
    if (!p.box) continue;
    Check(std::fabs(p.box->south) <= 90 && std::fabs(p.box->north) <= 90);
    Check(std::fabs(p.box->west) <= 180 && std::fabs(p.box->east) <= 180);
    Check(p.box->south <= p.box->north && p.box->west <= p.box->east);
  }
  return 0;
}
