#include "store/quarantine_store.h"

namespace sendguard {

std::string_view HeldStatusName(HeldStatus status) {
  switch (status) {
    case HeldStatus::kHeld:
      return "held";
    case HeldStatus::kReleased:
      return "released";
    case HeldStatus::kDeleted:
      return "deleted";
  }
  return "held";
}

std::optional<HeldStatus> ParseHeldStatus(std::string_view name) {
  for (HeldStatus s : {HeldStatus::kHeld, HeldStatus::kReleased, HeldStatus::kDeleted}) {
    if (HeldStatusName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace sendguard
