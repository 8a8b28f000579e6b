#include "service/held_json.h"

namespace sendguard {

nlohmann::json HeldMessageJson(const HeldMessage& h) {
  return {{"id", h.id},
          {"created", h.created},
          {"mail_from", h.mail_from},
          {"recipients", h.recipients},
          {"subject", h.subject},
          {"action", h.action},
          {"rule", h.rule},
          {"reason", h.reason},
          {"status", HeldStatusName(h.status)},
          {"updated", h.updated},
          {"actor", h.actor},
          {"note", h.note}};
}

}  // namespace sendguard
