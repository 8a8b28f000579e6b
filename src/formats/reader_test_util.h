// Test helper of the format readers' tests: reads one blob through the
// builtin registry, as the extractor reads an attachment, and returns what
// was recorded; and the fixtures of tests/data/formats.

#ifndef SENDGUARD_FORMATS_READER_TEST_UTIL_H_
#define SENDGUARD_FORMATS_READER_TEST_UTIL_H_

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "mail/extractor.h"

namespace sendguard {

// What reading `data` as the attachment `filename` (labelled
// "attachment:<filename>") of type `content_type` in `charset` records.
inline MessageData ReadAttachment(std::string_view data, std::string_view filename,
                                  std::string_view content_type = "", std::string_view charset = "",
                                  Limits limits = Limits()) {
  MessageData d;
  Budget budget(limits, &d);
  Extractor extractor(budget, ReaderRegistry::Builtin(),
                      [](std::string_view, const std::string&, int, int) {});
  Blob blob;
  blob.data = data;
  blob.filename = filename;
  blob.content_type = content_type;
  blob.charset = charset;
  blob.label = "attachment:" + std::string(filename);
  blob.part = 1;
  extractor.Extract(blob);
  return d;
}

// The bytes of tests/data/formats/`name`; empty when it is missing.
inline std::string FormatFixture(std::string_view name) {
  std::ifstream in(std::string(SENDGUARD_SOURCE_DIR) + "/tests/data/formats/" + std::string(name),
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// All text recorded under `source`, concatenated.
inline std::string TextOf(const MessageData& d, std::string_view source) {
  std::string out;
  for (const TextSegment& t : d.texts) {
    if (t.source == source) out += t.text;
  }
  return out;
}

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_READER_TEST_UTIL_H_
