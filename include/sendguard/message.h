// The normalised, immutable model of one email message.
//
// A Message is built once from raw RFC 5322 bytes by ParseMessage() (see
// parser.h) and never changes afterwards, so it can be shared freely between
// threads. All strings are valid UTF-8.

#ifndef SENDGUARD_MESSAGE_H_
#define SENDGUARD_MESSAGE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sendguard {

// One mailbox, e.g. `"Jane Doe" <jane@example.mil>`.
struct Address {
  std::string name;     // display name, RFC 2047-decoded; may be empty
  std::string address;  // addr-spec, as written (domain not yet normalised)
};

// What the MTA said about the transaction, when known (milter, HTTP API).
struct Envelope {
  std::string mail_from;
  std::vector<std::string> rcpt_to;
};

struct Header {
  std::string name;
  std::string value;  // unfolded and RFC 2047-decoded
};

// One node of the MIME tree. Parts are stored in document order; the first
// part is the root. Parts of attached messages (message/rfc822) are in the
// same list, below the message/rfc822 part that carries them.
struct Part {
  int parent = -1;           // index of the parent part; -1 for the root
  int depth = 0;             // attached-message nesting: 0 in the top message
  std::string content_type;  // lower-case "type/subtype"
  std::string filename;      // RFC 2231/2047-decoded; may be empty
  std::string charset;       // declared charset of a text part; may be empty
  std::string transfer_encoding;
  bool attachment = false;  // Content-Disposition: attachment
  std::size_t size = 0;     // bytes after transfer decoding (0 for containers)
  std::string label;        // where its text is reported from, see TextSegment
  // Further names its header fields give it when they disagree (two
  // Content-Disposition or Content-Type fields, `name` against `filename`):
  // every reading is scanned, so every name is reported.
  std::vector<std::string> other_filenames = {};
};

// Text extracted from one place in the message.
struct TextSegment {
  // Where it came from: "subject", "body", "attachment:memo.docx",
  // "attachment:notes.zip/notes.txt", "attachment:fwd.eml/body", ...
  std::string source;
  std::string text;
  int part = -1;  // index of the Part it came from; -1 for headers
};

// A limit that was reached, or input that could not be read in full.
struct LimitHit {
  std::string limit;   // e.g. "depth", "expansion-ratio", "time", "parts"
  std::string where;   // source label of the place it happened
  std::string detail;  // human-readable explanation
};

// A part whose content cannot be read because it is encrypted.
struct EncryptedPart {
  std::string kind;  // "smime", "pgp", "zip-password", "pdf-password", "archive-password"
  std::string where;
};

// A structural defect of the input that was worked around (e.g. a multipart
// boundary that never closes). Informational: the message was still read.
struct Defect {
  std::string code;  // e.g. "truncated-message", "malformed-multipart", "truncated-base64"
  std::string where;
};

// Content that was not inspected, in whole or in part: what a limit, an
// encryption, an unknown format, damage or a skipped OCR kept from the
// detectors. The policy's `uninspected` condition matches these; nothing
// listed here was scanned, so none of it is known to be clean.
struct Uninspected {
  std::string kind;    // "limit", "encrypted", "unsupported", "corrupt", "ocr-skipped"
  std::string where;   // source label of the content, as in TextSegment
  std::string detail;  // human-readable: what was not read, and why
};

// A bounding box in degrees of latitude and longitude (WGS 84).
struct GeoBox {
  double south = 0, west = 0, north = 0, east = 0;
};

// Geographic positions in the content: where a picture was taken (its EXIF
// or XMP GPS tags) or the points of a map file (KML, GPX, GeoJSON, a
// shapefile, a GeoTIFF). Reported by the content detectors as location
// findings ("exif-gps", "geo-file").
struct GeoPositions {
  std::string kind;           // "exif-gps" or "geo-file"
  std::string format;         // "exif", "xmp", "kml", "gpx", "geojson", "shapefile", "geotiff"
  std::string where;          // source label of the content, as in TextSegment
  std::size_t points = 0;     // positions it holds (1 for a picture)
  std::optional<GeoBox> box;  // where they lie; none when they are not in degrees
};

struct MessageData {
  Envelope envelope;
  std::vector<Header> headers;
  std::vector<Address> from, to, cc, bcc, reply_to;
  std::string subject;
  std::string message_id;  // without angle brackets; may be empty
  std::string date;        // as written in the Date header
  std::size_t raw_size = 0;
  std::vector<Part> parts;
  std::vector<TextSegment> texts;
  std::vector<LimitHit> limit_hits;
  std::vector<EncryptedPart> encrypted;
  std::vector<Defect> defects;
  std::vector<Uninspected> uninspected;
  std::vector<GeoPositions> positions;
};

class Message {
 public:
  explicit Message(MessageData data) : d_(std::move(data)) {}

  const Envelope& envelope() const { return d_.envelope; }
  const std::vector<Header>& headers() const { return d_.headers; }
  // The first header named `name` (case-insensitive), if any.
  std::optional<std::string> header(std::string_view name) const;

  const std::vector<Address>& from() const { return d_.from; }
  const std::vector<Address>& to() const { return d_.to; }
  const std::vector<Address>& cc() const { return d_.cc; }
  const std::vector<Address>& bcc() const { return d_.bcc; }
  const std::vector<Address>& reply_to() const { return d_.reply_to; }
  const std::string& subject() const { return d_.subject; }
  const std::string& message_id() const { return d_.message_id; }
  const std::string& date() const { return d_.date; }
  std::size_t raw_size() const { return d_.raw_size; }

  const std::vector<Part>& parts() const { return d_.parts; }
  const std::vector<TextSegment>& texts() const { return d_.texts; }
  const std::vector<LimitHit>& limit_hits() const { return d_.limit_hits; }
  const std::vector<EncryptedPart>& encrypted() const { return d_.encrypted; }
  const std::vector<Defect>& defects() const { return d_.defects; }
  // Everything that was not inspected: each limit hit and encrypted part, and
  // every part of a format that could not be read.
  const std::vector<Uninspected>& uninspected() const { return d_.uninspected; }
  // The geographic positions its pictures and map files hold.
  const std::vector<GeoPositions>& positions() const { return d_.positions; }

  // The recipients the message will be delivered to: the envelope RCPT TO when
  // known, else the To, Cc and Bcc addresses, without duplicates
  // (case-insensitive), in order of first appearance.
  std::vector<std::string> recipients() const;

  // All extracted text, segments separated by a blank line.
  std::string AllText() const;

 private:
  MessageData d_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MESSAGE_H_
