#include "formats/html_style.h"

#include <algorithm>
#include <cctype>

#include "util/strings.h"

namespace sendguard {
namespace {

// A CSS length or number that is zero: "0", "0px", ".0em", "0%", "-0".
bool IsZero(std::string_view v) {
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
  bool digit = false;
  for (; i < v.size() && (v[i] == '0' || v[i] == '.'); ++i) digit |= v[i] == '0';
  if (!digit) return false;
  for (; i < v.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(v[i])) && v[i] != '%') return false;
  }
  return true;
}

std::string_view StripImportant(std::string_view v) {
  std::size_t bang = v.find('!');
  return bang == std::string_view::npos ? v : TrimWhitespace(v.substr(0, bang));
}

struct Seen {
  bool hides = false;
  bool zero_box = false;
  bool overflow_hidden = false;
};

void Declaration(std::string_view prop, std::string_view value, Seen* seen) {
  auto is = [&](std::string_view p) { return EqualsIgnoreCase(prop, p); };
  auto value_is = [&](std::string_view v) { return EqualsIgnoreCase(value, v); };
  if (is("display")) {
    seen->hides |= value_is("none");
  } else if (is("visibility")) {
    seen->hides |= value_is("hidden") || value_is("collapse");
  } else if (is("font-size") || is("opacity")) {
    seen->hides |= IsZero(value);
  } else if (is("mso-hide")) {
    seen->hides |= value_is("all");
  } else if (is("height") || is("max-height") || is("width") || is("max-width")) {
    seen->zero_box |= IsZero(value);
  } else if (is("overflow")) {
    seen->overflow_hidden |= value_is("hidden");
  }
}

}  // namespace

bool StyleHides(std::string_view declarations) {
  Seen seen;
  while (!declarations.empty()) {
    std::size_t end = declarations.find(';');
    std::string_view decl = declarations.substr(0, end);
    declarations =
        end == std::string_view::npos ? std::string_view() : declarations.substr(end + 1);
    std::size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    Declaration(TrimWhitespace(decl.substr(0, colon)),
                StripImportant(TrimWhitespace(decl.substr(colon + 1))), &seen);
  }
  return seen.hides || (seen.zero_box && seen.overflow_hidden);
}

void ForEachCssWords(std::string_view css, const std::function<void(std::string_view)>& visit) {
  std::size_t i = 0;
  while (i < css.size()) {
    char c = css[i];
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < css.size() && css[j] != c) j += css[j] == '\\' ? 2 : 1;
      j = std::min(j, css.size());
      visit(css.substr(i + 1, j - i - 1));
      i = j + 1;
    } else if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      std::size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) end = css.size();
      visit(css.substr(i + 2, end - i - 2));
      i = end + 2;
    } else {
      ++i;
    }
  }
}

}  // namespace sendguard
