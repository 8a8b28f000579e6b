#include "contacts/address_judge.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "recipients/domain.h"
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
// Recipients mailed together this often are one of the sender's groups.
constexpr std::uint64_t kGroupHabit = 2;

unsigned char Byte(char c) { return static_cast<unsigned char>(c); }

// Two local parts that spell one name ("john_smith", "john.smith").
bool SpellsTheSameName(std::string_view a, std::string_view b) {
  const std::string key = LocalPartNameKey(a);
  return !key.empty() && key == LocalPartNameKey(b);
}

// Two domains with one registrable name ("ca.ml.com", "ml.com").
bool SameOrganisation(std::string_view a, std::string_view b) {
  if (a == b) return true;
  Result<DomainName> x = ParseDomain(a), y = ParseDomain(b);
  return x.ok() && y.ok() && x->registrable == y->registrable;
}

std::string Times(std::uint64_t n) {
  return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

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
    by_domain_[std::string(DomainOf(address))].locals.emplace_back(std::string(local), n);
  });
  for (auto& entry : by_domain_) {
    DomainAddresses& d = entry.second;  // a plain reference: lambdas capture it
    std::sort(d.locals.begin(), d.locals.end(), [](const auto& a, const auto& b) {
      return std::make_tuple(Byte(a.first.front()), a.first.size(), std::string_view(a.first)) <
             std::make_tuple(Byte(b.first.front()), b.first.size(), std::string_view(b.first));
    });
    d.by_last.resize(d.locals.size());
    for (std::uint32_t i = 0; i < d.by_last.size(); ++i) d.by_last[i] = i;
    std::stable_sort(d.by_last.begin(), d.by_last.end(), [&](std::uint32_t a, std::uint32_t b) {
      const std::string& x = d.locals[a].first;
      const std::string& y = d.locals[b].first;
      return std::make_pair(Byte(x.back()), x.size()) < std::make_pair(Byte(y.back()), y.size());
    });
  }
}

std::optional<AddressJudge::Target> AddressJudge::NearestAddress(std::string_view address,
                                                                 const ContactView* c) const {
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
    c->ForEachInDomain(domain, [&](std::string_view known, std::uint64_t messages) {
      consider(LocalOf(known), messages, true);
    });
  }
  auto it = by_domain_.find(domain);
  if (it == by_domain_.end() || local.empty()) return best;
  const DomainAddresses& d = it->second;
  const unsigned char first = Byte(local.front()), last = Byte(local.back());
  // Lengths one shorter to one longer than the typed local part.
  const std::size_t shortest = local.size() - 1, longest = local.size() + 1;
  auto same_first = std::lower_bound(
      d.locals.begin(), d.locals.end(), std::make_pair(first, shortest),
      [](const std::pair<std::string, std::uint64_t>& k, std::pair<unsigned char, std::size_t> v) {
        return std::make_pair(Byte(k.first.front()), k.first.size()) < v;
      });
  for (; same_first != d.locals.end() && Byte(same_first->first.front()) == first &&
         same_first->first.size() <= longest;
       ++same_first) {
    consider(same_first->first, same_first->second, false);
  }
  auto same_last =
      std::lower_bound(d.by_last.begin(), d.by_last.end(), std::make_pair(last, shortest),
                       [&](std::uint32_t i, std::pair<unsigned char, std::size_t> v) {
                         const std::string& k = d.locals[i].first;
                         return std::make_pair(Byte(k.back()), k.size()) < v;
                       });
  for (; same_last != d.by_last.end(); ++same_last) {
    const auto& [known, n] = d.locals[*same_last];
    if (Byte(known.back()) != last || known.size() > longest) break;
    if (Byte(known.front()) != first) consider(known, n, false);  // the first bucket had it
  }
  return best;
}

void AddressJudge::JudgeAddress(std::string_view display_name, const MessageRecipients& m,
                                RecipientVerdict* v) const {
  const std::string address = AsciiLower(v->address);
  if (mailing_lists_.contains(address) || Flagged(*v)) return;
  const std::string_view local = LocalOf(address);
  const std::string base = std::string(local) + "@" + std::string(DomainOf(address));
  const ContactView* c = m.contacts;
  const bool tagged = base != address;  // "+tag" dropped
  const bool sender_knows = c != nullptr && (c->Knows(address) || (tagged && c->Knows(base)));
  if (sender_knows) return;
  const bool org_knows =
      history_.AddressMessages(address) > 0 || (tagged && history_.AddressMessages(base) > 0);
  const bool role = roles_.contains(std::string(local));

  if (!org_knows && !role) {
    std::optional<Target> t = NearestAddress(base, c);
    if (t && SpellsTheSameName(local, LocalOf(t->address))) {
      t.reset();  // john_smith for john.smith at one domain: the same person's alias
    }
    if (t) {
      std::optional<Edit> edit = ClassifyEdit(LocalOf(t->address), local);
      const Risk risk =
          t->sender_contact && t->messages >= kFirmMessages ? Risk::kHigh : Risk::kMedium;
      v->Add(risk, "address-typo",
             "no message was ever sent to " + address + "; it is one slip from " + t->address +
                 (edit ? " (" + edit->detail + ")" : "") + ", which " +
                 (t->sender_contact ? "this sender" : "the organisation") + " mailed " +
                 Times(t->messages));
      v->suggestion = t->address;
      return;
    }
  }
  if (c == nullptr || c->empty()) return;
  std::string key = NameKey(display_name);
  const bool by_display = !key.empty();
  if (!by_display) key = LocalPartNameKey(local);
  std::optional<ContactView::Known> known = c->Named(key, address);
  if (known && SameOrganisation(DomainOf(address), DomainOf(known->address))) {
    known.reset();  // steven.j.kean for steven.kean at one organisation: an alias, no namesake
  }
  if (known) {
    const Risk risk = known->messages >= kFirmMessages ? Risk::kHigh : Risk::kMedium;
    v->Add(risk, "name-mismatch",
           (by_display ? "\"" + std::string(TrimWhitespace(display_name)) + "\""
                       : "the name " + std::string(local)) +
               " is this sender's contact " + std::string(known->address) + " (" +
               std::to_string(known->messages) + " messages), not " + address +
               ", which this sender never wrote to");
    v->suggestion = std::string(known->address);
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
  std::vector<std::string_view> names;
  out.reserve(m.recipients.size());
  for (const std::string& r : m.recipients) {
    names.push_back(DisplayNameOf(TrimWhitespace(r), m.visible, m.hidden));
    out.push_back(Judge(r, names.back(), m));
  }
  MarkUnusual(m, names, &out);
  MarkVisible(m, &out);
  return out;
}

std::optional<std::string> AddressJudge::SimilarMember(std::string_view address,
                                                       std::string_view display_name,
                                                       std::span<const std::string> members,
                                                       const ContactView& c) const {
  const std::string_view local = LocalOf(address);
  std::string key = NameKey(display_name);
  if (key.empty()) key = LocalPartNameKey(local);
  const std::optional<ContactView::Known> named = c.Named(key, address);
  for (const std::string& member : members) {
    if (!c.Knows(member)) continue;
    const std::string_view known = LocalOf(member);
    const bool same_person =
        (!key.empty() && (LocalPartNameKey(known) == key || (named && named->address == member)));
    const bool same_local = known == local && known.size() >= kMinLocal;
    const bool one_slip =
        known.size() >= 5 && local.size() >= 5 && BoundedEditDistance(known, local, 1) == 1;
    if (same_person || same_local || one_slip) return member;
  }
  return std::nullopt;
}

void AddressJudge::MarkUnusual(const MessageRecipients& m, std::span<const std::string_view> names,
                               std::vector<RecipientVerdict>* verdicts) const {
  const ContactView* c = m.contacts;
  if (!options_.per_sender || c == nullptr || c->empty() || verdicts->size() <= kMinGroup) return;
  std::vector<std::string> all;
  all.reserve(verdicts->size());
  for (const RecipientVerdict& v : *verdicts) all.push_back(AsciiLower(TrimWhitespace(v.address)));
  for (std::size_t i = 0; i < verdicts->size(); ++i) {
    RecipientVerdict& v = (*verdicts)[i];
    if (!v.external || v.domain.empty() || Flagged(v) || v.Has("address-typo") ||
        v.Has("name-mismatch") || c->Knows(all[i])) {
      continue;
    }
    std::vector<std::string> others;
    for (std::size_t j = 0; j < all.size(); ++j) {
      if (j != i && all[j] != all[i]) others.push_back(all[j]);
    }
    const std::uint64_t together = c->GroupMessages(RecipientGroupSignature(others));
    if (together < kGroupHabit) continue;
    const std::optional<std::string> meant = SimilarMember(all[i], names[i], others, *c);
    const std::string detail = "this sender never wrote to " + all[i] +
                               " and added it to recipients mailed together " + Times(together) +
                               (meant ? "; it looks like " + *meant + ", one of them" : "");
    v.Add(meant ? Risk::kMedium : Risk::kLow, "unusual-recipient", detail);
    if (meant && !v.suggestion) v.suggestion = *meant;
  }
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
