#include "contacts/address_judge.h"

#include <algorithm>
#include <set>

#include "recipients/edit_kind.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// An organisation-wide address mailed fewer times is no typo target: one
// message to a mistyped address must not make it the target of the next.
constexpr std::uint64_t kMinTargetMessages = 2;
// A contact with this many messages from the sender is a firm habit.
constexpr std::uint64_t kFirmMessages = 3;
// Local parts shorter than this are too close to too many others.
constexpr std::size_t kMinLocal = 3;

bool Flagged(const RecipientVerdict& v) {
  for (const RecipientReason& r : v.reasons) {
    if (r.code == "tld-typo" || r.code == "typo" || r.code == "homoglyph" ||
        r.code == "missing-dot" || r.code == "invalid-domain") {
      return true;
    }
  }
  return false;
}

std::string_view DisplayNameOf(std::string_view address, std::span<const Address> a,
                               std::span<const Address> b) {
  for (std::span<const Address> list : {a, b}) {
    for (const Address& x : list) {
      if (!x.name.empty() && EqualsIgnoreCase(TrimWhitespace(x.address), address)) return x.name;
    }
  }
  return {};
}

}  // namespace

AddressJudge::AddressJudge(const RecipientAnalyzer& domains, const History& history)
    : domains_(domains), history_(history), options_(domains.options()) {
  for (const std::string& a : options_.mailing_lists) mailing_lists_.insert(AsciiLower(a));
  for (const std::string& r : options_.role_local_parts) roles_.insert(AsciiLower(r));
  if (!options_.per_sender) return;
  history_.ForEachAddress([&](const std::string& address, std::uint64_t n) {
    if (n < kMinTargetMessages) return;
    std::string_view local = LocalOf(address);
    if (local.size() < kMinLocal) return;
    by_domain_[std::string(DomainOf(address))].emplace_back(std::string(local), n);
  });
}

std::optional<AddressJudge::Target> AddressJudge::NearestAddress(std::string_view address,
                                                                 const SenderContacts* c) const {
  const std::string_view local = LocalOf(address);
  const std::string_view domain = DomainOf(address);
  std::optional<Target> best;
  auto consider = [&](std::string_view known, std::uint64_t messages, bool own) {
    if (known.size() < kMinLocal || known == local) return;
    if (known.size() + 1 < local.size() || local.size() + 1 < known.size()) return;
    if (BoundedEditDistance(known, local, 1) != 1) return;
    if (best && (best->sender_contact > own ||
                 (best->sender_contact == own && best->messages >= messages))) {
      return;
    }
    best = Target{std::string(known) + "@" + std::string(domain), messages, own};
  };
  if (c != nullptr) {
    for (const Contact& k : c->InDomain(domain)) consider(LocalOf(k.address), k.messages, true);
  }
  if (auto it = by_domain_.find(std::string(domain)); it != by_domain_.end()) {
    for (const auto& [known, n] : it->second) consider(known, n, false);
  }
  return best;
}

void AddressJudge::JudgeAddress(std::string_view display_name, const MessageRecipients& m,
                                RecipientVerdict* v) const {
  const std::string address = AsciiLower(v->address);
  if (mailing_lists_.contains(address) || Flagged(*v)) return;
  const std::string_view local = LocalOf(address);
  const std::string base = std::string(local) + "@" + std::string(DomainOf(address));
  const SenderContacts* c = m.contacts;
  const bool sender_knows = c != nullptr && (c->Find(address) != nullptr || c->Find(base));
  if (sender_knows) return;
  const bool org_knows =
      history_.AddressMessages(address) > 0 || history_.AddressMessages(base) > 0;
  const bool role = roles_.contains(std::string(local));

  if (!org_knows && !role) {
    if (std::optional<Target> t = NearestAddress(base, c)) {
      std::optional<Edit> edit = ClassifyEdit(LocalOf(t->address), local);
      const Risk risk =
          t->sender_contact && t->messages >= kFirmMessages ? Risk::kHigh : Risk::kMedium;
      v->Add(risk, "address-typo",
             "no message was ever sent to " + address + "; it is one slip from " + t->address +
                 (edit ? " (" + edit->detail + ")" : "") + ", which " +
                 (t->sender_contact ? "this sender" : "the organisation") + " mailed " +
                 std::to_string(t->messages) + " times");
      v->suggestion = t->address;
      return;
    }
  }
  if (c == nullptr || c->empty()) return;
  std::string key = NameKey(display_name);
  const bool by_display = !key.empty();
  if (!by_display) key = LocalPartNameKey(local);
  if (const Contact* known = c->ByName(key, address)) {
    const Risk risk = known->messages >= kFirmMessages ? Risk::kHigh : Risk::kMedium;
    v->Add(risk, "name-mismatch",
           (by_display ? "\"" + std::string(TrimWhitespace(display_name)) + "\""
                       : "the name " + std::string(local)) +
               " is this sender's contact " + known->address + " (" +
               std::to_string(known->messages) + " messages), not " + address +
               ", which this sender never wrote to");
    v->suggestion = known->address;
    return;
  }
  if (org_knows && v->external) {
    v->Add(Risk::kLow, "new-for-sender",
           "the organisation writes to " + address + ", but this sender never did");
  }
}

RecipientVerdict AddressJudge::Judge(std::string_view address, std::string_view display_name,
                                     const MessageRecipients& m) const {
  RecipientVerdict v = domains_.Analyze(address, RecipientQuery{m.sender, m.recipients});
  if (options_.per_sender && !v.domain.empty()) JudgeAddress(display_name, m, &v);
  return v;
}

std::vector<RecipientVerdict> AddressJudge::JudgeMessage(const MessageRecipients& m) const {
  std::vector<RecipientVerdict> out;
  out.reserve(m.recipients.size());
  for (const std::string& r : m.recipients) {
    out.push_back(Judge(r, DisplayNameOf(TrimWhitespace(r), m.visible, m.hidden), m));
  }
  MarkVisible(m, &out);
  return out;
}

void AddressJudge::MarkVisible(const MessageRecipients& m,
                               std::vector<RecipientVerdict>* verdicts) const {
  std::set<std::string> visible;
  for (const Address& a : m.visible) visible.insert(AsciiLower(TrimWhitespace(a.address)));
  std::set<std::string> external, domains;
  for (const RecipientVerdict& v : *verdicts) {
    const std::string a = AsciiLower(v.address);
    if (v.external && visible.contains(a)) {
      external.insert(a);
      domains.insert(v.domain);
    }
  }
  if (external.size() <= options_.visible_external || domains.size() <= options_.visible_domains) {
    return;
  }
  const std::string detail = std::to_string(external.size()) + " external addresses from " +
                             std::to_string(domains.size()) +
                             " domains see each other in To and Cc; Bcc would keep them apart";
  for (RecipientVerdict& v : *verdicts) {
    if (external.contains(AsciiLower(v.address)) && !v.Has("many-external-visible")) {
      v.Add(Risk::kLow, "many-external-visible", detail);
    }
  }
}

}  // namespace sendguard
