// The JSON form of a held message, as the command line and the API show it.

#ifndef SENDGUARD_SERVICE_HELD_JSON_H_
#define SENDGUARD_SERVICE_HELD_JSON_H_

#include <nlohmann/json.hpp>

#include "store/quarantine_store.h"

namespace sendguard {

// A held message without its bytes or decision: id, times, envelope,
// subject, rule, reason, status and who changed it last.
nlohmann::json HeldMessageJson(const HeldMessage& held);

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_HELD_JSON_H_
