#include "formats/ole2_reader.h"

#include <cstdint>
#include <map>
#include <string>

#include "formats/biff_text.h"
#include "formats/binary_reader.h"
#include "formats/compressed_rtf.h"
#include "formats/ole2_storage.h"
#include "formats/word_text.h"
#include "mail/charset.h"

namespace sendguard {
namespace {

using Streams = std::map<std::string, std::string_view>;

std::uint32_t U32(std::string_view d, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(d[at + i]);
  return v;
}

std::string_view Find(const Streams& streams, const std::string& name) {
  auto it = streams.find(name);
  return it == streams.end() ? std::string_view() : it->second;
}

// "<label>/<path>/" for places inside the file.
std::string Where(const ReadContext& ctx, const std::string& path) {
  return path.empty() ? ctx.blob().label : ctx.blob().label + "/" + path;
}

std::string Prefix(const std::string& path) { return path.empty() ? "" : path + "/"; }

void ReadWord(const Streams& streams, const std::string& path, ReadContext& ctx) {
  std::string_view word = Find(streams, "WordDocument");
  WordText t = ReadWordText(word, Find(streams, "0Table"), Find(streams, "1Table"));
  switch (t.status) {
    case WordText::Status::kOk:
      ctx.AddText(std::move(t.text));
      return;
    case WordText::Status::kEncrypted:
      ctx.Encrypted("word", Where(ctx, path));
      return;
    case WordText::Status::kOld:
      ReadStrings(word, ctx);
      ctx.Unread("unsupported",
                 t.detail + " at " + Where(ctx, path) + "; only its text strings were scanned");
      return;
    case WordText::Status::kCorrupt:
      ctx.Defect("ole2-word-damaged", Where(ctx, path));
      ctx.AddText(std::move(t.text));
      ReadStrings(word, ctx);
      ctx.Unread("corrupt", "Word document at " + Where(ctx, path) + ": " + t.detail +
                                "; only what was readable and its strings were scanned");
      return;
  }
}

void ReadWorkbook(std::string_view workbook, const std::string& path, ReadContext& ctx) {
  BiffText t = ReadBiffText(workbook, ctx.limits().max_text_bytes);
  switch (t.status) {
    case BiffText::Status::kOk:
      ctx.AddText(std::move(t.text));
      return;
    case BiffText::Status::kEncrypted:
      ctx.Encrypted("excel", Where(ctx, path));
      return;
    case BiffText::Status::kTooLong:
      ctx.AddText(std::move(t.text));
      ctx.Hit("text-size", Where(ctx, path), t.detail + "; the rest was not inspected");
      return;
    case BiffText::Status::kCorrupt:
      ctx.Defect("ole2-excel-damaged", Where(ctx, path));
      ctx.AddText(std::move(t.text));
      ReadStrings(workbook, ctx);
      ctx.Unread("corrupt", "Excel workbook at " + Where(ctx, path) + ": " + t.detail +
                                "; only what was readable and its strings were scanned");
      return;
  }
}

// An OLE1 embedded object ("\1Ole10Native"): a size, flags, label, file
// name, two reserved words, a temporary path, then the file's bytes.
void ReadOle10Native(std::string_view s, const std::string& path, ReadContext& ctx) {
  std::size_t at = 6;
  auto cstring = [&](std::string& out) {
    std::size_t end = s.find('\0', at);
    if (end == std::string_view::npos) return false;
    out.assign(s.substr(at, end - at));
    at = end + 1;
    return true;
  };
  std::string label, file, tmp;
  if (s.size() >= 6 && cstring(label) && cstring(file) && at + 8 <= s.size()) {
    at += 4;
    const std::uint32_t tmp_len = U32(s, at);
    at += 4;
    if (tmp_len <= s.size() - at && s.size() - at - tmp_len >= 4) {
      at += tmp_len;
      const std::uint32_t len = U32(s, at);
      at += 4;
      if (len <= s.size() - at) {
        std::string name = SanitizeUtf8(label.empty() ? file : label);
        if (name.empty()) name = "object";
        ctx.Recurse(ctx.Member(s.substr(at, len), Prefix(path) + name));
        return;
      }
    }
  }
  ctx.Defect("ole2-object-damaged", Where(ctx, path));
  ctx.Recurse(ctx.Member(s.size() > 4 ? s.substr(4) : s, Prefix(path) + "Ole10Native"));
}

// An Outlook .msg storage: "__substg1.0_IIIITTTT" property streams, with
// property id IIII and type TTTT (001F UTF-16, 001E 8-bit, 0102 binary).
// Returns true when the storage held such properties.
bool ReadMsgProperties(const Streams& streams, const std::string& path, ReadContext& ctx) {
  static constexpr std::string_view kPrefix = "__substg1.0_";
  std::string attach_name;
  for (const char* id : {"3707001F", "3704001F", "3001001F", "3707001E", "3704001E"}) {
    std::string_view v = Find(streams, std::string(kPrefix) + id);
    if (v.empty()) continue;
    attach_name = ToUtf8(v, id[7] == 'F' ? "utf-16le" : "windows-1252");
    while (!attach_name.empty() && attach_name.back() == '\0') attach_name.pop_back();
    if (!attach_name.empty()) break;
  }
  bool any = false;
  for (const auto& [name, data] : streams) {
    if (name.size() != kPrefix.size() + 8 || name.compare(0, kPrefix.size(), kPrefix) != 0) {
      continue;
    }
    any = true;
    const std::string id = name.substr(kPrefix.size(), 4);
    const std::string type = name.substr(kPrefix.size() + 4);
    if (type == "001F") {
      ctx.AddText(ToUtf8(data, "utf-16le"));
    } else if (type == "001E") {
      ctx.AddText(ToUtf8(data, "windows-1252"));
    } else if (type == "0102" && id == "3701") {
      ctx.Recurse(
          ctx.Member(data, Prefix(path) + (attach_name.empty() ? "attachment" : attach_name)));
    } else if (type == "0102" && id == "1013") {
      ctx.Recurse(ctx.Member(data, Prefix(path) + "body.html"));
    } else if (type == "0102" && id == "1009") {
      std::optional<std::string> rtf = DecompressRtf(data, ctx.limits().max_member_bytes);
      if (!rtf) {
        ctx.Unread("corrupt",
                   "the compressed RTF body at " + Where(ctx, path) + " could not be decompressed");
        continue;
      }
      ctx.Recurse(ctx.Member(*rtf, Prefix(path) + "body.rtf"));
    }
  }
  return any;
}

// The streams Outlook property and Word/Excel readings consume, or that
// only hold binary structure: no strings pass over them.
bool Consumed(const std::string& name, bool word, bool excel, bool msg) {
  if (word && (name == "WordDocument" || name == "0Table" || name == "1Table")) return true;
  if (excel && name == "Workbook") return true;
  if (msg && name.rfind("__", 0) == 0) return true;
  return name == "\1Ole10Native" || name == "Package" || name == "CONTENTS" ||
         name == "EncryptionInfo" || name == "EncryptedPackage";
}

}  // namespace

std::vector<std::string_view> Ole2Reader::LimitNames() const {
  return {"archive-members", "member-size", "expanded-size"};
}

void Ole2Reader::Read(const Blob& blob, ReadContext& ctx) const {
  bool known = false;
  auto visit = [&](const std::string& path, std::vector<Ole2Stream>& list) {
    Streams streams;
    for (const Ole2Stream& s : list) streams.emplace(s.name, s.data);
    if (streams.count("EncryptionInfo") != 0 || streams.count("EncryptedPackage") != 0) {
      ctx.Encrypted("office", Where(ctx, path));
      known = true;
      return;
    }
    const bool word = streams.count("WordDocument") != 0;
    const bool excel = streams.count("Workbook") != 0;
    const bool ppt = streams.count("PowerPoint Document") != 0;
    if (word) ReadWord(streams, path, ctx);
    if (excel) ReadWorkbook(Find(streams, "Workbook"), path, ctx);
    const bool msg = ReadMsgProperties(streams, path, ctx);
    known = known || word || excel || ppt || msg;
    for (const auto& [name, data] : streams) {
      if (name == "\1Ole10Native") {
        ReadOle10Native(data, path, ctx);
      } else if (name == "Package" || name == "CONTENTS") {
        ctx.Recurse(ctx.Member(data, Prefix(path) + name));
      } else if (name == "Book") {
        ReadStrings(data, ctx);
        ctx.Unread("unsupported", "an Excel 5 workbook at " + Where(ctx, path) +
                                      "; only its text strings were scanned");
      } else if (!Consumed(name, word, excel, msg)) {
        // PowerPoint's text atoms, property sets, and the rest: their text
        // is stored as plain 8-bit or UTF-16 runs.
        ReadStrings(data, ctx);
      }
    }
  };
  std::string error;
  if (!WalkOle2(blob.data, blob.label, ctx.limits().max_depth, ctx.budget(), visit, &error)) {
    ctx.Defect("ole2-damaged", blob.label);
    ReadStrings(blob.data, ctx);
    ctx.Unread("corrupt", "a damaged OLE2 (legacy Office) file (" + error +
                              "); only its text strings were scanned");
    return;
  }
  if (!known) {
    ctx.Unread("unsupported",
               "an OLE2 compound file of a kind sendguard does not read (not Word, Excel, "
               "PowerPoint or Outlook); only the text strings of its streams were scanned");
  }
}

}  // namespace sendguard
