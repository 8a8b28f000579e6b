#include "mail/extractor.h"

#include "formats/archive_members.h"
#include "formats/html_text.h"
#include "formats/office_text.h"
#include "mail/charset.h"
#include "mail/pdf_text.h"
#include "util/strings.h"

namespace sendguard {
namespace {

constexpr std::string_view kPgpMessage = "-----BEGIN PGP MESSAGE-----";

// The name of the file a bare compressed file holds: "a.txt.gz" → "a.txt".
std::string_view StripCompressionSuffix(std::string_view filename) {
  std::string_view base = BaseName(filename);
  for (std::string_view ext : {".gz", ".tgz", ".bz2", ".xz", ".z", ".zst", ".lzma"}) {
    if (EndsWithIgnoreCase(base, ext)) return base.substr(0, base.size() - ext.size());
  }
  return base;
}

// An archive member as a blob of its own, one level below its archive.
Blob MemberBlob(const Blob& archive, const ArchiveMember& member) {
  Blob inner;
  inner.data = member.data;
  inner.filename = member.name;
  inner.label = archive.label + "/" + member.name;
  inner.part = archive.part;
  inner.depth = archive.depth + 1;
  return inner;
}

}  // namespace

ContentKind Extractor::Extract(const Blob& blob) {
  ContentKind kind = Sniff(blob.data, blob.content_type, blob.filename);
  if (!budget_.HasTime(blob.label)) return kind;
  switch (kind) {
    case ContentKind::kText: {
      std::string text = ToUtf8(blob.data, blob.charset);
      if (text.find(kPgpMessage) != std::string::npos) budget_.Encrypted("pgp", blob.label);
      budget_.AddText(blob.label, std::move(text), blob.part);
      break;
    }
    case ContentKind::kHtml:
      budget_.AddText(blob.label, HtmlToText(ToUtf8(blob.data, blob.charset)), blob.part);
      break;
    case ContentKind::kPdf:
      ExtractPdfText(blob.data, blob.label, blob.part, budget_);
      break;
    case ContentKind::kOoxml:
    case ContentKind::kOdf:
      if (budget_.AllowDepth(blob.depth + 1, blob.label)) ExtractOffice(blob, kind);
      break;
    case ContentKind::kZip:
    case ContentKind::kArchive:
      if (budget_.AllowDepth(blob.depth + 1, blob.label)) ExtractArchive(blob, kind);
      break;
    case ContentKind::kMessage:
      if (budget_.AllowDepth(blob.depth + 1, blob.label)) {
        on_message_(blob.data, blob.label, blob.part, blob.depth + 1);
      }
      break;
    case ContentKind::kUnsupported:
      budget_.Defect("unsupported-document", blob.label);
      break;
    case ContentKind::kBinary:
      break;
  }
  return kind;
}

void Extractor::ExtractArchive(const Blob& blob, ContentKind kind) {
  std::string_view single =
      kind == ContentKind::kArchive ? StripCompressionSuffix(blob.filename) : std::string_view();
  ReadArchive(
      blob.data, blob.label, single, budget_, [](std::string_view) { return true; },
      [&](const ArchiveMember& member) { Extract(MemberBlob(blob, member)); });
}

void Extractor::ExtractOffice(const Blob& blob, ContentKind kind) {
  OfficeFormat format = kind == ContentKind::kOdf ? OfficeFormat::kOdf : OfficeFormat::kOoxml;
  std::string text;
  ReadArchive(
      blob.data, blob.label, {}, budget_,
      [format](std::string_view name) {
        return IsOfficeTextMember(format, name) || IsOfficeEmbeddedMember(format, name);
      },
      [&](const ArchiveMember& member) {
        if (IsOfficeTextMember(format, member.name)) {
          text += OfficeXmlToText(member.data, format);
          if (!text.empty() && text.back() != '\n') text.push_back('\n');
          return;
        }
        Extract(MemberBlob(blob, member));  // an embedded document
      });
  budget_.AddText(blob.label, std::move(text), blob.part);
}

}  // namespace sendguard
