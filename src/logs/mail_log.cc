#include "logs/mail_log.h"

#include "util/strings.h"

namespace sendguard {
namespace {

// The value of "key=<value>" or "key=value," in a syslog-style line.
std::string_view Field(std::string_view line, std::string_view key) {
  std::size_t pos = 0;
  for (;;) {
    pos = line.find(key, pos);
    if (pos == std::string_view::npos) return {};
    if (pos == 0 || line[pos - 1] == ' ') break;
    pos += key.size();
  }
  std::string_view v = line.substr(pos + key.size());
  if (!v.empty() && v.front() == '<') {
    std::size_t close = v.find('>');
    return close == std::string_view::npos ? std::string_view() : v.substr(1, close - 1);
  }
  std::size_t end = v.find_first_of(", ");
  return v.substr(0, end);
}

// Syslog prefix "Mon DD HH:MM:SS host prog[pid]: QUEUEID: rest"; returns the
// time and sets `*queue_id`, `*rest`. False when the line has no queue id.
bool SplitSyslog(std::string_view line, std::string* time, std::string_view* queue_id,
                 std::string_view* rest) {
  if (line.size() < 16) return false;
  // RFC 3164 ("Nov 29 10:00:01") or RFC 5424/ISO ("2026-11-29T10:00:01.123+00:00") stamps.
  std::size_t time_end = (line[3] == ' ') ? 15 : line.find(' ');
  if (time_end == std::string_view::npos) return false;
  *time = std::string(line.substr(0, time_end));
  std::size_t colon = line.find("]: ", time_end);
  if (colon == std::string_view::npos) return false;
  std::string_view after = line.substr(colon + 3);
  std::size_t qend = after.find(": ");
  if (qend == std::string_view::npos || qend == 0 || qend > 32) return false;
  *queue_id = after.substr(0, qend);
  for (char c : *queue_id) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!ok) return false;
  }
  *rest = after.substr(qend + 2);
  return true;
}

std::optional<Delivery> ParseSyslogDelivery(std::string_view line, std::string_view program,
                                            std::string_view status) {
  if (line.find(program) == std::string_view::npos) return std::nullopt;
  if (line.find(status) == std::string_view::npos) return std::nullopt;
  Delivery d;
  std::string_view qid, rest;
  if (!SplitSyslog(line, &d.time, &qid, &rest)) return std::nullopt;
  std::string_view to = Field(rest, "to=");
  if (to.empty() || to.find('@') == std::string_view::npos) return std::nullopt;
  d.queue_id = std::string(qid);
  d.recipient = AsciiLower(to);
  std::string_view relay = Field(rest, "relay=");
  std::size_t bracket = relay.find('[');
  d.relay = std::string(bracket == std::string_view::npos ? relay : relay.substr(0, bracket));
  while (!d.relay.empty() && d.relay.back() == '.') d.relay.pop_back();
  if (d.relay == "none") d.relay.clear();
  return d;
}

std::optional<Delivery> ParseExim(std::string_view line) {
  // "2026-11-29 10:00:01 1tGxyz-000ABC-12 => ops@army.mil R=dnslookup T=remote_smtp H=mx [1.2.3.4]"
  std::size_t arrow = line.find(" => ");
  if (arrow == std::string_view::npos) arrow = line.find(" -> ");
  if (arrow == std::string_view::npos || arrow < 20) return std::nullopt;
  std::string_view head = line.substr(0, arrow);
  std::size_t id_start = head.rfind(' ');
  if (id_start == std::string_view::npos) return std::nullopt;
  Delivery d;
  d.queue_id = std::string(head.substr(id_start + 1));
  d.time = std::string(line.substr(0, 19));
  std::string_view rest = line.substr(arrow + 4);
  std::size_t sp = rest.find(' ');
  std::string_view addr = rest.substr(0, sp);
  // "=> local <ops@army.mil>": the original address follows in brackets.
  if (addr.find('@') == std::string_view::npos && sp != std::string_view::npos) {
    std::string_view more = rest.substr(sp + 1);
    if (!more.empty() && more.front() == '<') addr = more.substr(1, more.find('>') - 1);
  }
  if (addr.find('@') == std::string_view::npos) return std::nullopt;
  d.recipient = AsciiLower(addr);
  std::size_t h = rest.find(" H=");
  if (h != std::string_view::npos) {
    std::string_view host = rest.substr(h + 3);
    d.relay = std::string(host.substr(0, host.find(' ')));
  }
  return d;
}

}  // namespace

std::optional<Delivery> ParseDeliveryLine(std::string_view line, LogFormat format) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  switch (format) {
    case LogFormat::kPostfix:
      return ParseSyslogDelivery(line, "postfix", " status=sent");
    case LogFormat::kSendmail:
      return ParseSyslogDelivery(line, "sendmail", " stat=Sent");
    case LogFormat::kExim:
      return ParseExim(line);
  }
  return std::nullopt;
}

std::optional<LogFormat> DetectLogFormat(std::string_view head) {
  if (head.find("postfix/") != std::string_view::npos) return LogFormat::kPostfix;
  if (head.find(" sendmail[") != std::string_view::npos) return LogFormat::kSendmail;
  if (head.find(" <= ") != std::string_view::npos || head.find(" => ") != std::string_view::npos ||
      head.find(" Completed") != std::string_view::npos) {
    return LogFormat::kExim;
  }
  return std::nullopt;
}

}  // namespace sendguard
