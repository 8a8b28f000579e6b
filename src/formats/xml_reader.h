// XML documents (ContentKind::kText whose content is XML, not HTML) read with
// libxml2: their text nodes, CDATA sections, attribute values, comments and
// processing instructions are scanned. Internal entities are expanded within
// libxml2's amplification checks and the message's expansion ratio; external
// entities, external DTDs, XInclude and the network are never loaded.
//
// Maps are read for positions (formats/geo_points.h): KML (a <kml> root or
// an element in a KML namespace; <coordinates> lon,lat[,alt] tuples,
// <gx:coord> "lon lat alt", the corners of <LatLonBox>/<LatLonAltBox>) as
// format "kml", GPX
// (lat/lon attributes of <wpt>, <trkpt>, <rtept>) as "gpx". A KMZ is a ZIP
// whose doc.kml the archive reader hands back to the registry.
//
// The encoding a document declares (byte-order mark or XML declaration) is
// how XML tools read it, so it wins over the MIME charset; a document that
// declares none is read in the MIME charset when one is declared.
//
// A document that is not well-formed (or is cut by a limit) is read as plain
// text by TextReader, after the positions and the text ("<label>#xml") read
// before the damage are recorded.

#ifndef SENDGUARD_FORMATS_XML_READER_H_
#define SENDGUARD_FORMATS_XML_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

class XmlReader : public DocumentReader {
 public:
  std::string_view name() const override { return "xml"; }
  bool Accepts(const Blob& blob, ContentKind sniffed) const override;
  std::vector<std::string_view> LimitNames() const override { return {"expansion-ratio"}; }
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Whether `data` begins (after a byte-order mark, whitespace, comments and
// processing instructions) like an XML document that is not HTML: an XML
// declaration, a DOCTYPE or a root element other than html.
bool LooksLikeXml(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_XML_READER_H_
