#include "delivery/notice.h"

#include <sys/random.h>

#include <chrono>
#include <ctime>

#include "mail/header_value.h"

namespace sendguard {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Fill(std::string text, const NoticeFacts& f) {
  const std::pair<const char*, std::string> values[] = {
      {"{action}", f.action},
      {"{subject}", OneHeaderLine(f.subject)},
      {"{recipients}", Join(f.recipients)},
      {"{reason}", OneHeaderLine(f.reason)},
      {"{suggestions}", Join(f.suggestions)},
      {"{id}", f.id.empty() ? "(not kept)" : f.id},
      {"{link}", f.link},
  };
  // Drop the lines that would show an empty suggestion list or no link.
  auto drop_lines_with = [&](const char* key) {
    std::string kept;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t nl = text.find('\n', at);
      std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
      std::string line = text.substr(at, end - at);
      if (line.find(key) == std::string::npos) kept += line;
      at = end;
    }
    text = kept;
  };
  if (f.suggestions.empty()) drop_lines_with("{suggestions}");
  if (f.link.empty()) drop_lines_with("{link}");
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '{') {
      for (const auto& [key, value] : values) {
        std::size_t n = std::char_traits<char>::length(key);
        if (text.compare(i, n, key) == 0) {
          out += value;
          i += n;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

std::string Crlf(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::string ComposeNotice(const NoticeConfig& config, const NoticeFacts& facts) {
  char date[64];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  unsigned char rnd[8] = {0};
  (void)!getrandom(rnd, sizeof rnd, 0);
  char id[17];
  for (int i = 0; i < 8; ++i) std::snprintf(id + 2 * i, 3, "%02x", rnd[i]);
  std::string domain = config.from.substr(config.from.find('@') + 1);
  std::string headers = "From: sendguard <" + OneHeaderLine(config.from) + ">\n" + "To: <" +
                        OneHeaderLine(facts.sender) + ">\n" +
                        "Subject: " + EncodeHeaderValue(Fill(config.subject, facts)) + "\n" +
                        "Date: " + date + "\n" + "Message-ID: <" + id + "." + std::to_string(now) +
                        "@" + domain + ">\n" + "Auto-Submitted: auto-generated\n" +
                        "MIME-Version: 1.0\n" + "Content-Type: text/plain; charset=utf-8\n" +
                        "Content-Transfer-Encoding: 8bit\n\n";
  return Crlf(headers + Fill(config.body, facts));
}

}  // namespace sendguard
