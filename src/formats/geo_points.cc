#include "formats/geo_points.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sendguard {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off the next whitespace-separated token of `s`.
std::string_view NextToken(std::string_view& s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  std::size_t n = 0;
  while (n < s.size() && !IsSpace(s[n])) ++n;
  std::string_view token = s.substr(0, n);
  s.remove_prefix(n);
  return token;
}

}  // namespace

std::optional<double> ParseDegrees(std::string_view text) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

bool GeoPoints::Add(double lat, double lon) {
  if (!std::isfinite(lat) || !std::isfinite(lon) || std::fabs(lat) > 90 || std::fabs(lon) > 180) {
    ++rejected_;
    return false;
  }
  if (points_ == 0) {
    box_ = GeoBox{lat, lon, lat, lon};
  } else {
    box_.south = std::min(box_.south, lat);
    box_.north = std::max(box_.north, lat);
    box_.west = std::min(box_.west, lon);
    box_.east = std::max(box_.east, lon);
  }
  ++points_;
  return true;
}

void GeoPoints::AddLonLatTuples(std::string_view text) {
  for (std::string_view token = NextToken(text); !token.empty(); token = NextToken(text)) {
    const std::size_t c1 = token.find(',');
    if (c1 == std::string_view::npos) {
      ++rejected_;
      continue;
    }
    std::string_view rest = token.substr(c1 + 1);
    const std::size_t c2 = rest.find(',');
    const std::optional<double> lon = ParseDegrees(token.substr(0, c1));
    const std::optional<double> lat = ParseDegrees(rest.substr(0, c2));
    const bool alt_ok = c2 == std::string_view::npos || ParseDegrees(rest.substr(c2 + 1));
    if (!lon || !lat || !alt_ok) {
      ++rejected_;
      continue;
    }
    Add(*lat, *lon);
  }
}

bool GeoPoints::AddLonLatSpaced(std::string_view text) {
  const std::optional<double> lon = ParseDegrees(NextToken(text));
  const std::optional<double> lat = ParseDegrees(NextToken(text));
  const std::string_view alt = NextToken(text);
  if (!lon || !lat || (!alt.empty() && !ParseDegrees(alt)) || !Trim(text).empty()) {
    ++rejected_;
    return false;
  }
  return Add(*lat, *lon);
}

std::optional<GeoBox> GeoPoints::box() const {
  if (points_ == 0) return std::nullopt;
  return box_;
}

void GeoPoints::Record(ReadContext& ctx, std::string_view format) const {
  if (points_ == 0) return;
  ctx.Positions("geo-file", format, points_, box_);
}

}  // namespace sendguard
