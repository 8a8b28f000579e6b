#include "http/check_request.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "http/sessions.h"
#include "mail/base64.h"
#include "mail/header_value.h"
#include "mail/sniff.h"
#include "util/strings.h"

namespace sendguard {
namespace {

using nlohmann::json;

Result<std::string> Text(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::string();
  if (!j[key].is_string()) return InvalidArgumentError(std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

Result<std::vector<std::string>> Addresses(const json& j, const char* key, bool required) {
  std::vector<std::string> out;
  if (!j.contains(key) || j[key].is_null()) {
    if (required) return InvalidArgumentError(std::string(key) + " is required");
    return out;
  }
  if (!j[key].is_array() || j[key].size() > 1000) {
    return InvalidArgumentError(std::string(key) + " must be an array of up to 1000 addresses");
  }
  for (const json& a : j[key]) {
    if (!a.is_string() || a.get<std::string>().empty() || a.get<std::string>().size() > 320) {
      return InvalidArgumentError(std::string(key) + " must hold address strings");
    }
    out.push_back(OneHeaderLine(a.get<std::string>()));
  }
  if (required && out.empty()) return InvalidArgumentError(std::string(key) + " is empty");
  return out;
}

std::string TextPart(const std::string& type, const std::string& text) {
  return "Content-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         EncodeBase64(text, 76) + "\r\n";
}

constexpr char kOctetStream[] = "application/octet-stream";
constexpr std::size_t kMaxTypeLength = 127;

// A character of an RFC 2045 token: printable ASCII but space and tspecials.
bool IsTokenChar(char c) {
  return c > 0x20 && c < 0x7f &&
         std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsTokenChar);
}

// The lower-case "type/subtype" of a declared content type, its parameters
// dropped; nullopt when it is not one.
std::optional<std::string> TypeSubtype(std::string_view declared) {
  std::string_view t = TrimWhitespace(declared.substr(0, declared.find(';')));
  const std::size_t slash = t.find('/');
  if (t.size() > kMaxTypeLength || slash == std::string_view::npos) return std::nullopt;
  if (!IsToken(t.substr(0, slash)) || !IsToken(t.substr(slash + 1))) return std::nullopt;
  return AsciiLower(t);
}

// Labels whose bytes the MIME walker judges itself: ciphertext is reported
// encrypted, anything readable is read.
bool IsEncryptionLabel(std::string_view type) {
  return type == "application/pgp-encrypted" || type == "application/pkcs7-mime" ||
         type == "application/x-pkcs7-mime";
}

// The type an attachment is composed with: `type` when its bytes are read
// under it, else application/octet-stream, under which they are read by
// what they are (magic numbers, then text). A composite type is never
// kept: the composer makes the MIME structure, and a multipart label on one
// attachment's bytes would hide them (no part of it is ever read).
std::string AttachmentType(const std::string& type, std::string_view data,
                           std::string_view filename) {
  if (type.rfind("multipart/", 0) == 0) return kOctetStream;
  if (type.rfind("message/", 0) == 0) return type == "message/rfc822" ? type : kOctetStream;
  if (IsEncryptionLabel(type)) return type;
  return Sniff(data, type, filename) == ContentKind::kBinary ? kOctetStream : type;
}

// One attachment of the draft as a MIME part.
Result<std::string> AttachmentPart(const json& a) {
  if (!a.is_object()) return InvalidArgumentError("each attachment must be an object");
  Result<std::string> name = Text(a, "filename"), type = Text(a, "content_type"),
                      data = Text(a, "content_base64");
  for (const auto* r : {&name, &type, &data})
    if (!r->ok()) return InvalidArgumentError("attachments: " + r->status().message());
  Base64Result decoded = DecodeBase64(*data);
  if (decoded.truncated) return InvalidArgumentError("attachments: content_base64 is not base64");
  std::optional<std::string> declared =
      type->empty() ? std::optional<std::string>(kOctetStream) : TypeSubtype(*type);
  if (!declared) {
    return InvalidArgumentError("attachments: content_type \"" +
                                OneHeaderLine(*type).substr(0, 80) +
                                "\" is not a MIME type/subtype");
  }
  std::string fname = OneHeaderLine(*name);
  for (char& c : fname)
    if (c == '"' || c == '\\') c = '_';
  return "Content-Type: " + AttachmentType(*declared, decoded.data, fname) +
         "\r\nContent-Disposition: attachment; filename=\"" + fname +
         "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + EncodeBase64(decoded.data, 76) +
         "\r\n";
}

// "=_sendguard_" and 192 random bits (libsodium's CSPRNG, as for sessions).
std::string RandomBoundary() { return "=_sendguard_" + RandomToken(24); }

bool OccursIn(const std::vector<std::string>& parts, const std::string& boundary) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](const std::string& p) { return p.find(boundary) != std::string::npos; });
}

// A boundary that occurs in no part: `wanted` when it does not, else a
// random one.
Result<std::string> BoundaryFor(const std::vector<std::string>& parts, std::string_view wanted) {
  if (!wanted.empty() && !OccursIn(parts, std::string(wanted))) return std::string(wanted);
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::string b = RandomBoundary();
    if (!OccursIn(parts, b)) return b;
  }
  return InternalError("no MIME boundary that the parts do not contain");
}

}  // namespace

Result<CheckInput> CheckInputFromJson(const json& j) { return CheckInputFromJson(j, {}); }

Result<CheckInput> CheckInputFromJson(const json& j, std::string_view boundary) {
  CheckInput in;
  Result<std::string> from = Text(j, "from");
  if (!from.ok()) return from.status();
  in.envelope.mail_from = OneHeaderLine(*from);
  Result<std::string> raw = Text(j, "raw");
  if (!raw.ok()) return raw.status();
  Result<std::vector<std::string>> rcpts = Addresses(j, "recipients", raw->empty());
  if (!rcpts.ok()) return rcpts.status();
  in.envelope.rcpt_to = *rcpts;
  if (!raw->empty()) {
    in.raw = std::move(raw).value();
    return in;
  }
  Result<std::string> subject = Text(j, "subject"), body = Text(j, "body"), html = Text(j, "html");
  for (const auto* r : {&subject, &body, &html})
    if (!r->ok()) return r->status();
  std::string to;
  for (const std::string& r : in.envelope.rcpt_to) to += (to.empty() ? "" : ", ") + r;
  std::string head = "From: " + (in.envelope.mail_from.empty() ? "<>" : in.envelope.mail_from) +
                     "\r\nTo: " + to + "\r\nSubject: " + EncodeHeaderValue(*subject) +
                     "\r\nMIME-Version: 1.0\r\n";
  std::vector<std::string> parts;
  parts.push_back(TextPart("text/plain", *body));
  if (!html->empty()) parts.push_back(TextPart("text/html", *html));
  if (j.contains("attachments") && !j["attachments"].is_null()) {
    if (!j["attachments"].is_array() || j["attachments"].size() > 100) {
      return InvalidArgumentError("attachments must be an array of up to 100 objects");
    }
    for (const json& a : j["attachments"]) {
      Result<std::string> part = AttachmentPart(a);
      if (!part.ok()) return part.status();
      parts.push_back(std::move(part).value());
    }
  }
  if (parts.size() == 1) {
    in.raw = head + parts.front();
    return in;
  }
  Result<std::string> b = BoundaryFor(parts, boundary);
  if (!b.ok()) return b.status();
  in.raw = head + "Content-Type: multipart/mixed; boundary=\"" + *b + "\"\r\n\r\n";
  for (const std::string& p : parts) in.raw += "--" + *b + "\r\n" + p;
  in.raw += "--" + *b + "--\r\n";
  return in;
}

}  // namespace sendguard
