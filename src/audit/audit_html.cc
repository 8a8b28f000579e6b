// The HTML form of an audit report (see audit_output.h).

#include <algorithm>
#include <chrono>
#include <sstream>
#include <utility>
#include <vector>

#include "audit/audit_output.h"

namespace sendguard {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::chrono::sys_days> ParseDay(const std::string& s) {
  if (s.size() < 10) return std::nullopt;
  std::chrono::year_month_day ymd{
      std::chrono::year(std::stoi(s.substr(0, 4))),
      std::chrono::month(static_cast<unsigned>(std::stoi(s.substr(5, 2)))),
      std::chrono::day(static_cast<unsigned>(std::stoi(s.substr(8, 2))))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

std::string FormatDay(std::chrono::sys_days d) {
  std::chrono::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// (label, count) buckets from the first to the last day, empty days
// included; by month when the span is longer than about a year.
std::vector<std::pair<std::string, std::uint64_t>> Buckets(
    const std::map<std::string, std::uint64_t>& per_day) {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  if (per_day.empty()) return out;
  auto first = ParseDay(per_day.begin()->first), last = ParseDay(per_day.rbegin()->first);
  if (!first || !last) return out;
  if ((*last - *first).count() > 400) {
    std::map<std::string, std::uint64_t> months;
    for (const auto& [day, n] : per_day) months[day.substr(0, 7)] += n;
    return {months.begin(), months.end()};
  }
  for (std::chrono::sys_days d = *first; d <= *last; d += std::chrono::days(1)) {
    std::string label = FormatDay(d);
    auto it = per_day.find(label);
    out.emplace_back(label, it == per_day.end() ? 0 : it->second);
  }
  return out;
}

void TimelineSvg(const AuditSummary& sum, std::ostream& out) {
  auto buckets = Buckets(sum.per_day);
  if (buckets.empty()) {
    out << "<p class=\"none\">No dated suspect deliveries.</p>\n";
    return;
  }
  const int width = 960, height = 280, left = 48, bottom = 40, top = 16;
  std::uint64_t peak = 1;
  for (const auto& b : buckets) peak = std::max(peak, b.second);
  // Whole-number gridlines: up to 4 steps of a whole size, the top one at or above the peak.
  const std::uint64_t steps = std::min<std::uint64_t>(4, peak);
  const std::uint64_t step = (peak + steps - 1) / steps;
  const std::uint64_t max = step * steps;
  double slot = static_cast<double>(width - left - 8) / static_cast<double>(buckets.size());
  double plot_h = height - bottom - top;
  out << "<svg id=\"timeline\" role=\"img\" aria-label=\"Suspect messages per day\" viewBox=\"0 0 "
      << width << " " << height << "\" width=\"100%\">\n";
  for (std::uint64_t i = 0; i <= steps; ++i) {
    double y = top + plot_h * (1.0 - static_cast<double>(i) / static_cast<double>(steps));
    out << "<line x1=\"" << left << "\" x2=\"" << width - 8 << "\" y1=\"" << y << "\" y2=\"" << y
        << "\" class=\"grid\"/><text x=\"" << left - 6 << "\" y=\"" << y + 4
        << "\" class=\"axis\" text-anchor=\"end\">" << step * i << "</text>\n";
  }
  std::size_t label_every = std::max<std::size_t>(1, buckets.size() / 10);
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    double h = plot_h * static_cast<double>(buckets[i].second) / static_cast<double>(max);
    double x = left + slot * static_cast<double>(i);
    out << "<rect class=\"bar\" x=\"" << x + slot * 0.1 << "\" y=\"" << top + plot_h - h
        << "\" width=\"" << std::max(1.0, slot * 0.8) << "\" height=\"" << h << "\"><title>"
        << Esc(buckets[i].first) << ": " << buckets[i].second << " messages</title></rect>\n";
    if (i % label_every == 0) {
      out << "<text class=\"axis\" x=\"" << x + slot / 2 << "\" y=\"" << height - bottom + 16
          << "\" text-anchor=\"middle\">" << Esc(buckets[i].first) << "</text>\n";
    }
  }
  out << "</svg>\n";
}

void TopDomainsSvg(const AuditReport& r, std::ostream& out) {
  std::size_t n = std::min<std::size_t>(r.suspects.size(), 10);
  if (n == 0) return;
  const int width = 960, row = 26, label_w = 320;
  std::uint64_t max = std::max<std::uint64_t>(1, r.suspects.front().messages);
  out << "<svg id=\"top-domains\" role=\"img\" aria-label=\"Top suspect domains\" viewBox=\"0 0 "
      << width << " " << n * row + 8 << "\" width=\"100%\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const SuspectDomain& s = r.suspects[i];
    double w = (width - label_w - 80) * static_cast<double>(s.messages) / static_cast<double>(max);
    double y = static_cast<double>(i * row) + 4;
    out << "<text class=\"label\" x=\"" << label_w - 8 << "\" y=\"" << y + 15
        << "\" text-anchor=\"end\">" << Esc(s.domain) << " → " << Esc(s.intended) << "</text>"
        << "<rect class=\"bar " << Esc(s.reason) << "\" x=\"" << label_w << "\" y=\"" << y
        << "\" width=\"" << std::max(1.0, w) << "\" height=\"" << row - 8 << "\"/>"
        << "<text class=\"axis\" x=\"" << label_w + w + 6 << "\" y=\"" << y + 15 << "\">"
        << s.messages << "</text>\n";
  }
  out << "</svg>\n";
}

constexpr const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1040px;color:#1d2329;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #d8dde3;padding-bottom:.3em}
.meta{color:#5a6570}.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1.2em 0}
.card{border:1px solid #d8dde3;border-radius:6px;padding:.8em 1.2em;min-width:140px}
.card b{display:block;font-size:1.8em}.card.alert b{color:#b3261e}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:.35em .6em;border-bottom:1px solid #e4e8ec;vertical-align:top}
th{background:#f3f5f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{fill:#b3261e}.bar.typo{fill:#d9822b}.bar.missing-dot{fill:#8e44ad}.bar.homoglyph{fill:#1f6feb}
.grid{stroke:#e4e8ec}.axis{font-size:11px;fill:#5a6570}.label{font-size:12px;fill:#1d2329}
code{font-size:12px}.none{color:#5a6570}
@media print{body{margin:0}}
)";

}  // namespace

void WriteAuditHtml(const AuditReport& r, const std::string& generated, std::ostream& out) {
  const AuditSummary& sum = r.summary;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>sendguard audit: deliveries to lookalike domains</title><style>" << kStyle
      << "</style></head><body>\n<h1>Deliveries to typo and lookalike domains</h1>\n"
      << "<p class=\"meta\">sendguard audit, generated " << Esc(generated) << ". Period of suspect "
      << "deliveries: "
      << (sum.first_seen.empty() ? "none" : Esc(sum.first_seen) + " to " + Esc(sum.last_seen))
      << ".</p>\n<div class=\"cards\">"
      << "<div class=\"card alert\" id=\"total-messages\"><b>" << sum.suspect_messages
      << "</b>suspect messages</div><div class=\"card\"><b>" << sum.suspect_domains
      << "</b>suspect domains</div><div class=\"card\"><b>" << sum.suspect_senders
      << "</b>senders</div><div class=\"card\"><b>" << sum.read.deliveries
      << "</b>deliveries read</div></div>\n<h2>Suspect messages per day</h2>\n";
  TimelineSvg(sum, out);
  out << "<h2>Top suspect domains</h2>\n";
  if (r.suspects.empty()) out << "<p class=\"none\">None found.</p>\n";
  TopDomainsSvg(r, out);
  out << "<h2>By intended domain</h2>\n<table><tr><th>Intended domain</th><th>Lookalikes</th>"
      << "<th>Messages</th><th>Senders</th><th>First seen</th><th>Last seen</th></tr>\n";
  for (const IntendedTotals& t : r.intended) {
    std::string suspects;
    for (const std::string& s : t.suspects) suspects += (suspects.empty() ? "" : ", ") + s;
    out << "<tr><td>" << Esc(t.domain) << "</td><td>" << Esc(suspects) << "</td><td class=\"n\">"
        << t.messages << "</td><td class=\"n\">" << t.senders << "</td><td>" << Esc(t.first_seen)
        << "</td><td>" << Esc(t.last_seen) << "</td></tr>\n";
  }
  out << "</table>\n<h2>Suspect domains</h2>\n<table id=\"suspects\"><tr><th>Domain</th><th>Meant "
      << "for</th><th>Reason</th><th>Messages</th><th>Senders</th><th>Recipients</th><th>First "
      << "seen</th><th>Last seen</th><th>Relays</th></tr>\n";
  for (const SuspectDomain& s : r.suspects) {
    std::string recipients, relays;
    for (const std::string& x : s.recipients) recipients += (recipients.empty() ? "" : ", ") + x;
    for (const std::string& x : s.relays) relays += (relays.empty() ? "" : ", ") + x;
    out << "<tr><td><code>" << Esc(s.domain) << "</code></td><td><code>" << Esc(s.intended)
        << "</code></td><td title=\"" << Esc(s.detail) << "\">" << Esc(s.reason)
        << "</td><td class=\"n\">" << s.messages << "</td><td class=\"n\">" << s.senders.size()
        << "</td><td>" << Esc(recipients) << "</td><td>" << Esc(s.first_seen) << "</td><td>"
        << Esc(s.last_seen) << "</td><td>" << Esc(relays) << "</td></tr>\n";
  }
  std::ostringstream read;
  read << sum.files << " inputs, " << sum.read.lines << " log lines, " << sum.read.messages
       << " mailbox messages, " << sum.read.deliveries << " deliveries to " << sum.domains_seen
       << " domains, " << sum.read.malformed << " malformed lines; established domains "
       << (sum.learned_history ? "learned from the inputs" : "from the given history") << " ("
       << sum.history_domains << ").";
  out << "</table>\n<h2>What was read</h2>\n<p>" << Esc(read.str()) << "</p>\n";
  for (const std::string& e : sum.errors) out << "<p class=\"none\">Error: " << Esc(e) << "</p>\n";
  out << "</body></html>\n";
}

}  // namespace sendguard
