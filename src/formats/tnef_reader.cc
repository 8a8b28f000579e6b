#include "formats/tnef_reader.h"

// ytnef.h declares C functions without extern "C".
extern "C" {
#include <ytnef.h>
}

#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "formats/binary_reader.h"
#include "formats/compressed_rtf.h"
#include "mail/charset.h"

namespace sendguard {
namespace {

constexpr std::uint32_t kSignature = 0x223E9F78;
constexpr unsigned kUnicode = 0x001F;
constexpr unsigned kString8 = 0x001E;
constexpr unsigned kBinary = 0x0102;
constexpr unsigned kObject = 0x000D;
constexpr unsigned kRtfCompressed = 0x1009;
constexpr unsigned kBodyHtml = 0x1013;
constexpr unsigned kAttachData = 0x3701;
constexpr unsigned kAttachLongFilename = 0x3707;
constexpr unsigned kAttachFilename = 0x3704;

std::uint32_t U32(std::string_view d, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(d[at + i]);
  return v;
}

std::string_view View(const variableLength& v) {
  if (v.data == nullptr || v.size <= 0) return {};
  return {reinterpret_cast<const char*>(v.data), static_cast<std::size_t>(v.size)};
}

// An 8-bit string up to its NUL: UTF-8 when it is (libytnef converts UTF-16
// properties to UTF-8), else cp1252.
std::string Text8(std::string_view s) {
  s = s.substr(0, s.find('\0'));
  if (IsValidUtf8(s)) return std::string(s);
  return ToUtf8(s, "windows-1252");
}

struct Tnef {
  TNEFStruct s;
  Tnef() {
    TNEFInitialize(&s);
    s.Debug = 0;  // TNEFInitialize leaves it unset: debug output on stdout
  }
  ~Tnef() { TNEFFree(&s); }
  Tnef(const Tnef&) = delete;
  Tnef& operator=(const Tnef&) = delete;
};

std::string Where(const ReadContext& ctx, std::string_view what) {
  return ctx.blob().label + "/" + std::string(what);
}

// A property's values: strings as text, the RTF and HTML bodies to the
// registry. Attachment data is left to ReadAttachment.
void ReadProperty(const MAPIProperty& p, std::string_view prefix, ReadContext& ctx) {
  const unsigned type = p.id & 0xFFFF;
  const unsigned id = p.id >> 16;
  if (p.custom == 0 && id == kAttachData) return;
  for (ULONG j = 0; j < p.count; ++j) {
    std::string_view v = View(p.data[j]);
    if (v.empty()) continue;
    if (id == kBodyHtml && (type == kBinary || type == kString8 || type == kUnicode)) {
      ctx.Recurse(ctx.Member(v, std::string(prefix) + "body.html"));
    } else if (type == kUnicode || type == kString8) {
      ctx.AddText(Text8(v));
    } else if (type == kBinary && id == kRtfCompressed && p.custom == 0) {
      std::optional<std::string> rtf = DecompressRtf(v, ctx.limits().max_member_bytes);
      if (!rtf) {
        ctx.Unread("corrupt", "the compressed RTF body at " +
                                  Where(ctx, std::string(prefix) + "body.rtf") +
                                  " could not be decompressed");
      } else if (ctx.budget().TakeExpanded(rtf->size(), ctx.blob().label)) {
        ctx.Recurse(ctx.Member(*rtf, std::string(prefix) + "body.rtf"));
      }
    }
  }
}

void ReadProperties(const MAPIProps& props, std::string_view prefix, ReadContext& ctx) {
  for (DWORD i = 0; i < props.count; ++i) ReadProperty(props.properties[i], prefix, ctx);
}

std::string StringProperty(MAPIProps& props, unsigned id) {
  for (unsigned type : {kUnicode, kString8}) {
    variableLength* v = MAPIFindProperty(&props, PROP_TAG(type, id));
    if (v != MAPI_UNDEFINED && v != nullptr) {
      std::string s = SanitizeUtf8(Text8(View(*v)));
      if (!s.empty()) return s;
    }
  }
  return std::string();
}

void ReadAttachment(Attachment& a, int index, ReadContext& ctx) {
  std::string name = StringProperty(a.MAPI, kAttachLongFilename);
  if (name.empty()) name = StringProperty(a.MAPI, kAttachFilename);
  if (name.empty()) name = SanitizeUtf8(Text8(View(a.Title)));
  if (name.empty()) name = "attachment-" + std::to_string(index);
  ReadProperties(a.MAPI, name + "/", ctx);
  std::string_view data = View(a.FileData);
  if (data.empty()) {
    // An attached object or message: a 16-byte interface id, then its bytes.
    variableLength* obj = MAPIFindProperty(&a.MAPI, PROP_TAG(kObject, kAttachData));
    if (obj != MAPI_UNDEFINED && obj != nullptr && View(*obj).size() > 16) {
      data = View(*obj).substr(16);
    } else if (obj = MAPIFindProperty(&a.MAPI, PROP_TAG(kBinary, kAttachData));
               obj != MAPI_UNDEFINED && obj != nullptr) {
      data = View(*obj);
    }
  }
  if (!data.empty()) ctx.Recurse(ctx.Member(data, name));
}

constexpr std::uint32_t kAttachRenddata = 0x00069002;

// The attributes libytnef stores on the current attachment.
bool IsAttachmentAttribute(std::uint16_t id) {
  switch (id) {
    case 0x800F:  // attAttachData
    case 0x8010:  // attAttachTitle
    case 0x8011:  // attAttachMetaFile
    case 0x8012:  // attAttachCreateDate
    case 0x8013:  // attAttachModifyDate
    case 0x9001:  // attAttachTransportFilename
    case 0x9002:  // attAttachRenddata
    case 0x9005:  // attAttachment
      return true;
    default:
      return false;
  }
}

// Sets the checksum of every attribute of `data` (whose framing
// CheckTnefFraming passed) to the sum of its bytes, as MS-OXTNEF defines it;
// true when one was wrong. libytnef prints a mismatch to standard output,
// which the CLI's JSON output shares, and reads on anyway.
bool RepairChecksums(std::vector<BYTE>& data) {
  bool repaired = false;
  std::size_t at = 6;
  while (at + 9 <= data.size()) {
    const std::size_t len = static_cast<std::size_t>(data[at + 5]) | (data[at + 6] << 8) |
                            (data[at + 7] << 16) | (static_cast<std::size_t>(data[at + 8]) << 24);
    const std::size_t end = at + 9 + len;
    unsigned sum = 0;
    for (std::size_t i = at + 9; i < end; ++i) sum += data[i];
    sum &= 0xFFFF;
    const unsigned stored = data[end] | (data[end + 1] << 8);
    if (stored != sum) {
      data[end] = static_cast<BYTE>(sum & 0xFF);
      data[end + 1] = static_cast<BYTE>(sum >> 8);
      repaired = true;
    }
    at = end + 2;
  }
  return repaired;
}

}  // namespace

std::optional<std::string> CheckTnefFraming(std::string_view data) {
  if (data.size() < 6 || U32(data, 0) != kSignature) return "no TNEF signature";
  // libytnef overwrites (and leaks) an attribute given twice, and hangs
  // attachment attributes on the last attachment begun (attAttachRenddata)
  // whatever their level: a repeat, or one before any attachment, is refused.
  std::set<std::uint32_t> message_seen, attachment_seen;
  bool in_attachment = false;
  std::size_t at = 6;
  while (at < data.size()) {
    if (data.size() - at < 9) return "an attribute header is cut off";
    const std::uint32_t tag = U32(data, at + 1);
    const std::uint32_t len = U32(data, at + 5);
    const std::uint16_t id = static_cast<std::uint16_t>(tag & 0xFFFF);
    if (tag == kAttachRenddata) {
      in_attachment = true;
      attachment_seen.clear();
    } else if (IsAttachmentAttribute(id)) {
      if (!in_attachment) return "an attachment attribute outside any attachment";
      if (!attachment_seen.insert(tag).second) return "an attachment attribute given twice";
    } else if (!message_seen.insert(tag).second) {
      return "a message attribute given twice";
    }
    if (len == 0) return "an attribute of length 0";
    if (len > data.size() - at - 9 || data.size() - at - 9 - len < 2) {
      return "an attribute runs past the end of the stream";
    }
    at += 9 + static_cast<std::size_t>(len) + 2;
  }
  return std::nullopt;
}

std::vector<std::string_view> TnefReader::LimitNames() const {
  return {"archive-members", "expanded-size"};
}

void TnefReader::Read(const Blob& blob, ReadContext& ctx) const {
  if (std::optional<std::string> bad = CheckTnefFraming(blob.data)) {
    ctx.Defect("tnef-damaged", blob.label);
    ReadStrings(blob.data, ctx);
    ctx.Unread("corrupt",
               "a damaged TNEF stream (" + *bad + "); only its text strings were scanned");
    return;
  }
  // libytnef takes a mutable buffer.
  std::vector<BYTE> copy(blob.data.begin(), blob.data.end());
  if (RepairChecksums(copy)) ctx.Defect("tnef-checksum", blob.label);
  Tnef tnef;
  const int rc = TNEFParseMemory(copy.data(), static_cast<long>(copy.size()), &tnef.s);
  if (rc != 0) {
    ctx.Defect("tnef-damaged", blob.label);
    ReadStrings(blob.data, ctx);
    ctx.Unread("corrupt", "a damaged TNEF stream (libytnef error " + std::to_string(rc) +
                              "); what was read and its text strings were scanned");
  }
  // libytnef copies a MAPI subject over attSubject with its NUL and what
  // follows replaced: the property itself is read below instead.
  variableLength* subject = MAPIFindProperty(&tnef.s.MapiProperties, PROP_TAG(kUnicode, 0x0037));
  if (subject == MAPI_UNDEFINED) {
    subject = MAPIFindProperty(&tnef.s.MapiProperties, PROP_TAG(kString8, 0x0037));
  }
  if (subject == MAPI_UNDEFINED) ctx.AddText(Text8(View(tnef.s.subject)));
  ctx.AddText(Text8(View(tnef.s.body)));
  ReadProperties(tnef.s.MapiProperties, "", ctx);
  int index = 0;
  for (Attachment* a = tnef.s.starting_attach.next; a != nullptr; a = a->next) {
    if (!ctx.HasTime(blob.label) || !ctx.budget().TakeArchiveMember(blob.label)) break;
    ReadAttachment(*a, ++index, ctx);
  }
}

}  // namespace sendguard
