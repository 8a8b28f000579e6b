#include "mail/mime_walker.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <string>

#include "mail/boundary_candidates.h"
#include "mail/charset.h"
#include "mail/ciphertext.h"
#include "mail/gmime_init.h"
#include "mail/mime_prescan.h"
#include "mail/mime_repair.h"
#include "mail/part_readings.h"
#include "mail/part_source.h"
#include "mail/sniff.h"
#include "util/strings.h"

namespace sendguard {
namespace {

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* p) const { g_mime_parser_options_free(p); }
};

std::string Str(const char* s) { return s == nullptr ? std::string() : SanitizeUtf8(s); }

std::string Join(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "/" + std::string(name);
}

// Parser warnings worth reporting; the rest (duplicated headers, 8-bit
// headers, ...) are everyday sloppiness, not defects.
const char* WarningCode(GMimeParserWarning w) {
  switch (w) {
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "malformed-multipart";
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "truncated-message";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "malformed-message";
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return "invalid-header-name";
    case GMIME_CRIT_CONFLICTING_HEADER:
      return "conflicting-header";
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      return "conflicting-parameter";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return "multipart-without-boundary";
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "mime-nesting-overflow";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "part-without-headers-or-content";
    default:
      return nullptr;
  }
}

struct WarningSink {
  Budget* budget;
  std::string where;
  bool cut = false;  // the input ends where a limit cut it, not where the sender ended it
};

void OnParserWarning(gint64 /*offset*/, GMimeParserWarning code, const gchar* /*item*/,
                     gpointer user_data) {
  auto* sink = static_cast<WarningSink*>(user_data);
  if (sink->cut && code == GMIME_WARN_TRUNCATED_MESSAGE) return;  // the limit hit says so
  if (const char* name = WarningCode(code)) sink->budget->Defect(name, sink->where);
}

std::vector<Address> Addresses(InternetAddressList* list) {
  std::vector<Address> out;
  if (list == nullptr) return out;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* ia = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      std::vector<Address> members =
          Addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)));
      out.insert(out.end(), members.begin(), members.end());
    } else if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
      std::string addr = Str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
      if (!addr.empty()) out.push_back(Address{Str(internet_address_get_name(ia)), addr});
    }
  }
  return out;
}

std::string MimeType(GMimeObject* obj) {
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  if (ct == nullptr) return "text/plain";
  std::unique_ptr<char, GFree> type(g_mime_content_type_get_mime_type(ct));
  return type ? AsciiLower(type.get()) : std::string("application/octet-stream");
}

// Takes the first reading into `part`, and the names the others give it.
void TakeReading(const std::vector<PartReading>& readings, Part& part) {
  const PartReading& first = readings.front();
  part.content_type = first.content_type;
  part.filename = first.filename;
  part.charset = first.charset;
  part.attachment = first.attachment;
  part.transfer_encoding = first.encoding_name;
  auto add = [&](const std::string& name) {
    if (name.empty() || name == part.filename) return;
    auto& others = part.other_filenames;
    if (std::find(others.begin(), others.end(), name) == others.end()) others.push_back(name);
  };
  for (const PartReading& r : readings) {
    add(r.filename);
    add(r.type_name);
    for (const std::string& name : r.other_names) add(name);
  }
}

// A Content-Type field that makes a multipart/mixed of `boundary` (quoted,
// '"' and '\\' escaped), or "" when it spans lines.
std::string MixedOf(std::string_view boundary) {
  if (boundary.find_first_of("\r\n") != std::string_view::npos) return {};
  std::string out = "multipart/mixed; boundary=\"";
  for (char c : boundary) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// The boundaries of `fields` other than `except` that `body` uses, at most
// kMaxAlternateReadings.
std::vector<std::string> OtherBoundaries(const std::vector<std::string>& fields,
                                         std::string_view except, std::string_view body) {
  std::vector<std::string> used;
  for (std::string& b : BoundaryCandidates(fields)) {
    if (used.size() == kMaxAlternateReadings) break;
    if (b != except && UsesBoundary(body, b)) used.push_back(std::move(b));
  }
  return used;
}

std::string AltSuffix(std::size_t i) { return i == 1 ? "#alt" : "#alt" + std::to_string(i); }

bool IsSmimeEncrypted(GMimeObject* obj, const std::string& type) {
  if (type != "application/pkcs7-mime" && type != "application/x-pkcs7-mime") return false;
  const char* smime = g_mime_object_get_content_type_parameter(obj, "smime-type");
  if (smime == nullptr) return true;  // no type given: assume the common case, enveloped
  std::string t = AsciiLower(smime);
  return t == "enveloped-data" || t == "authenveloped-data";
}

// The header fields of the top message.
TopMessageFields TopFields(GMimeMessage* msg) {
  TopMessageFields f;
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(msg));
  int n = g_mime_header_list_get_count(headers);
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    f.headers.push_back(Header{Str(g_mime_header_get_name(h)), Str(g_mime_header_get_value(h))});
  }
  f.from = Addresses(g_mime_message_get_from(msg));
  f.to = Addresses(g_mime_message_get_to(msg));
  f.cc = Addresses(g_mime_message_get_cc(msg));
  f.bcc = Addresses(g_mime_message_get_bcc(msg));
  f.reply_to = Addresses(g_mime_message_get_reply_to(msg));
  f.subject = Str(g_mime_message_get_subject(msg));
  f.message_id = Str(g_mime_message_get_message_id(msg));
  f.date = Str(g_mime_object_get_header(GMIME_OBJECT(msg), "Date"));
  return f;
}

}  // namespace

class MimeTreeWalk {
 public:
  MimeTreeWalk(MessageBudget& budget, Extractor& extractor)
      : budget_(budget), extractor_(extractor) {}

  void Walk(GMimeObject* obj, const std::string& prefix, int parent, int depth) {
    if (obj == nullptr) return;
    std::string type = MimeType(obj);
    int index = budget_.NextPartIndex();
    if (!budget_.TakePart(Join(prefix, "body"))) return;
    if (!budget_.HasTime(Join(prefix, "body"))) return;
    Part part;
    part.parent = parent;
    part.depth = depth;
    part.content_type = std::move(type);
    if (GMIME_IS_MULTIPART(obj)) {
      WalkMultipart(obj, part, prefix, index);
      return;
    }
    GMimeContentDisposition* disp = g_mime_object_get_content_disposition(obj);
    part.attachment = disp != nullptr && g_mime_content_disposition_is_attachment(disp);
    if (GMIME_IS_MESSAGE_PART(obj)) {
      WalkMessagePart(obj, part, prefix, index);
    } else if (GMIME_IS_PART(obj)) {
      WalkLeaf(GMIME_PART(obj), part, prefix, index);
    } else {
      budget_.AddPart(part);
    }
  }

  // An attached (or the top) message: its subject, then its MIME tree.
  void WalkMessage(GMimeMessage* msg, const std::string& prefix, int parent, int depth) {
    const char* subject = g_mime_message_get_subject(msg);
    if (subject != nullptr) budget_.AddText(Join(prefix, "subject"), Str(subject), parent);
    Walk(g_mime_message_get_mime_part(msg), prefix, parent, depth);
  }

 private:
  // `part` (at `index`) is a multipart: its children, unless it is encrypted.
  // A multipart/encrypted is walked too: what its parts hold, not its
  // label, says whether they are ciphertext.
  void WalkMultipart(GMimeObject* obj, Part& part, const std::string& prefix, int index) {
    GMimeMultipart* mp = GMIME_MULTIPART(obj);
    const int n = g_mime_multipart_get_count(mp);
    const bool was_encrypted = in_encrypted_;
    in_encrypted_ |= GMIME_IS_MULTIPART_ENCRYPTED(obj);
    const Part declared = part;  // ReadUnsplit makes `part` a leaf
    if (n == 0) {
      ReadUnsplit(obj, part, prefix, index);
    } else {
      budget_.AddPart(part);
    }
    ReadOtherTypes(obj, declared, prefix, index);
    ReadOtherBoundaries(obj, declared, prefix, index);
    for (int i = 0; i < n; ++i) Walk(g_mime_multipart_get_part(mp, i), prefix, index, part.depth);
    in_encrypted_ = was_encrypted;
  }

  // A multipart with more than one Content-Type field, which GMime split
  // by the last: each other reading (a leaf, which clients show whole, or a
  // multipart with another boundary) is read from the body GMime writes
  // back, which keeps every byte between its delimiters, under the label
  // suffix "#alt" ("#alt2").
  void ReadOtherTypes(GMimeObject* obj, const Part& part, const std::string& prefix, int index) {
    GMimeHeaderList* headers = g_mime_object_get_header_list(obj);
    if (headers == nullptr || !g_mime_header_list_contains(headers, "Content-Type")) return;
    const PartFields fields = FieldsOf(obj);
    if (fields.content_type.size() < 2) return;
    const std::string boundary = Str(g_mime_object_get_content_type_parameter(obj, "boundary"));
    std::string body;  // written once, when a reading needs it
    std::size_t alt = 0;
    for (const PartReading& r : ReadPart(fields, part.content_type)) {
      if (r.content_type == part.content_type && r.boundary == boundary) continue;  // GMime's
      const std::string label = Join(prefix, "body") + AltSuffix(++alt);
      if (!budget_.TakePart(label) || !budget_.HasTime(label)) return;
      if (body.empty()) body = ContentBytes(obj);
      ReadDecoded(obj, r, DecodeTransfer(body, r.encoding), label, index, part.depth);
    }
  }

  // A multipart whose boundary parameter other readers read otherwise
  // (quotes, escapes, comments, RFC 2231 sections, a second `boundary=`):
  // its body is split again by each other boundary it uses, under
  // "#multipart" ("#multipart2").
  void ReadOtherBoundaries(GMimeObject* obj, const Part& part, const std::string& prefix,
                           int index) {
    const PartFields fields = FieldsOf(obj);
    const char* gmime = g_mime_object_get_content_type_parameter(obj, "boundary");
    const std::string boundary = gmime == nullptr ? std::string() : gmime;
    std::vector<std::string> candidates = BoundaryCandidates(fields.content_type);
    if (std::all_of(candidates.begin(), candidates.end(),
                    [&](const std::string& b) { return b == boundary; })) {
      return;  // the common case: every reading agrees with GMime
    }
    const std::string body = ContentBytes(obj);
    const std::vector<std::string> others = OtherBoundaries(fields.content_type, boundary, body);
    const PartReading reading = ReadPart(fields, part.content_type).front();
    for (std::size_t i = 0; i < others.size(); ++i) {
      const std::string mixed = MixedOf(others[i]);
      const std::string label =
          Join(prefix, "body") + "#multipart" + (i == 0 ? "" : std::to_string(i + 1));
      if (mixed.empty() || !budget_.TakePart(label) || !budget_.HasTime(label)) return;
      budget_.Defect("boundary-read-otherwise", Join(prefix, "body"));
      Extract(reading, mixed, body, false, label, index, part.depth);
    }
  }

  // A multipart GMime found no part in (no boundary, or none of its
  // delimiters: all of its body is the prologue) is read as a leaf, as
  // Python's email reads it: its transfer encoding undone, named as its
  // fields name it, its content told by its bytes (a body without a name
  // is text), so nothing in it goes unscanned. `part` is recorded as that
  // leaf: text/plain, or application/octet-stream when it has a name.
  void ReadUnsplit(GMimeObject* obj, Part& part, const std::string& prefix, int index) {
    GMimeMultipart* mp = GMIME_MULTIPART(obj);
    const char* prologue = g_mime_multipart_get_prologue(mp);
    const char* epilogue = g_mime_multipart_get_epilogue(mp);
    std::string text = prologue == nullptr ? std::string() : prologue;
    if (epilogue != nullptr) text.append("\n").append(epilogue);
    std::vector<PartReading> readings = ReadPart(FieldsOf(obj), part.content_type);
    TakeReading(readings, part);
    const bool body = part.filename.empty() && !part.attachment;
    // Reported as what it was read as: a leaf.
    part.content_type = body ? "text/plain" : "application/octet-stream";
    for (PartReading& r : readings) r.content_type = part.content_type;
    part.label = Join(
        prefix, body ? std::string("body") : "attachment:" + std::string(BaseName(part.filename)));
    TransferDecoded content = DecodeTransfer(text, readings.front().encoding);
    part.size = content.data.size();
    budget_.AddPart(part);
    budget_.Defect("multipart-without-parts", part.label);
    ReadDecoded(obj, readings.front(), content, part.label, index, part.depth);
    for (std::size_t i = 1; i < readings.size(); ++i) {
      const std::string label = part.label + AltSuffix(i);
      if (!budget_.TakePart(label) || !budget_.HasTime(label)) return;
      if (readings[i].encoding != readings[i - 1].encoding) {
        content = DecodeTransfer(text, readings[i].encoding);
      }
      ReadDecoded(obj, readings[i], content, label, index, part.depth);
    }
  }

  // `part` (at `index`) carries a message GMime already parsed.
  void WalkMessagePart(GMimeObject* obj, Part& part, const std::string& prefix, int index) {
    TakeReading(ReadPart(FieldsOf(obj), part.content_type), part);
    part.content_type = MimeType(obj);  // the type GMime parsed it as
    part.label = Join(
        prefix, "attachment:" + (part.filename.empty() ? "part" + std::to_string(index) + ".eml"
                                                       : std::string(BaseName(part.filename))));
    budget_.AddPart(part);
    if (!budget_.AllowDepth(part.depth + 1, part.label)) return;
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
    if (inner != nullptr) WalkMessage(inner, part.label, index, part.depth + 1);
  }

  // `part` (at `index`) is a leaf: its decoded content goes to the extractor,
  // once for each reading of its header fields.
  void WalkLeaf(GMimePart* leaf, Part& part, const std::string& prefix, int index) {
    const std::vector<PartReading> readings =
        ReadPart(FieldsOf(GMIME_OBJECT(leaf)), part.content_type);
    TakeReading(readings, part);
    const std::string& type = part.content_type;
    bool body = part.filename.empty() && !part.attachment &&
                (type == "text/plain" || type == "text/html" || type == "text/enriched" ||
                 type == "text/richtext");
    part.label = Join(prefix, body ? std::string("body")
                                   : "attachment:" + (part.filename.empty()
                                                          ? "part" + std::to_string(index)
                                                          : std::string(BaseName(part.filename))));
    std::string storage;
    const std::string_view encoded = PartBytes(leaf, &storage);
    TransferDecoded content = DecodeTransfer(encoded, readings.front().encoding);
    part.size = content.data.size();
    budget_.AddPart(part);
    ReadDecoded(GMIME_OBJECT(leaf), readings.front(), content, part.label, index, part.depth);
    for (std::size_t i = 1; i < readings.size(); ++i) {
      const std::string label = part.label + AltSuffix(i);
      if (!budget_.TakePart(label) || !budget_.HasTime(label)) return;
      if (readings[i].encoding != readings[i - 1].encoding) {
        content = DecodeTransfer(encoded, readings[i].encoding);
      }
      ReadDecoded(GMIME_OBJECT(leaf), readings[i], content, label, index, part.depth);
    }
  }

  // Reads `content`, a leaf part decoded as `reading` says, under `label`.
  // Base64 with data after its padding is also read in its two pieces.
  void ReadDecoded(GMimeObject* obj, const PartReading& reading, const TransferDecoded& content,
                   const std::string& label, int index, int depth) {
    if (content.truncated_base64) budget_.Defect("truncated-base64", label);
    const ContentKind kind = ReadContent(obj, reading, content.data, label, index, depth);
    if (content.after_padding == std::string::npos) return;
    budget_.Defect("base64-after-padding", label);
    if (kind == ContentKind::kText || kind == ContentKind::kHtml) return;  // all of it was read
    const std::string_view all = content.data;
    ReadContent(obj, reading, all.substr(0, content.after_padding), label + "#before-padding",
                index, depth);
    ReadContent(obj, reading, all.substr(content.after_padding), label + "#after-padding", index,
                depth);
  }

  // Reads `content` as `reading` declares it; returns what it was sniffed as.
  ContentKind ReadContent(GMimeObject* obj, const PartReading& reading, std::string_view content,
                          const std::string& label, int index, int depth) {
    // Under a label that promises ciphertext, the bytes decide: ciphertext,
    // or bytes that cannot be read at all, are reported encrypted as the
    // label says; anything readable (plain text, a document) is read as
    // undeclared content. ASCII-armoured PGP is text: the text reader
    // reports it.
    const std::string& type = reading.content_type;
    const bool smime_label = IsSmimeEncrypted(obj, type);
    const bool pgp_label = in_encrypted_ || type == "application/pgp-encrypted";
    const bool label_lied = smime_label || pgp_label;
    if (label_lied) {
      const bool unreadable = Sniff(content, "", "") == ContentKind::kBinary;
      if (smime_label && (IsCmsEnveloped(content) || unreadable)) {
        budget_.Encrypted("smime", label);
        return ContentKind::kBinary;
      }
      if (pgp_label && (IsPgpPackets(content) || unreadable)) {
        budget_.Encrypted("pgp", label);
        return ContentKind::kBinary;
      }
    }
    // A reading that makes the part a multipart (GMime read it as a leaf)
    // is read as a message with that Content-Type.
    const bool multipart = type.rfind("multipart/", 0) == 0;
    const ContentKind kind = Extract(reading, multipart ? reading.raw_content_type : std::string(),
                                     content, label_lied, label, index, depth);
    // Another type with a boundary its body uses ("singlepart/mixed",
    // "\"multipart/mixed\"", an encoded word), or a boundary read another
    // way: mailparser or Python's email splits it, so it is read as a
    // multipart too.
    if (reading.raw_content_type.find_first_of("bB") == std::string::npos) return kind;
    const std::vector<std::string> others = OtherBoundaries(
        {reading.raw_content_type}, multipart ? reading.boundary : std::string(), content);
    for (std::size_t i = 0; i < others.size(); ++i) {
      const std::string mixed = MixedOf(others[i]);
      const std::string alt = label + "#multipart" + (i == 0 ? "" : std::to_string(i + 1));
      if (mixed.empty() || !budget_.TakePart(alt) || !budget_.HasTime(alt)) break;
      budget_.Defect("boundary-read-otherwise", label);
      Extract(reading, mixed, content, label_lied, alt, index, depth);
    }
    return kind;
  }

  // Reads `content` under `label`: as a message whose Content-Type field
  // is `wrap` when that is not empty, else as `reading` says (without its
  // type and name when the label lied).
  ContentKind Extract(const PartReading& reading, const std::string& wrap, std::string_view content,
                      bool label_lied, const std::string& label, int index, int depth) {
    const std::string& type = reading.content_type;
    std::string wrapped;
    const bool multipart = !wrap.empty();
    if (multipart) wrapped = "Content-Type: " + wrap + "\r\n\r\n" + std::string(content);
    Blob blob;
    blob.data = multipart ? std::string_view(wrapped) : content;
    blob.content_type = multipart    ? std::string_view("message/rfc822")
                        : label_lied ? std::string_view()
                                     : std::string_view(type);
    blob.filename = label_lied ? std::string_view() : std::string_view(reading.filename);
    blob.charset = reading.charset;
    blob.label = label;
    blob.part = index;
    blob.depth = depth;
    return extractor_.Extract(blob);
  }

  MessageBudget& budget_;
  Extractor& extractor_;
  bool in_encrypted_ = false;  // inside a multipart/encrypted
};

MimeWalker::MimeWalker(MessageBudget& budget, const ReaderRegistry& registry)
    : budget_(budget),
      extractor_(budget, registry,
                 [this](std::string_view raw, const std::string& label, int part, int depth) {
                   WalkRaw(raw, label, part, depth);
                 }) {}

void MimeWalker::WalkRaw(std::string_view raw, const std::string& prefix, int parent, int depth) {
  // GMime builds the whole tree at once: bytes past a structural limit must
  // not reach it.
  MimeRepair repair;
  if (RepairMime(raw, &repair)) {
    for (const std::string& code : repair.defects) {
      budget_.Defect(code, prefix.empty() ? std::string("message") : prefix);
    }
    raw = repair.raw;
  }
  WalkRepaired(raw, prefix, parent, depth, prefix.empty());
  if (repair.unsplit.empty()) return;
  // Readers disagree on where a body begins: GMime's reading too.
  WalkRepaired(repair.unsplit, (prefix.empty() ? std::string("message") : prefix) + "#alt", parent,
               depth, false);
}

void MimeWalker::WalkRepaired(std::string_view raw, const std::string& prefix, int parent,
                              int depth, bool top) {
  EnsureGMimeInitialized();
  const std::size_t full = raw.size();
  std::string within;  // the bytes GMime reads, when Prescan had to copy them
  raw = Prescan(raw, prefix, &within);
  if (raw.size() < full && TrimWhitespace(raw).empty()) return;  // nothing left within limits
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
  WarningSink sink{&budget_, prefix.empty() ? std::string("message") : prefix, raw.size() < full};
  g_mime_parser_options_set_warning_callback(options.get(), OnParserWarning, &sink);
  GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!msg) {
    // Not a message GMime can read: keep its text rather than lose it.
    budget_.Defect("unparseable-message", sink.where);
    budget_.AddText(Join(prefix, "body"), SanitizeUtf8(raw), parent);
    return;
  }
  if (top) budget_.SetTopMessage(TopFields(msg.get()));
  MimeTreeWalk walk(budget_, extractor_);
  walk.WalkMessage(msg.get(), prefix, parent, depth);
}

}  // namespace sendguard
