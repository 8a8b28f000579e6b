#include "http/json_body.h"

#include <string>

namespace sendguard {
namespace {

// Checks the structure of `text` without building it: strings are skipped
// (with their escapes), brackets and commas outside them counted.
Status CheckBounds(std::string_view text, const JsonBounds& bounds) {
  int depth = 0;
  std::size_t values = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > bounds.max_depth) {
          return InvalidArgumentError("JSON nested deeper than " +
                                      std::to_string(bounds.max_depth) + " levels");
        }
        [[fallthrough]];
      case ',':
        if (++values > bounds.max_values) {
          return InvalidArgumentError("JSON with more than " + std::to_string(bounds.max_values) +
                                      " values");
        }
        break;
      case ']':
      case '}':
        --depth;
        break;
      default:
        break;
    }
  }
  return OkStatus();
}

}  // namespace

Result<nlohmann::json> ParseBoundedJson(std::string_view text, const JsonBounds& bounds) {
  Status bounded = CheckBounds(text, bounds);
  if (!bounded.ok()) return bounded;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgumentError("not JSON");
  return j;
}

}  // namespace sendguard
