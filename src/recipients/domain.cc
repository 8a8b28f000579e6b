#include "recipients/domain.h"

#include <idn2.h>
#include <libpsl.h>

#include <cstdlib>
#include <memory>
#include <unordered_map>

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

bool IsAsciiDomainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
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
  // Top-level domains are few: remember the answers per thread (bounded, as
  // the names come from hostile input).
  thread_local std::unordered_map<std::string, bool> cache;
  std::string s(suffix);
  auto it = cache.find(s);
  if (it != cache.end()) return it->second;
  bool known = psl_is_public_suffix2(Psl(), s.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
  if (cache.size() > 4096) cache.clear();
  cache.emplace(std::move(s), known);
  return known;
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
  if (d.ascii.size() > d.suffix.size() + 1) {
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
