#include "content/classification_level.h"

#include <array>

namespace sendguard {
namespace {

constexpr std::array<std::string_view, 5> kLevels = {"unclassified", "restricted", "confidential",
                                                     "secret", "top-secret"};

}  // namespace

std::span<const std::string_view> ClassificationLevelNames() { return kLevels; }

int ClassificationRank(std::string_view level) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i] == level) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string_view ClassificationLevelName(int rank) {
  if (rank < 1 || rank > static_cast<int>(kLevels.size())) return {};
  return kLevels[static_cast<std::size_t>(rank) - 1];
}

}  // namespace sendguard
