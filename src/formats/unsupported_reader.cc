#include "formats/unsupported_reader.h"

#include <string>

#include "formats/binary_reader.h"

namespace sendguard {
namespace {

std::string FormatName(std::string_view data) {
  if (data.substr(0, 5) == "{\\rtf") return "an RTF document";
  return "a legacy Office (OLE2: .doc, .xls, .ppt, .msg) document";
}

}  // namespace

void UnsupportedReader::Read(const Blob& blob, ReadContext& ctx) const {
  ctx.Defect("unsupported-document", blob.label);
  ReadStrings(blob.data, ctx);
  ctx.Unread("unsupported",
             FormatName(blob.data) + " has no reader yet; only its text strings were scanned");
}

}  // namespace sendguard
