#include "cli/message_json.h"

namespace sendguard {
using nlohmann::json;

namespace {

json AddressesJson(const std::vector<Address>& list) {
  json out = json::array();
  for (const Address& a : list) out.push_back({{"name", a.name}, {"address", a.address}});
  return out;
}

}  // namespace

json MessageToJson(const Message& m) {
  json headers = json::array();
  for (const Header& h : m.headers()) headers.push_back({{"name", h.name}, {"value", h.value}});
  json parts = json::array();
  for (const Part& p : m.parts()) {
    json part = {{"content_type", p.content_type}, {"parent", p.parent}, {"depth", p.depth}};
    if (!p.filename.empty()) part["filename"] = p.filename;
    if (!p.other_filenames.empty()) part["other_filenames"] = p.other_filenames;
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
          {"defects", DefectsJson(m)},
          {"uninspected", UninspectedJson(m)}};
}

json ScanRecordJson(const std::string& source, const Message& m, const Decision& decision) {
  json r = DecisionJson(m, decision);
  r["source"] = source;
  return r;
}

}  // namespace sendguard
