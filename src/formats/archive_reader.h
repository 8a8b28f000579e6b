// Archives: ZIP files that are not office documents, and everything else
// libarchive reads (tar, gzip, bzip2, xz, 7z, rar). Each member is read as a
// document of its own, one level deeper; the content of a bare compressed
// file is named after it without the suffix (report.txt.gz: report.txt).

#ifndef SENDGUARD_FORMATS_ARCHIVE_READER_H_
#define SENDGUARD_FORMATS_ARCHIVE_READER_H_

#include <string_view>
#include <vector>

#include "mail/document_reader.h"

namespace sendguard {

class ArchiveReader : public DocumentReader {
 public:
  std::string_view name() const override { return "archive"; }
  bool Accepts(const Blob&, ContentKind sniffed) const override {
    return sniffed == ContentKind::kZip || sniffed == ContentKind::kArchive;
  }
  bool IsContainer() const override { return true; }
  std::vector<std::string_view> LimitNames() const override;
  void Read(const Blob& blob, ReadContext& ctx) const override;
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_ARCHIVE_READER_H_
