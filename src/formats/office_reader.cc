#include "formats/office_reader.h"

#include <string>

#include "formats/archive_members.h"
#include "formats/office_text.h"

namespace sendguard {

std::vector<std::string_view> OfficeReader::LimitNames() const {
  return {kArchiveLimitNames.begin(), kArchiveLimitNames.end()};
}

void OfficeReader::Read(const Blob& blob, ReadContext& ctx) const {
  OfficeFormat format =
      ctx.sniffed() == ContentKind::kOdf ? OfficeFormat::kOdf : OfficeFormat::kOoxml;
  std::string text;
  ReadArchive(
      blob.data, blob.label, {}, ctx.budget(),
      [format](std::string_view name) {
        return IsOfficeTextMember(format, name) || IsOfficeEmbeddedMember(format, name);
      },
      [&](const ArchiveMember& member) {
        if (IsOfficeTextMember(format, member.name)) {
          text += OfficeXmlToText(member.data, format);
          if (!text.empty() && text.back() != '\n') text.push_back('\n');
          return;
        }
        ctx.Recurse(ctx.Member(member.data, member.name));  // an embedded document
      });
  ctx.AddText(std::move(text));
}

}  // namespace sendguard
