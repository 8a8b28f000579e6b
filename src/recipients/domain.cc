#include "recipients/domain.h"

#include <idn2.h>
#include <libpsl.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>

#include "util/strings.h"
#include "util/utf8.h"

namespace sendguard {
namespace {

// The newest list available: the system's publicsuffix data or the one
// built into libpsl. Read-only after construction, so shared by all threads.
const psl_ctx_t* Psl() {
  static const psl_ctx_t* psl = [] {
    const psl_ctx_t* p = psl_latest(nullptr);
    return p != nullptr ? p : psl_builtin();
  }();
  return psl;
}

struct FreeDeleter {
  void operator()(char* p) const { idn2_free(p); }
};

// Answers of IsKnownSuffix, shared by all threads: top-level domains are
// few, so the answers fill a fixed table whose slots are each written once
// (compare-and-swap) and read without a lock. Bounded, as the names come
// from hostile input: beyond kMaxAnswers names nothing more is remembered,
// and a name is looked for in at most kMaxProbes slots, so names chosen to
// collide cost a few compares, not a walk of the table (a name not found
// is asked of libpsl again).
class SuffixAnswers {
 public:
  std::optional<bool> Find(std::string_view suffix) const {
    std::size_t i = Home(suffix);
    for (std::size_t probe = 0; probe < kMaxProbes; ++probe, i = (i + 1) % kSlots) {
      const Answer* a = slots_[i].load(std::memory_order_acquire);
      if (a == nullptr) return std::nullopt;
      if (a->suffix == suffix) return a->known;
    }
    return std::nullopt;
  }

  void Remember(std::string_view suffix, bool known) {
    if (count_.load(std::memory_order_relaxed) >= kMaxAnswers) return;
    auto* answer = new Answer{std::string(suffix), known};
    std::size_t i = Home(suffix);
    for (std::size_t probe = 0; probe < kMaxProbes; ++probe, i = (i + 1) % kSlots) {
      const Answer* seen = nullptr;
      if (slots_[i].compare_exchange_strong(seen, answer, std::memory_order_acq_rel)) {
        count_.fetch_add(1, std::memory_order_relaxed);
        return;
      }
      if (seen->suffix == suffix) break;  // another thread was first
    }
    delete answer;
  }

 private:
  struct Answer {
    std::string suffix;
    bool known;
  };
  static constexpr std::size_t kSlots = 8192;
  static constexpr std::size_t kMaxAnswers = kSlots / 2;
  static constexpr std::size_t kMaxProbes = 16;
  static std::size_t Home(std::string_view s) { return std::hash<std::string_view>{}(s) % kSlots; }

  std::atomic<const Answer*> slots_[kSlots] = {};
  std::atomic<std::size_t> count_{0};
};

// Made once, never destroyed (threads may still ask at exit).
SuffixAnswers& KnownSuffixAnswers() {
  static auto* answers = new SuffixAnswers();
  return *answers;
}

bool IsAsciiDomainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

// True when `name`, itself a public suffix, is one only by a wildcard rule
// ("*.bd" makes every name.bd a suffix): another name in its place is one
// too. Exception rules ("!www.ck") make a name no suffix at all, so they
// never reach here.
bool IsWildcardSuffix(std::string_view name) {
  std::size_t dot = name.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string other = "xn--sendguard-wildcard-probe" + std::string(name.substr(dot));
  return psl_is_public_suffix2(Psl(), other.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

}  // namespace

std::string DomainName::WithRegistrable(std::string_view r) const {
  if (ascii.size() <= registrable.size()) return std::string(r);
  return ascii.substr(0, ascii.size() - registrable.size()) + std::string(r);
}

bool DomainIsOrUnder(std::string_view domain, std::string_view parent) {
  if (domain.size() < parent.size()) return false;
  if (domain.size() == parent.size()) return domain == parent;
  return domain.ends_with(parent) && domain[domain.size() - parent.size() - 1] == '.';
}

bool IsKnownSuffix(std::string_view suffix) {
  std::optional<bool> known = KnownSuffixAnswers().Find(suffix);
  if (known) return *known;
  const std::string s(suffix);
  const bool answer =
      psl_is_public_suffix2(Psl(), s.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
  KnownSuffixAnswers().Remember(suffix, answer);
  return answer;
}

std::string_view AddressDomainPart(std::string_view address) {
  std::string_view a = TrimWhitespace(address);
  if (!a.empty() && a.front() == '<') a.remove_prefix(1);
  if (!a.empty() && a.back() == '>') a.remove_suffix(1);
  std::size_t at = a.rfind('@');
  return at == std::string_view::npos ? std::string_view() : a.substr(at + 1);
}

Result<DomainName> ParseDomain(std::string_view input) {
  std::string_view in = TrimWhitespace(input);
  if (!in.empty() && in.back() == '.') in.remove_suffix(1);
  if (in.empty()) return InvalidArgumentError("empty domain");
  if (in.size() > 253) return InvalidArgumentError("domain longer than 253 characters");
  if (in.front() == '[') return InvalidArgumentError("address literal, not a domain");
  DomainName d;
  std::string lower = AsciiLower(in);
  bool ascii = true;
  for (char c : lower) ascii &= IsAsciiDomainChar(c);
  if (ascii) {
    d.ascii = std::move(lower);
  } else {
    std::string utf8 = SanitizeUtf8(lower);
    char* out = nullptr;
    int rc = idn2_to_ascii_8z(utf8.c_str(), &out, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
    std::unique_ptr<char, FreeDeleter> holder(out);
    if (rc != IDN2_OK) {
      return InvalidArgumentError(std::string("not a valid internationalised domain: ") +
                                  idn2_strerror(rc));
    }
    d.ascii = AsciiLower(out);
  }
  // Empty labels ("a..b", ".a") are not domains.
  if (d.ascii.front() == '.' || d.ascii.find("..") != std::string::npos) {
    return InvalidArgumentError("empty label in domain");
  }
  for (std::size_t start = 0; start < d.ascii.size();) {
    std::size_t dot = d.ascii.find('.', start);
    std::size_t end = dot == std::string::npos ? d.ascii.size() : dot;
    if (end - start > 63) return InvalidArgumentError("label longer than 63 characters");
    start = end + 1;
  }
  d.unicode = d.ascii;
  if (d.ascii.find("xn--") != std::string::npos) {
    char* out = nullptr;
    if (idn2_to_unicode_8z8z(d.ascii.c_str(), &out, 0) == IDN2_OK && out != nullptr) {
      d.unicode = out;
    }
    idn2_free(out);
  }
  const char* suffix = psl_unregistrable_domain(Psl(), d.ascii.c_str());
  d.suffix = suffix != nullptr ? suffix : d.ascii;
  // psl_unregistrable_domain returns the longest public suffix; with the
  // default '*' rule an unknown TLD is a suffix of its own.
  std::size_t last_dot = d.ascii.rfind('.');
  std::string tld = last_dot == std::string::npos ? d.ascii : d.ascii.substr(last_dot + 1);
  d.known_suffix = IsKnownSuffix(tld);
  // The registrable domain is the suffix plus the label left of it.
  if (d.ascii == d.suffix && IsWildcardSuffix(d.ascii)) {
    std::size_t dot = d.ascii.find('.');
    d.wildcard = true;
    d.label = d.ascii.substr(0, dot);
    d.suffix = d.ascii.substr(dot + 1);
    d.registrable = d.ascii;
  } else if (d.ascii.size() > d.suffix.size() + 1) {
    std::size_t end = d.ascii.size() - d.suffix.size() - 1;  // the dot before the suffix
    std::size_t dot = d.ascii.rfind('.', end - 1);
    std::size_t start = dot == std::string::npos ? 0 : dot + 1;
    d.label = d.ascii.substr(start, end - start);
    d.registrable = d.ascii.substr(start);
  } else {
    d.registrable = d.ascii;
  }
  return d;
}

}  // namespace sendguard
