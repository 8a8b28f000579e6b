#include "cli/message_json.h"

namespace sendguard {
namespace {

using nlohmann::json;

json AddressesJson(const std::vector<Address>& list) {
  json out = json::array();
  for (const Address& a : list) out.push_back({{"name", a.name}, {"address", a.address}});
  return out;
}

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

}  // namespace

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
  return j;
}

json MessageToJson(const Message& m) {
  json headers = json::array();
  for (const Header& h : m.headers()) headers.push_back({{"name", h.name}, {"value", h.value}});
  json parts = json::array();
  for (const Part& p : m.parts()) {
    json part = {{"content_type", p.content_type}, {"parent", p.parent}, {"depth", p.depth}};
    if (!p.filename.empty()) part["filename"] = p.filename;
    if (!p.charset.empty()) part["charset"] = p.charset;
    if (!p.transfer_encoding.empty()) part["transfer_encoding"] = p.transfer_encoding;
    if (p.attachment) part["attachment"] = true;
    part["size"] = p.size;
    if (!p.label.empty()) part["source"] = p.label;
    parts.push_back(std::move(part));
  }
  json texts = json::array();
  for (const TextSegment& t : m.texts()) {
    texts.push_back({{"source", t.source}, {"part", t.part}, {"text", t.text}});
  }
  json envelope = {{"mail_from", m.envelope().mail_from}, {"rcpt_to", m.envelope().rcpt_to}};
  return {{"message_id", m.message_id()},
          {"date", m.date()},
          {"subject", m.subject()},
          {"size", m.raw_size()},
          {"envelope", envelope},
          {"from", AddressesJson(m.from())},
          {"to", AddressesJson(m.to())},
          {"cc", AddressesJson(m.cc())},
          {"bcc", AddressesJson(m.bcc())},
          {"reply_to", AddressesJson(m.reply_to())},
          {"headers", headers},
          {"parts", parts},
          {"texts", texts},
          {"limits", LimitsJson(m)},
          {"encrypted", EncryptedJson(m)},
          {"defects", DefectsJson(m)}};
}

json ScanRecordJson(const std::string& source, const Message& m, const Decision& decision) {
  json recipients = json::array();
  for (const RecipientVerdict& v : decision.recipients) recipients.push_back(RecipientJson(v));
  json findings = json::array();
  for (const Finding& f : decision.findings) findings.push_back(FindingJson(f));
  json r = {{"source", source},
            {"message_id", m.message_id()},
            {"action", ActionName(decision.action)},
            {"rule", decision.rule.empty() ? json(nullptr) : json(decision.rule)},
            {"reason", decision.reason.empty() ? json(nullptr) : json(decision.reason)},
            {"recipients", recipients},
            {"findings", findings},
            {"limits", LimitsJson(m)},
            {"encrypted", EncryptedJson(m)},
            {"defects", DefectsJson(m)}};
  if (decision.audit) r["policy_action"] = ActionName(decision.policy_action);
  if (!decision.suspects.empty()) r["suspects"] = decision.suspects;
  if (decision.partial) r["partial"] = true;
  return r;
}

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
