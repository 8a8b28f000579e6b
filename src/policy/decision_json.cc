#include "policy/decision_json.h"

namespace sendguard {

using nlohmann::json;

json LimitsJson(const Message& m) {
  json out = json::array();
  for (const LimitHit& h : m.limit_hits()) {
    out.push_back({{"limit", h.limit}, {"where", h.where}, {"detail", h.detail}});
  }
  return out;
}

json EncryptedJson(const Message& m) {
  json out = json::array();
  for (const EncryptedPart& e : m.encrypted())
    out.push_back({{"kind", e.kind}, {"where", e.where}});
  return out;
}

json DefectsJson(const Message& m) {
  json out = json::array();
  for (const Defect& d : m.defects()) out.push_back({{"code", d.code}, {"where", d.where}});
  return out;
}

json UninspectedJson(const Message& m) {
  json out = json::array();
  for (const Uninspected& u : m.uninspected()) {
    out.push_back({{"kind", u.kind}, {"where", u.where}, {"detail", u.detail}});
  }
  return out;
}

json RecipientJson(const RecipientVerdict& v) {
  json reasons = json::array();
  for (const RecipientReason& r : v.reasons)
    reasons.push_back({{"code", r.code}, {"detail", r.detail}});
  return {{"address", v.address},
          {"domain", v.domain},
          {"risk", RiskName(v.risk)},
          {"external", v.external},
          {"trusted", v.trusted},
          {"reasons", reasons},
          {"suggestion", v.suggestion ? json(*v.suggestion) : json(nullptr)}};
}

json FindingJson(const Finding& f) {
  json j = {{"detector", f.detector},
            {"category", f.category},
            {"confidence", ConfidenceName(f.confidence)},
            {"count", f.count},
            {"where", f.where},
            {"sample", f.sample}};
  if (f.level) j["level"] = *f.level;
  if (!f.detail.empty()) j["detail"] = f.detail;
  return j;
}

json DecisionJson(const Message& m, const Decision& decision) {
  json recipients = json::array();
  for (const RecipientVerdict& v : decision.recipients) recipients.push_back(RecipientJson(v));
  json findings = json::array();
  for (const Finding& f : decision.findings) findings.push_back(FindingJson(f));
  json r = {{"message_id", m.message_id()},
            {"action", ActionName(decision.action)},
            {"rule", decision.rule.empty() ? json(nullptr) : json(decision.rule)},
            {"reason", decision.reason.empty() ? json(nullptr) : json(decision.reason)},
            {"recipients", recipients},
            {"findings", findings},
            {"limits", LimitsJson(m)},
            {"encrypted", EncryptedJson(m)},
            {"defects", DefectsJson(m)},
            {"uninspected", UninspectedJson(m)}};
  if (decision.audit) r["policy_action"] = ActionName(decision.policy_action);
  if (!decision.suspects.empty()) r["suspects"] = decision.suspects;
  if (decision.partial) r["partial"] = true;
  return r;
}

}  // namespace sendguard
