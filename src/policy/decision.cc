#include "policy/decision.h"

namespace sendguard {

Decision Evaluate(const Message& message, const Context& context) {
  Decision d;
  for (const std::string& r : message.recipients()) {
    d.recipients.push_back(context.recipients().Analyze(r));
  }
  return d;
}

}  // namespace sendguard
