// libFuzzer target: the iCalendar/vCard and CSV readers
// (formats/vobject_reader.h, formats/csv_reader.h) through the registry on
// arbitrary bytes, read as a calendar, a card and a CSV file, plus the CSV
// record parser on its own.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/csv_reader.h"
#include "formats/vobject_reader.h"
#include "mail/extractor.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void ReadAs(std::string_view data, std::string_view type, std::string_view name) {
  using namespace sendguard;  // NOLINT
  MessageData d;
  Limits limits;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.content_type = type;
  blob.filename = name;
  blob.label = "attachment:" + std::string(name);
  extractor.Extract(blob);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sendguard;  // NOLINT
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  ReadAs(in, "text/calendar", "a.ics");
  ReadAs("BEGIN:VCARD\r\n" + std::string(in), "text/vcard", "a.vcf");
  ReadAs(in, "text/csv", "a.csv");
  for (char d : {',', ';', '\t'}) {
    bool open = false;
    const auto rows = ParseCsv(in, d, 1000, &open);
    std::size_t bytes = 0;
    for (const auto& r : rows) {
      for (const auto& f : r) bytes += f.size();
    }
    Check(bytes <= in.size());
  }
  return 0;
}
