#include "mail/sniff.h"

#include <algorithm>
#include <array>
#include <string>

#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool StartsWith(std::string_view data, std::string_view magic) {
  return data.size() >= magic.size() && data.compare(0, magic.size(), magic) == 0;
}

// The name of the first member of a ZIP, from its local file header.
std::string_view FirstZipMember(std::string_view data) {
  if (data.size() < 30) return {};
  auto u16 = [&](std::size_t off) {
    return static_cast<std::size_t>(static_cast<unsigned char>(data[off])) |
           (static_cast<std::size_t>(static_cast<unsigned char>(data[off + 1])) << 8);
  };
  std::size_t name_len = u16(26);
  if (30 + name_len > data.size()) return {};
  return data.substr(30, name_len);
}

ContentKind SniffZip(std::string_view data, std::string_view content_type,
                     std::string_view filename) {
  std::string_view first = FirstZipMember(data);
  if (first == "mimetype") {
    return ContentKind::kOdf;
  }
  if (first == "[Content_Types].xml" || first.substr(0, 6) == "_rels/" ||
      first.substr(0, 5) == "word/" || first.substr(0, 3) == "xl/" ||
      first.substr(0, 4) == "ppt/" || first.substr(0, 9) == "docProps/") {
    return ContentKind::kOoxml;
  }
  // Producers that do not put the content types first are still recognised by
  // their declared type or name.
  std::string ext = Extension(filename);
  static constexpr std::array<std::string_view, 9> kOoxmlExt = {
      "docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "potx"};
  if (std::find(kOoxmlExt.begin(), kOoxmlExt.end(), ext) != kOoxmlExt.end() ||
      content_type.find("officedocument") != std::string_view::npos) {
    return ContentKind::kOoxml;
  }
  if (ext == "odt" || ext == "ods" || ext == "odp" ||
      content_type.find("opendocument") != std::string_view::npos) {
    return ContentKind::kOdf;
  }
  return ContentKind::kZip;
}

bool LooksLikeTar(std::string_view data) {
  return data.size() >= 262 && data.compare(257, 5, "ustar") == 0;
}

bool LooksLikeImage(std::string_view data) {
  return StartsWith(data, "\x89PNG") || StartsWith(data, "\xff\xd8\xff") ||
         StartsWith(data, "GIF8") || StartsWith(data, std::string_view("II*\0", 4)) ||
         StartsWith(data, std::string_view("MM\0*", 4)) ||
         (StartsWith(data, "RIFF") && data.size() >= 12 && data.substr(8, 4) == "WEBP") ||
         (StartsWith(data, "BM") && data.size() >= 26 && data[14] >= 12 && data[15] == 0 &&
          data[16] == 0 && data[17] == 0);
}

}  // namespace

bool LooksLikeText(std::string_view data) {
  if (StartsWith(data, "\xff\xfe") || StartsWith(data, "\xfe\xff") ||
      StartsWith(data, "\xef\xbb\xbf")) {
    return true;
  }
  std::string_view head = data.substr(0, 4096);
  if (!GuessUtf16(head).empty()) return true;
  std::size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    if (c == 0x7f) ++control;
  }
  return control * 20 <= head.size();
}

ContentKind Sniff(std::string_view data, std::string_view content_type, std::string_view filename) {
  // Magic numbers win over declarations.
  if (StartsWith(data, "PK\x03\x04") || StartsWith(data, "PK\x05\x06")) {
    return SniffZip(data, content_type, filename);
  }
  if (data.substr(0, 1024).find("%PDF-") != std::string_view::npos) return ContentKind::kPdf;
  if (StartsWith(data, "\x1f\x8b") || StartsWith(data, "BZh") ||
      StartsWith(data, std::string_view("\xfd"
                                        "7zXZ\x00",
                                        6)) ||
      StartsWith(data, "7z\xbc\xaf\x27\x1c") || StartsWith(data, "Rar!\x1a\x07") ||
      LooksLikeTar(data)) {
    return ContentKind::kArchive;
  }
  if (StartsWith(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) return ContentKind::kOle2;
  if (StartsWith(data, "{\\rtf")) return ContentKind::kRtf;
  if (StartsWith(data, "\x78\x9f\x3e\x22")) return ContentKind::kTnef;
  if (LooksLikeImage(data)) return ContentKind::kImage;
  if (StartsWith(data, "MZ") || StartsWith(data,
                                           "\x7f"
                                           "ELF")) {
    return ContentKind::kBinary;
  }

  std::string ext = Extension(filename);
  if (content_type == "message/rfc822" || content_type == "message/global" || ext == "eml") {
    return ContentKind::kMessage;
  }
  if (content_type == "text/html" || content_type == "application/xhtml+xml" || ext == "html" ||
      ext == "htm" || ext == "xhtml") {
    return ContentKind::kHtml;
  }
  // Whatever the label says (text/plain, application/octet-stream, image/png
  // on bytes that are no picture), what reads as text is read as text.
  return LooksLikeText(data) ? ContentKind::kText : ContentKind::kBinary;
}

}  // namespace sendguard
