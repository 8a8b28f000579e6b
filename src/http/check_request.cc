#include "http/check_request.h"

#include "mail/base64.h"
#include "mail/header_value.h"

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

}  // namespace

Result<CheckInput> CheckInputFromJson(const json& j) {
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
      if (!a.is_object()) return InvalidArgumentError("each attachment must be an object");
      Result<std::string> name = Text(a, "filename"), type = Text(a, "content_type"),
                          data = Text(a, "content_base64");
      for (const auto* r : {&name, &type, &data})
        if (!r->ok()) return InvalidArgumentError("attachments: " + r->status().message());
      Base64Result decoded = DecodeBase64(*data);
      if (decoded.truncated)
        return InvalidArgumentError("attachments: content_base64 is not base64");
      std::string ctype = type->empty() ? "application/octet-stream" : OneHeaderLine(*type);
      std::string fname = OneHeaderLine(*name);
      for (char& c : fname)
        if (c == '"' || c == '\\') c = '_';
      parts.push_back("Content-Type: " + ctype +
                      "\r\nContent-Disposition: attachment; filename=\"" + fname +
                      "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                      EncodeBase64(decoded.data, 76) + "\r\n");
    }
  }
  if (parts.size() == 1) {
    in.raw = head + parts.front();
    return in;
  }
  const std::string boundary = "=_sendguard_check_boundary_7f3a9c";
  in.raw = head + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  for (const std::string& p : parts) in.raw += "--" + boundary + "\r\n" + p;
  in.raw += "--" + boundary + "--\r\n";
  return in;
}

}  // namespace sendguard
