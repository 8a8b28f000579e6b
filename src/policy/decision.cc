#include "policy/decision.h"

namespace sendguard {

Result<Decision> Evaluate(const Message& message, const Context& context) {
  Decision d;
  for (const std::string& r : message.recipients()) {
    d.recipients.push_back(context.recipients().Analyze(r));
  }
  Result<std::vector<Finding>> findings = context.content().Scan(message);
  if (!findings.ok()) return findings.status();
  d.findings = std::move(findings).value();
  return d;
}

}  // namespace sendguard
