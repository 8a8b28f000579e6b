#include "formats/archive_reader.h"

#include "formats/archive_members.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// The name of the file a bare compressed file holds: "a.txt.gz" → "a.txt".
std::string_view StripCompressionSuffix(std::string_view filename) {
  std::string_view base = BaseName(filename);
  for (std::string_view ext : {".gz", ".tgz", ".bz2", ".xz", ".z", ".zst", ".lzma"}) {
    if (EndsWithIgnoreCase(base, ext)) return base.substr(0, base.size() - ext.size());
  }
  return base;
}

}  // namespace

std::vector<std::string_view> ArchiveReader::LimitNames() const {
  return {kArchiveLimitNames.begin(), kArchiveLimitNames.end()};
}

void ArchiveReader::Read(const Blob& blob, ReadContext& ctx) const {
  // Only a non-ZIP archive can be a bare compressed file.
  std::string_view single = ctx.sniffed() == ContentKind::kArchive
                                ? StripCompressionSuffix(blob.filename)
                                : std::string_view();
  ReadArchive(
      blob.data, blob.label, single, ctx.budget(), [](std::string_view) { return true; },
      [&](const ArchiveMember& member) { ctx.Recurse(ctx.Member(member.data, member.name)); });
}

}  // namespace sendguard
