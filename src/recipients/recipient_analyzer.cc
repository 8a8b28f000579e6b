#include "recipients/recipient_analyzer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <thread>

#include "recipients/domain.h"
#include "recipients/known_domains.h"
#include "recipients/skeleton.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool InAny(std::string_view domain, const std::vector<std::string>& parents) {
  return std::any_of(parents.begin(), parents.end(),
                     [&](const std::string& p) { return DomainIsOrUnder(domain, p); });
}

std::vector<std::string> Normalised(const std::vector<std::string>& domains) {
  std::vector<std::string> out;
  for (const std::string& d : domains) {
    Result<DomainName> n = ParseDomain(d);
    if (n.ok()) out.push_back(n->ascii);
  }
  return out;
}

double KindWeight(MissKind kind, const std::optional<Edit>& edit) {
  switch (kind) {
    case MissKind::kHomoglyph:
      return 1.0;
    case MissKind::kMissingDot:
      return 0.95;
    case MissKind::kTldTypo:
      return 0.95;
    case MissKind::kExtraDot:
    case MissKind::kHyphenForDot:
      return 0.9;
    case MissKind::kSuffixSwap:
    case MissKind::kGluedWww:
      return 0.85;
    case MissKind::kTypo:
      break;
  }
  if (!edit) return 0.7;
  switch (edit->kind) {
    case EditKind::kTransposition:
    case EditKind::kRepetition:
      return 0.9;
    case EditKind::kOmission:
    case EditKind::kKeyboard:
    case EditKind::kHyphenation:
      return 0.85;
    case EditKind::kInsertion:
    case EditKind::kVowelSwap:
      return 0.8;
    case EditKind::kBitFlip:
      return 0.75;
    case EditKind::kReplacement:
      return 0.7;
  }
  return 0.7;
}

// Short labels have many legitimate neighbours (ibm.com, ibn.com): a slip in
// them is weaker evidence.
double LengthWeight(std::size_t label_length) {
  if (label_length >= 6) return 1.0;
  if (label_length == 5) return 0.95;
  if (label_length == 4) return 0.85;
  if (label_length == 3) return 0.7;
  return 0.5;
}

Risk RiskOf(double score) {
  if (score >= 0.75) return Risk::kHigh;
  if (score >= 0.5) return Risk::kMedium;
  return Risk::kLow;
}

std::string_view ReasonCode(MissKind kind) {
  switch (kind) {
    case MissKind::kTldTypo:
    case MissKind::kSuffixSwap:
      return "tld-typo";
    case MissKind::kTypo:
    case MissKind::kExtraDot:
    case MissKind::kGluedWww:
      return "typo";
    case MissKind::kHomoglyph:
      return "homoglyph";
    case MissKind::kMissingDot:
    case MissKind::kHyphenForDot:
      return "missing-dot";
  }
  return "typo";
}

// The part of a bare address (no angle brackets) before its last '@'.
std::string_view LocalPart(std::string_view address) {
  return address.substr(0, address.rfind('@'));
}

// Why a label of `unicode_domain` reads as what it is not, without a
// known domain to compare with: a whole-script lookalike of Latin under a
// foreign TLD (ѕсоре.com), or digit lookalikes of other scripts (২৪.com).
std::optional<std::string> LookalikeLabel(std::string_view unicode_domain) {
  const std::size_t last_dot = unicode_domain.rfind('.');
  const std::string_view tld =
      last_dot == std::string_view::npos ? unicode_domain : unicode_domain.substr(last_dot + 1);
  std::size_t start = 0;
  while (start < unicode_domain.size()) {
    std::size_t dot = unicode_domain.find('.', start);
    if (dot == std::string_view::npos) break;  // the TLD itself
    std::string_view label = unicode_domain.substr(start, dot - start);
    if (IsWholeScriptLookalikeLabel(label, tld))
      return std::string(label) + " is written in letters of another script that look Latin";
    if (IsDigitLookalikeLabel(label))
      return std::string(label) + " is made of other scripts' lookalikes of digits";
    start = dot + 1;
  }
  return std::nullopt;
}

}  // namespace

struct RecipientAnalyzer::Scored {
  double score;
  MissKind kind;
  std::string detail;
  std::string suggestion_domain;
};

RecipientAnalyzer::RecipientAnalyzer(RecipientOptions options, const History& history)
    : options_(std::move(options)), history_(history) {
  options_.own_domains = Normalised(options_.own_domains);
  options_.trusted_domains = Normalised(options_.trusted_domains);
  options_.protected_domains = Normalised(options_.protected_domains);
  for (std::string_view w : BuiltinWebmailDomains()) webmail_.emplace(w);
  for (const std::string& w : Normalised(options_.extra_webmail_domains)) webmail_.insert(w);

  std::vector<IntendedDomain> intended;
  intended.reserve(history.domain_count() + webmail_.size() + 16);
  history.ForEachDomain([&](const std::string& d, std::uint64_t n) {
    intended.push_back(IntendedDomain{d, n, DomainOrigin::kHistory});
  });
  for (const auto* list :
       {&options_.own_domains, &options_.trusted_domains, &options_.protected_domains}) {
    for (const std::string& d : *list)
      intended.push_back(IntendedDomain{d, 0, DomainOrigin::kConfigured});
  }
  for (const std::string& d : webmail_)
    intended.push_back(IntendedDomain{d, 0, DomainOrigin::kBuiltin});
  if (options_.bundled_domains) {
    for (const std::string& d : RealDomains::Bundled().names())
      intended.push_back(IntendedDomain{d, 0, DomainOrigin::kBuiltin});
  }
  index_ = std::make_unique<TypoIndex>(std::move(intended));
  MarkQuietHistoryDomains();
  BuildTwoSlipIndex();
}

void RecipientAnalyzer::BuildTwoSlipIndex() {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> busy;  // messages, entry id
  for (std::uint32_t id = 0; id < index_->size(); ++id) {
    const IndexEntry e = index_->entry(id);
    if (e.origin == DomainOrigin::kHistory && e.messages >= options_.established_messages)
      busy.emplace_back(e.messages, id);
  }
  // Subdomains and short labels are dropped after parsing: parse a margin
  // more than are kept.
  const std::size_t parse = std::min(busy.size(), options_.two_slip_targets * 4);
  std::partial_sort(busy.begin(), busy.begin() + static_cast<std::ptrdiff_t>(parse), busy.end(),
                    std::greater<>());
  std::vector<TwoSlipTarget> targets;
  for (std::size_t i = 0; i < parse; ++i) {
    const IndexEntry e = index_->entry(busy[i].second);
    Result<DomainName> d = ParseDomain(e.domain);
    if (!d.ok() || d->ascii != d->registrable || d->label.size() < TwoSlipIndex::kMinLabel)
      continue;
    targets.push_back(TwoSlipTarget{d->label, d->suffix, e.messages});
  }
  two_slips_ = std::make_unique<TwoSlipIndex>(std::move(targets), options_.two_slip_targets);
}

std::optional<RecipientAnalyzer::Scored> RecipientAnalyzer::TwoSlips(const DomainName& d) const {
  const TwoSlipTarget* best = nullptr;
  for (const TwoSlipIndex::Match& m : two_slips_->Find(d.label, d.suffix)) {
    if (m.distance == 2 && (best == nullptr || m.target->messages > best->messages))
      best = m.target;
  }
  if (best == nullptr) return std::nullopt;
  const double ratio = static_cast<double>(best->messages);
  const double evidence = std::min(1.0, 0.8 + 0.1 * std::log10(ratio / options_.min_ratio));
  const std::string intended = best->label + "." + best->suffix;
  return Scored{0.6 * evidence, MissKind::kTypo,
                d.ascii + " looks like " + intended + " (two slips), which has " +
                    std::to_string(best->messages) + " past messages against 0",
                d.WithRegistrable(intended)};
}

void RecipientAnalyzer::MarkQuietHistoryDomains() {
  const std::size_t n = index_->size();
  quiet_.assign(n, 0);
  auto work = [this](std::size_t begin, std::size_t end) {
    for (std::size_t id = begin; id < end; ++id) {
      const IndexEntry e = index_->entry(static_cast<std::uint32_t>(id));
      if (e.origin != DomainOrigin::kHistory) continue;
      Result<DomainName> d = ParseDomain(e.domain);
      if (!d.ok() || d->ascii != e.domain) continue;
      const TypoIndex::Probe probe = index_->MakeProbe(*d);
      std::optional<IndexEntry> reg =
          d->ascii == d->registrable ? e : index_->FindRegistrable(probe);
      std::uint64_t candidate = std::max(e.messages, reg ? reg->messages : 0);
      if (candidate < options_.established_messages &&
          !BestNearMiss(probe, candidate, IsReal(*d))) {
        quiet_[id] = 1;
      }
    }
  };
  // Large histories are worked through on every core (each thread writes
  // its own range of quiet_).
  const std::size_t threads =
      n < 20000 ? 1 : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work, n * t / threads, n * (t + 1) / threads);
  }
  work(0, n / threads);
  for (std::thread& t : pool) t.join();
}

RecipientAnalyzer::~RecipientAnalyzer() = default;

bool RecipientAnalyzer::IsOwn(const DomainName& d) const {
  return InAny(d.ascii, options_.own_domains);
}

bool RecipientAnalyzer::IsTrusted(const DomainName& d) const {
  return InAny(d.ascii, options_.trusted_domains) || InAny(d.ascii, options_.protected_domains);
}

bool RecipientAnalyzer::IsWebmail(const DomainName& d) const {
  return webmail_.count(d.registrable) != 0;
}

bool RecipientAnalyzer::IsReal(const DomainName& d) const {
  return options_.bundled_domains && RealDomains::Bundled().Contains(d.registrable);
}

std::optional<RecipientAnalyzer::Scored> RecipientAnalyzer::BestNearMiss(
    const TypoIndex::Probe& probe, std::uint64_t candidate_messages, bool candidate_real) const {
  const DomainName& d = probe.candidate();
  std::optional<Scored> best;
  std::uint64_t best_messages = 0;
  auto consider = [&](Scored s, std::uint64_t intended_messages) {
    if (!best || s.score > best->score ||
        (s.score == best->score && intended_messages > best_messages)) {
      best = std::move(s);
      best_messages = intended_messages;
    }
  };
  for (const NearMiss& m : index_->Find(probe)) {
    double evidence;
    // A real domain is not a slip of another known only by name (nsa.gov,
    // nasa.gov); only the other's traffic can say it was meant.
    if (m.origin != DomainOrigin::kHistory && candidate_real && m.messages == 0) continue;
    if (m.origin != DomainOrigin::kHistory && !candidate_real) {
      // Configured or built-in: a target without history, weighing like an
      // established domain against the candidate's own traffic (army.ml
      // with 30 messages is a typo of army.mil; transom.mil with 500 is no
      // typo of transcom.mil).
      const double ratio =
          static_cast<double>(std::max(m.messages, options_.established_messages)) /
          static_cast<double>(candidate_messages + 1);
      if (ratio < options_.min_ratio) continue;
      evidence = 1.0;
    } else {
      if (m.messages < options_.min_intended_messages) continue;
      double ratio = static_cast<double>(m.messages) / static_cast<double>(candidate_messages + 1);
      if (ratio < options_.min_ratio) continue;
      evidence = std::min(1.0, 0.7 + 0.1 * std::log10(ratio / options_.min_ratio));
      if (candidate_messages == 0) evidence = std::min(1.0, evidence + 0.1);
    }
    double length = m.kind == MissKind::kTypo ? LengthWeight(d.label.size()) : 1.0;
    double score = KindWeight(m.kind, m.edit) * length * evidence;
    // A label of two or three letters has many real neighbours (af.mil,
    // ab.mil): a slip towards one is flagged only at first contact and
    // only towards a heavily used or a configured domain, as medium.
    if (m.kind == MissKind::kTypo && m.intended.size() < d.suffix.size() + 1 + 4) {
      const bool heavy = m.messages >= options_.established_messages && candidate_messages == 0;
      if (!heavy && m.origin != DomainOrigin::kConfigured) continue;
      score = std::clamp(score, 0.5, 0.74);
    }
    std::string detail = std::string(d.ascii) + " looks like " + m.intended;
    switch (m.kind) {
      case MissKind::kTldTypo:
        detail += m.edit ? " (top-level domain: " + m.edit->detail + ")" : " (top-level domain)";
        break;
      case MissKind::kTypo:
        detail += m.edit ? " (" + m.edit->detail + ")" : "";
        break;
      case MissKind::kHomoglyph:
        detail += " (lookalike characters)";
        break;
      case MissKind::kMissingDot:
        detail += " (a dot left out)";
        break;
      case MissKind::kExtraDot:
        detail += " (an extra dot)";
        break;
      case MissKind::kSuffixSwap:
        detail += " (another suffix of the same country)";
        break;
      case MissKind::kHyphenForDot:
        detail += " (a hyphen for a dot)";
        break;
      case MissKind::kGluedWww:
        detail += " (www run into the name)";
        break;
    }
    if (m.origin == DomainOrigin::kHistory) {
      detail += ", which has " + std::to_string(m.messages) + " past messages against " +
                std::to_string(candidate_messages);
    }
    consider(Scored{score, m.kind, std::move(detail), m.suggestion_domain}, m.messages);
  }
  return best;
}

std::optional<RecipientAnalyzer::Scored> RecipientAnalyzer::NearSensitiveSuffix(
    const DomainName& d) const {
  if (d.label.empty()) return std::nullopt;
  for (const std::string& s : options_.sensitive_suffixes) {
    if (d.suffix == s || BoundedEditDistance(d.suffix, s, 1) != 1) continue;
    std::optional<Edit> edit = ClassifyEdit(s, d.suffix);
    std::string detail = "." + d.suffix + " is one slip from ." + s +
                         (edit ? " (" + edit->detail + ")" : "") + ", but no " + d.label + "." + s +
                         " is known";
    return Scored{0.3, MissKind::kTldTypo, std::move(detail), ""};
  }
  return std::nullopt;
}

RecipientVerdict RecipientAnalyzer::Analyze(std::string_view address,
                                            const RecipientQuery& /*query*/) const {
  RecipientVerdict v;
  std::string_view bare = TrimWhitespace(address);
  if (bare.size() >= 2 && bare.front() == '<' && bare.back() == '>')
    bare = bare.substr(1, bare.size() - 2);
  v.address = std::string(bare);
  std::string_view domain_part = AddressDomainPart(address);
  if (domain_part.empty()) {
    v.risk = Risk::kMedium;
    v.reasons.push_back({"invalid-domain", "no domain in the address"});
    return v;
  }
  Result<DomainName> parsed = ParseDomain(domain_part);
  if (!parsed.ok()) {
    v.domain = AsciiLower(domain_part);
    v.risk = Risk::kMedium;
    v.reasons.push_back({"invalid-domain", parsed.status().message()});
    return v;
  }
  const DomainName& d = *parsed;
  v.domain = d.ascii;
  if (IsOwn(d)) {
    v.external = false;
    v.trusted = true;
    return v;
  }
  v.trusted = IsTrusted(d);
  auto raise = [&](Risk r) { v.risk = std::max(v.risk, r); };
  if (!d.known_suffix || d.label.empty()) {
    raise(Risk::kMedium);
    v.reasons.push_back({"invalid-domain", "." + d.suffix + " is not a top-level domain"});
  } else if (d.wildcard) {
    raise(Risk::kMedium);
    v.reasons.push_back({"invalid-domain", "names under ." + d.suffix +
                                               " are registered under a second-level label"});
  }
  // Counts come from the index (a registrable domain's include its
  // subdomains'; configured and built-in entries add 0).
  const TypoIndex::Probe probe = index_->MakeProbe(d);
  const std::optional<IndexEntry> exact = index_->FindExact(probe);
  std::uint64_t domain_messages = exact ? exact->messages : 0;
  std::uint64_t registrable_messages = domain_messages;
  if (d.ascii != d.registrable) {
    std::optional<IndexEntry> reg = index_->FindRegistrable(probe);
    registrable_messages = reg ? reg->messages : 0;
  }
  std::uint64_t candidate_messages = std::max(domain_messages, registrable_messages);
  bool established =
      IsTrusted(d) || IsWebmail(d) || candidate_messages >= options_.established_messages;
  // A history domain known to be near nothing bigger needs no search.
  const bool quiet = exact && quiet_[exact->id] != 0;
  if (!established) {
    std::optional<Scored> best;
    const bool real = IsReal(d);
    if (!quiet) best = BestNearMiss(probe, candidate_messages, real);
    if (!best && !quiet && !real && candidate_messages == 0) best = TwoSlips(d);
    if (best) {
      raise(RiskOf(best->score));
      v.reasons.push_back({std::string(ReasonCode(best->kind)), best->detail});
      v.suggestion = std::string(LocalPart(v.address)) + "@" + best->suggestion_domain;
      return v;
    }
    // No real domain to suggest: a first contact at a suffix one slip from
    // a sensitive one is still worth a word.
    std::optional<Scored> near =
        candidate_messages == 0 && !real ? NearSensitiveSuffix(d) : std::nullopt;
    if (near) {
      raise(RiskOf(near->score));
      v.reasons.push_back({std::string(ReasonCode(near->kind)), near->detail});
    }
    if (HasMixedScriptLabel(d.unicode)) {
      raise(Risk::kMedium);
      v.reasons.push_back({"homoglyph", d.unicode + " mixes scripts in one label"});
    } else if (d.ascii.find("xn--") != std::string::npos) {
      std::optional<std::string> lookalike = LookalikeLabel(d.unicode);
      if (lookalike) {
        raise(Risk::kMedium);
        v.reasons.push_back({"homoglyph", *lookalike});
      }
    }
  }
  // Relationship signals: weaker than a typo, never a suggestion.
  if (IsTrusted(d)) return v;
  if (!history_.empty()) {
    if (domain_messages == 0 && registrable_messages == 0) {
      raise(Risk::kLow);
      v.reasons.push_back({"first-contact", "no message was sent to " + d.ascii + " before"});
    } else if (history_.has_addresses() && history_.AddressMessages(v.address) == 0) {
      raise(Risk::kLow);
      v.reasons.push_back({"first-contact", "no message was sent to this address before"});
    }
  }
  if (IsWebmail(d)) {
    raise(Risk::kLow);
    v.reasons.push_back({"personal-webmail", d.registrable + " is a personal webmail provider"});
  }
  return v;
}

}  // namespace sendguard
