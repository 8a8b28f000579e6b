// Document readers: one per kind of content the extractor can read (plain
// text, HTML, PDF, office documents, archives, attached messages, ...), and
// the ordered registry the extractor picks them from.
//
// Adding a format is one reader (a file under src/formats/) and one line
// registering it in ReaderRegistry::Builtin() (src/formats/builtin_readers.cc).

#ifndef SENDGUARD_MAIL_DOCUMENT_READER_H_
#define SENDGUARD_MAIL_DOCUMENT_READER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/budget.h"
#include "mail/sniff.h"

namespace sendguard {

// One blob of content to read: a MIME part's body or a member of a container.
struct Blob {
  std::string_view data;          // decoded bytes
  std::string_view content_type;  // declared, lower-case; may be empty
  std::string_view filename;      // declared; may be empty
  std::string_view charset;       // declared; may be empty
  std::string label;              // source label its text is reported under
  int part = -1;                  // index of the MIME part it belongs to
  int depth = 0;                  // container nesting it sits at
};

class Extractor;

// What a reader may do while it reads one blob: report what it found, ask
// for time, and hand content it found inside the blob back to the registry.
// Everything goes through the message's Budget; a reader never sees the
// message model itself.
class ReadContext {
 public:
  // Reads of `blob` (which must outlive the context), sniffed as `sniffed`,
  // for `extractor`.
  ReadContext(Extractor& extractor, Budget& budget, const Blob& blob, ContentKind sniffed)
      : extractor_(extractor), budget_(budget), blob_(blob), sniffed_(sniffed) {}

  // The blob being read, and what Sniff() classified it as.
  const Blob& blob() const { return blob_; }
  ContentKind sniffed() const { return sniffed_; }
  const Limits& limits() const { return budget_.limits(); }
  // The message's budget, for helpers that count members or expanded bytes
  // (formats/archive_members.h). It cannot add parts or change headers.
  Budget& budget() { return budget_; }

  // False (and recorded) once the message's time budget is spent.
  bool HasTime(std::string_view where) { return budget_.HasTime(where); }
  // Appends text read from the blob, under its label and part.
  void AddText(std::string text) { budget_.AddText(blob_.label, std::move(text), blob_.part); }
  // Appends text read from a particular reading of the blob, under its label
  // followed by `suffix` ("#strings", "#html-hidden", ...).
  void AddText(std::string text, std::string_view suffix) {
    budget_.AddText(blob_.label + std::string(suffix), std::move(text), blob_.part);
  }
  // Records that the blob, or some of it, was not inspected (Budget::Unread).
  void Unread(std::string_view kind, std::string detail) {
    budget_.Unread(kind, blob_.label, std::move(detail));
  }
  void Encrypted(std::string_view kind, std::string_view where) { budget_.Encrypted(kind, where); }
  // Records `points` geographic positions of `kind` ("exif-gps" for a
  // picture's, "geo-file" for a map's) read from the blob in `format`
  // ("exif", "kml", ...), lying in `box` when known.
  void Positions(std::string_view kind, std::string_view format, std::size_t points,
                 std::optional<GeoBox> box) {
    budget_.AddPositions(
        GeoPositions{std::string(kind), std::string(format), blob_.label, points, box});
  }
  void Defect(std::string_view code, std::string_view where) { budget_.Defect(code, where); }
  void Hit(std::string_view limit, std::string_view where, std::string detail) {
    budget_.Hit(limit, where, std::move(detail));
  }

  // A blob for the member `name` of the blob being read, holding `data`,
  // labelled "<label>/<name>"; Recurse puts it in place.
  Blob Member(std::string_view data, std::string_view name) const;

  // Reads `inner`, content found inside the blob being read, through the
  // registry. `inner` is put one level below the blob and in its part; when
  // that is deeper than max_depth nothing is read and the limit is recorded
  // under the blob's label.
  void Recurse(Blob inner);

  // Hands `message`, an attached message found in (or being) the blob, to the
  // MIME walker, with the same depth rule as Recurse.
  void RecurseMessage(Blob message);

 private:
  // Puts `inner` below the blob; false (recorded) when too deep.
  bool Nest(Blob& inner);

  Extractor& extractor_;
  Budget& budget_;
  const Blob& blob_;
  ContentKind sniffed_;
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;

  // A short lower-case name ("pdf", "archive").
  virtual std::string_view name() const = 0;

  // True when this reader reads `blob`, which Sniff() classified as
  // `sniffed`. The registry asks readers in order; the first that accepts
  // reads the blob.
  virtual bool Accepts(const Blob& blob, ContentKind sniffed) const = 0;

  // True for containers (archives, office documents, attached messages): a
  // container is only opened when what it holds could be read, so one at
  // max_depth is not read at all (the depth hit is recorded under its label).
  virtual bool IsContainer() const { return false; }

  // The limit hits (LimitHit::limit) this reader records itself, besides the
  // message-wide ones every read may hit ("time", "depth", "text-size").
  // Their values come from Limits.
  virtual std::vector<std::string_view> LimitNames() const { return {}; }

  // Reads `blob`, reporting through `ctx` (whose blob() it is). Never fails:
  // unreadable content is recorded as a defect.
  virtual void Read(const Blob& blob, ReadContext& ctx) const = 0;
};

// An ordered list of readers.
class ReaderRegistry {
 public:
  ReaderRegistry() = default;
  ReaderRegistry(const ReaderRegistry&) = delete;
  ReaderRegistry& operator=(const ReaderRegistry&) = delete;
  ReaderRegistry(ReaderRegistry&&) = default;
  ReaderRegistry& operator=(ReaderRegistry&&) = default;

  // The readers of every format sendguard reads today, built once. Defined in
  // src/formats/builtin_readers.cc, the one place that lists them.
  static const ReaderRegistry& Builtin();

  // Adds `reader` after the readers already registered.
  void Register(std::unique_ptr<DocumentReader> reader);

  // The first reader that accepts `blob`, or null when none does.
  const DocumentReader* Find(const Blob& blob, ContentKind sniffed) const;

  // The registered readers, in order.
  const std::vector<std::unique_ptr<DocumentReader>>& readers() const { return readers_; }

 private:
  std::vector<std::unique_ptr<DocumentReader>> readers_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_DOCUMENT_READER_H_
