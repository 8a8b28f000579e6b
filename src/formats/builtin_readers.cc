// The readers sendguard reads mail content with: adding a format is one line
// here. Order matters only where readers accept the same content; the first
// that accepts reads it.

#include <memory>

#include "formats/archive_reader.h"
#include "formats/binary_reader.h"
#include "formats/csv_reader.h"
#include "formats/html_reader.h"
#include "formats/image_reader.h"
#include "formats/json_reader.h"
#include "formats/message_reader.h"
#include "formats/office_reader.h"
#include "formats/ole2_reader.h"
#include "formats/pdf_reader.h"
#include "formats/rtf_reader.h"
#include "formats/shapefile_reader.h"
#include "formats/text_reader.h"
#include "formats/tnef_reader.h"
#include "formats/vobject_reader.h"
#include "formats/xml_reader.h"
#include "mail/document_reader.h"

namespace sendguard {
namespace {

ReaderRegistry MakeBuiltin() {
  ReaderRegistry r;
  r.Register(std::make_unique<VObjectReader>());  // before TextReader: kText formats
  r.Register(std::make_unique<CsvReader>());
  r.Register(std::make_unique<XmlReader>());   // before TextReader: XML is text
  r.Register(std::make_unique<JsonReader>());  // before TextReader: JSON is text
  r.Register(std::make_unique<TextReader>());
  r.Register(std::make_unique<HtmlReader>());
  r.Register(std::make_unique<PdfReader>());
  r.Register(std::make_unique<OfficeReader>());
  r.Register(std::make_unique<ArchiveReader>());
  r.Register(std::make_unique<MessageReader>());
  r.Register(std::make_unique<ImageReader>());
  r.Register(std::make_unique<RtfReader>());
  r.Register(std::make_unique<Ole2Reader>());
  r.Register(std::make_unique<TnefReader>());
  r.Register(std::make_unique<ShapefileReader>());  // before BinaryReader: it is kBinary
  r.Register(std::make_unique<BinaryReader>());     // last: what nothing else reads
  return r;
}

}  // namespace

const ReaderRegistry& ReaderRegistry::Builtin() {
  static const ReaderRegistry* const kBuiltin = new ReaderRegistry(MakeBuiltin());
  return *kBuiltin;
}

}  // namespace sendguard
