// Request bodies as JSON, within bounds: nesting depth and number of values
// are checked on the bytes before anything is built, so that a small body
// cannot become a tree many times its size (nlohmann::json spends tens of
// bytes per value and recurses once per level).

#ifndef SENDGUARD_HTTP_JSON_BODY_H_
#define SENDGUARD_HTTP_JSON_BODY_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "sendguard/status.h"

namespace sendguard {

struct JsonBounds {
  int max_depth = 32;               // arrays and objects inside each other
  std::size_t max_values = 100000;  // array elements and object members, all levels
};

// The JSON value in `text`. InvalidArgument, saying which, when `text` is
// not JSON or passes a bound.
Result<nlohmann::json> ParseBoundedJson(std::string_view text, const JsonBounds& bounds = {});

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_JSON_BODY_H_
