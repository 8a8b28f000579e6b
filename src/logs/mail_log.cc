#include "logs/mail_log.h"

#include "util/strings.h"

namespace sendguard {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of "key=<value>" or "key=value," in a syslog-style line; `found`
// tells a missing key from an empty value.
std::string_view Field(std::string_view line, std::string_view key, bool* found = nullptr) {
  std::size_t pos = 0;
  for (;;) {
    pos = line.find(key, pos);
    if (pos == std::string_view::npos) {
      if (found != nullptr) *found = false;
      return {};
    }
    if (pos == 0 || line[pos - 1] == ' ') break;
    pos += key.size();
  }
  if (found != nullptr) *found = true;
  std::string_view v = line.substr(pos + key.size());
  if (!v.empty() && v.front() == '<') {
    std::size_t close = v.find('>');
    return close == std::string_view::npos ? std::string_view() : v.substr(1, close - 1);
  }
  return v.substr(0, v.find_first_of(", "));
}

// "mx.army.ml[41.73.1.2]:25" or "mx.army.ml." → "mx.army.ml"; "none" → "".
std::string_view RelayHost(std::string_view relay) {
  relay = relay.substr(0, relay.find('['));
  while (!relay.empty() && relay.back() == '.') relay.remove_suffix(1);
  return relay == "none" ? std::string_view() : relay;
}

// The time stamp a line starts with: RFC 3164 ("Nov 29 10:00:01") or
// ISO 8601 / RFC 5424 ("2026-11-29T10:00:01.123+00:00", Exim's
// "2026-11-29 10:00:01"). Empty when the line starts with neither.
std::string_view LeadingTime(std::string_view line, bool allow_space_in_iso) {
  if (line.size() >= 15 && line[3] == ' ' && line[6] == ' ' && line[9] == ':' && line[12] == ':') {
    return line.substr(0, 15);
  }
  if (line.size() >= 19 && IsDigit(line[0]) && line[4] == '-' && line[7] == '-' &&
      line[13] == ':') {
    if (line[10] == 'T') return line.substr(0, line.find(' '));
    if (line[10] == ' ' && allow_space_in_iso) return line.substr(0, 19);
  }
  return {};
}

bool IsQueueId(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    bool ok = IsDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!ok) return false;
  }
  return true;
}

// "TIME host prog[pid]: QUEUEID: rest" (Postfix, Sendmail).
LogLine ParseSyslog(std::string_view line, std::string_view program, std::string_view sent) {
  LogLine out;
  out.time = LeadingTime(line, false);
  if (out.time.empty()) {
    out.kind = line.empty() ? LogLineKind::kOther : LogLineKind::kMalformed;
    return out;
  }
  std::size_t prog = line.find(program, out.time.size());
  if (prog == std::string_view::npos) return out;  // another program's line
  std::size_t colon = line.find("]: ", prog);
  if (colon == std::string_view::npos) return out;
  std::string_view after = line.substr(colon + 3);
  std::size_t qend = after.find(": ");
  if (qend == std::string_view::npos || !IsQueueId(after.substr(0, qend))) return out;
  out.queue_id = after.substr(0, qend);
  std::string_view rest = after.substr(qend + 2);
  if (rest.starts_with("from=")) {
    if (rest.find(" size=") == std::string_view::npos)
      return out;  // Sendmail "from=" in other forms
    bool found = false;
    out.address = Field(rest, "from=", &found);
    out.kind = LogLineKind::kSender;
    return out;
  }
  if (rest.find(sent) == std::string_view::npos) return out;
  out.address = Field(rest, "to=");
  if (out.address.find('@') == std::string_view::npos) {
    // Sendmail lists several recipients as to=a@x,b@y; Postfix always one.
    out.kind = LogLineKind::kMalformed;
    return out;
  }
  out.relay = RelayHost(Field(rest, "relay="));
  out.kind = LogLineKind::kSent;
  return out;
}

// "2026-11-29 10:00:01 1tGxyz-000ABC-12 => ops@army.mil R=... H=mx [1.2.3.4]"
// and "... <= sender@x.org H=... P=esmtp S=1234".
LogLine ParseExim(std::string_view line) {
  LogLine out;
  out.time = LeadingTime(line, true);
  if (out.time.empty()) {
    out.kind = line.empty() ? LogLineKind::kOther : LogLineKind::kMalformed;
    return out;
  }
  std::string_view rest = line.substr(out.time.size());
  // An optional " [pid]" and time zone may follow the stamp; the id is the
  // last word before the flag.
  std::size_t flag = std::string_view::npos;
  LogLineKind kind = LogLineKind::kOther;
  for (std::string_view f : {" => ", " -> ", " <= "}) {
    std::size_t p = rest.find(f);
    if (p != std::string_view::npos && p < flag) {
      flag = p;
      kind = f == " <= " ? LogLineKind::kSender : LogLineKind::kSent;
    }
  }
  if (flag == std::string_view::npos) return out;
  std::string_view head = rest.substr(0, flag);
  std::size_t id_start = head.rfind(' ');
  out.queue_id = id_start == std::string_view::npos ? head : head.substr(id_start + 1);
  if (out.queue_id.size() < 6 || out.queue_id.find('-') == std::string_view::npos) {
    out.kind = LogLineKind::kMalformed;
    return out;
  }
  std::string_view tail = rest.substr(flag + 4);
  std::size_t sp = tail.find(' ');
  std::string_view addr = tail.substr(0, sp);
  if (kind == LogLineKind::kSender) {
    out.address = addr == "<>" ? std::string_view() : addr;
    out.kind = kind;
    return out;
  }
  // "=> local <ops@army.mil>": the original address follows in brackets.
  if (addr.find('@') == std::string_view::npos && sp != std::string_view::npos) {
    std::string_view more = tail.substr(sp + 1);
    std::size_t close = more.find('>');
    if (!more.empty() && more.front() == '<' && close != std::string_view::npos) {
      addr = more.substr(1, close - 1);
    }
  }
  if (addr.find('@') == std::string_view::npos) {
    out.kind = LogLineKind::kMalformed;
    return out;
  }
  out.address = addr;
  std::size_t h = tail.find(" H=");
  if (h != std::string_view::npos) {
    std::string_view host = tail.substr(h + 3);
    out.relay = RelayHost(host.substr(0, host.find(' ')));
  }
  out.kind = kind;
  return out;
}

}  // namespace

LogLine ParseLogLine(std::string_view line, LogFormat format) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  switch (format) {
    case LogFormat::kPostfix:
      return ParseSyslog(line, "postfix", " status=sent");
    case LogFormat::kSendmail:
      return ParseSyslog(line, "sendmail", " stat=Sent");
    case LogFormat::kExim:
      return ParseExim(line);
  }
  return {};
}

std::optional<SentLine> ParseSentLine(std::string_view line, LogFormat format) {
  LogLine l = ParseLogLine(line, format);
  if (l.kind != LogLineKind::kSent) return std::nullopt;
  return SentLine{std::string(l.time), std::string(l.queue_id), AsciiLower(l.address),
                  std::string(l.relay)};
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
