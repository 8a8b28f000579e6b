// Test helper: the findings of the built-in detectors in one text.

#ifndef SENDGUARD_CONTENT_SCAN_FOR_TEST_H_
#define SENDGUARD_CONTENT_SCAN_FOR_TEST_H_

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "content/content_scanner.h"

namespace sendguard::testing {

// Findings of the built-in detectors in `text`, by detector id.
inline std::map<std::string, Finding> Findings(std::string_view text) {
  std::map<std::string, Finding> out;
  Result<std::shared_ptr<const ContentScanner>> s = ContentScanner::Builtin();
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return out;
  Result<std::vector<Finding>> f = (*s)->ScanText(text, "body");
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  if (!f.ok()) return out;
  for (Finding& x : *f) out.emplace(x.detector, std::move(x));
  return out;
}

// The confidence of detector `id` in `text`; nullopt when it did not fire.
inline std::optional<Confidence> Detect(std::string_view id, std::string_view text) {
  std::map<std::string, Finding> f = Findings(text);
  auto it = f.find(std::string(id));
  if (it == f.end()) return std::nullopt;
  return it->second.confidence;
}

constexpr Confidence kLow = Confidence::kLow;
constexpr Confidence kMedium = Confidence::kMedium;
constexpr Confidence kHigh = Confidence::kHigh;

}  // namespace sendguard::testing

#endif  // SENDGUARD_CONTENT_SCAN_FOR_TEST_H_
