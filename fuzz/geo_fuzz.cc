// libFuzzer target: the map and structured-text readers of issue 16 (XML
// with KML/GPX, JSON with GeoJSON, shapefiles) on arbitrary bytes. The first
// byte picks the reader (0 XML, 1 JSON, 2 shapefile, else the whole builtin
// registry); the rest is the input. Every position recorded must lie in
// degrees and every text be valid UTF-8.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/json_reader.h"
#include "formats/shapefile_reader.h"
#include "formats/xml_reader.h"
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
  if (size == 0) return 0;
  const int which = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  Limits limits;
  limits.max_time = std::chrono::milliseconds(2000);
  limits.max_member_bytes = 1 << 20;
  limits.max_expansion_floor = 1 << 16;
  limits.max_expansion_ratio = 20;
  MessageData out;
  Budget budget(limits, &out);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = input;
  blob.label = "attachment:f";
  if (which >= 3) {
    blob.filename = which & 1 ? "f.kmz" : "f.geojson";
    extractor.Extract(blob);
  } else {
    ReadContext ctx(extractor, budget, blob, ContentKind::kText);
    if (which == 0) XmlReader().Read(blob, ctx);
    if (which == 1) JsonReader().Read(blob, ctx);
    if (which == 2 && IsShapefileHeader(input)) ShapefileReader().Read(blob, ctx);
  }
  for (const TextSegment& t : out.texts) Check(IsValidUtf8(t.text));
  for (const GeoPositions& p : out.positions) {
    Check(p.points > 0);
    if (!p.box) continue;
    Check(std::fabs(p.box->south) <= 90 && std::fabs(p.box->north) <= 90);
    Check(std::fabs(p.box->west) <= 180 && std::fabs(p.box->east) <= 180);
    Check(p.box->south <= p.box->north && p.box->west <= p.box->east);
  }
  return 0;
}
