// iCalendar (RFC 5545) and vCard (RFC 6350, 2426 and 2.1) files: text that
// sniffs as ContentKind::kText and starts (after a byte-order mark and white
// space) with BEGIN:VCALENDAR or BEGIN:VCARD. They share one content-line
// syntax, read here: folded lines are unfolded, "group." prefixes dropped,
// parameters read (quoted or bare, as vCard 2.1 writes TEL;HOME:), values
// unescaped (\n \, \; \\), ENCODING=QUOTED-PRINTABLE values decoded in their
// CHARSET, and ENCODING=b/BASE64 values (PHOTO, LOGO, SOUND, KEY, ATTACH) and
// data: URIs decoded and read through the registry as members
// ("<label>/photo1.jpg", "<label>/NAME" for an ATTACH with a file name).
//
// The text is one line per property, its name before its value
// ("SUMMARY: Budget review", "LOCATION: Room 2") and then the values of its
// text parameters (CN, LABEL, ...), so that detectors' keyword windows see
// what a value is. GEO properties are recorded as positions ("geo-file",
// format "ics" or "vcard"). Everything TextReader reads besides the text
// (an armoured PGP message, "#raw", uuencoded files) is read as it does.

#ifndef SENDGUARD_FORMATS_VOBJECT_READER_H_
#define SENDGUARD_FORMATS_VOBJECT_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

// Binary values decoded from one file at most; the rest are not (a limit
// hit "vobject-members").
inline constexpr int kMaxVObjectMembers = 64;

class VObjectReader : public DocumentReader {
 public:
  std::string_view name() const override { return "vobject"; }
  bool Accepts(const Blob& blob, ContentKind sniffed) const override;
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

// Whether `text` starts, after a UTF-8 byte-order mark and white space, with
// BEGIN:VCALENDAR or BEGIN:VCARD (any case).
bool IsVObject(std::string_view text);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_VOBJECT_READER_H_
