#include "tests/typo_generator.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <unordered_set>

#include "recipients/edit_kind.h"
#include "recipients/real_domains.h"

namespace sendguard::testing {
namespace {

const char* kTlds[] = {"com", "com", "com", "com",   "org", "net", "mil", "mil",
                       "gov", "de",  "fr",  "co.uk", "nl",  "io",  "edu", "int"};

const char* kKeyboard[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

bool KeyPos(char c, int* r, int* k) {
  for (int i = 0; i < 4; ++i) {
    const char* p = std::strchr(kKeyboard[i], c);
    if (p != nullptr && c != '\0') {
      *r = i;
      *k = static_cast<int>(p - kKeyboard[i]);
      return true;
    }
  }
  return false;
}

char KeyboardNeighbour(char c, std::mt19937_64& rng) {
  int r, k;
  if (!KeyPos(c, &r, &k)) return c;
  std::string row = kKeyboard[r];
  std::vector<char> options;
  if (k > 0) options.push_back(row[k - 1]);
  if (k + 1 < static_cast<int>(row.size())) options.push_back(row[k + 1]);
  if (options.empty()) return c;
  return options[rng() % options.size()];
}

bool IsVowel(char c) { return std::strchr("aeiou", c) != nullptr && c != '\0'; }

std::string Label(const std::string& d) { return d.substr(0, d.find('.')); }
std::string Suffix(const std::string& d) { return d.substr(d.find('.') + 1); }

}  // namespace

std::vector<std::string> NameWords() {
  std::vector<std::string> words;
  std::ifstream in("/usr/share/dict/words");
  std::string w;
  std::set<std::string> seen;
  while (std::getline(in, w)) {
    if (w.size() < 5 || w.size() > 12) continue;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    if (seen.insert(w).second) words.push_back(w);
  }
  if (words.empty()) {
    // No dictionary: pronounceable made-up words.
    std::mt19937_64 rng(7);
    const char* cons = "bcdfghklmnprstvz";
    const char* vow = "aeiou";
    while (words.size() < 20000) {
      std::string s;
      int syll = 2 + static_cast<int>(rng() % 3);
      for (int i = 0; i < syll; ++i) {
        s.push_back(cons[rng() % 16]);
        s.push_back(vow[rng() % 5]);
      }
      if (seen.insert(s).second) words.push_back(s);
    }
  }
  return words;
}

namespace {

// True when `domain` is two edits or fewer from a bundled real domain
// under the same suffix.
bool NearRealDomain(const std::string& domain) {
  const std::size_t dot = domain.find('.');
  const std::string_view label = std::string_view(domain).substr(0, dot);
  const std::string_view suffix = std::string_view(domain).substr(dot);
  for (const std::string& real : RealDomains::Bundled().names()) {
    if (!real.ends_with(suffix) || real.size() - suffix.size() > label.size() + 2) continue;
    std::string_view real_label = std::string_view(real).substr(0, real.size() - suffix.size());
    if (real_label.find('.') == std::string_view::npos &&
        BoundedEditDistance(real_label, label, 2) <= 2) {
      return true;
    }
  }
  return false;
}

}  // namespace

TypoSet MakeTypoSet(std::size_t count, std::size_t unrelated_count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> words = NameWords();
  std::shuffle(words.begin(), words.end(), rng);
  TypoSet set;
  std::unordered_set<std::string> established;
  std::size_t w = 0;
  while (set.established.size() < count && w + 1 < words.size()) {
    std::string label = words[w++];
    if (rng() % 5 == 0) label += "-" + words[w++].substr(0, 5);  // two-word names
    std::string domain = label + "." + kTlds[rng() % (sizeof(kTlds) / sizeof(kTlds[0]))];
    if (!established.insert(domain).second) continue;
    // Zipf-like traffic: a few big partners, many small ones.
    std::uint64_t messages = 50 + 20000 / (1 + rng() % 400);
    set.established.push_back({domain, messages});
  }
  // Some organisations mail deep subdomains: hq.<word>.mil.
  std::vector<Established> deep;
  for (std::size_t i = 0; i < set.established.size() / 20; ++i) {
    std::string d = "hq." + set.established[i].domain;
    deep.push_back({d, set.established[i].messages});
    set.subdomains.push_back(d);
  }
  for (std::size_t i = 20; i < 60 && i < set.established.size(); ++i) {
    set.subdomains.push_back("mail." + set.established[i].domain);
  }
  set.established.insert(set.established.end(), deep.begin(), deep.end());

  auto add = [&](const std::string& kind, const std::string& typed, const std::string& intended) {
    if (typed == intended || established.count(typed) != 0) return;
    set.typos.push_back({kind, typed, intended});
  };
  for (std::size_t i = 0; i < count && i < set.established.size(); ++i) {
    const std::string d = set.established[i].domain;
    const std::string l = Label(d), s = Suffix(d);
    const std::size_t n = l.size();
    std::size_t p = 1 + rng() % (n - 2);  // an inner position
    add("omission", l.substr(0, p) + l.substr(p + 1) + "." + s, d);
    char extra = static_cast<char>('a' + rng() % 26);
    add("insertion", l.substr(0, p) + extra + l.substr(p) + "." + s, d);
    add("repetition", l.substr(0, p) + l[p] + l.substr(p) + "." + s, d);
    std::string k = l;
    k[p] = KeyboardNeighbour(l[p], rng);
    if (k != l && k[p] != '-') add("keyboard", k + "." + s, d);
    std::string t = l;
    if (l[p] != l[p + 1]) {
      std::swap(t[p], t[p + 1]);
      add("transposition", t + "." + s, d);
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (IsVowel(l[v])) {
        std::string sw = l;
        sw[v] = l[v] == 'e' ? 'a' : 'e';
        add("vowel-swap", sw + "." + s, d);
        break;
      }
    }
    for (int bit = 0; bit < 7; ++bit) {
      char c = static_cast<char>(l[p] ^ (1 << bit));
      if (c >= 'a' && c <= 'z') {
        std::string b = l;
        b[p] = c;
        add("bit-flip", b + "." + s, d);
        break;
      }
    }
    std::size_t dash = l.find('-');
    add("hyphenation",
        dash != std::string::npos ? l.substr(0, dash) + l.substr(dash + 1) + "." + s
                                  : l.substr(0, p) + "-" + l.substr(p) + "." + s,
        d);
    std::string tld = s.substr(s.rfind('.') + 1);
    std::string tld_typo = tld.size() > 2 ? tld.substr(0, 1) + tld.substr(2) : tld + tld.back();
    add("tld-typo", l + "." + s.substr(0, s.size() - tld.size()) + tld_typo, d);
    std::string h = l;
    std::size_t hp = h.find_first_of("lom");
    if (hp != std::string::npos) {
      char c = h[hp];
      if (c == 'm') {
        h = h.substr(0, hp) + "rn" + h.substr(hp + 1);
      } else {
        h[hp] = c == 'l' ? '1' : '0';
      }
      add("homoglyph", h + "." + s, d);
    }
    if (s.find('.') == std::string::npos && l.find('-') == std::string::npos) {
      add("missing-dot", l + s + ".com", d);
      add("extra-dot", l.substr(0, p) + "." + l.substr(p) + "." + s, d);
    }
  }
  for (const Established& e : deep) {
    std::string d = e.domain;  // hq.word.tld → hqword.tld
    add("missing-dot", d.substr(0, 2) + d.substr(3), d);
  }

  // Unrelated: fresh words far (>= 3 edits) from every established label.
  std::vector<std::string> labels;
  for (const Established& e : set.established) labels.push_back(Label(e.domain));
  while (set.unrelated.size() < unrelated_count && w < words.size()) {
    std::string candidate = words[w++];
    bool far = std::none_of(labels.begin(), labels.end(), [&](const std::string& l) {
      return BoundedEditDistance(candidate, l, 2) <= 2;
    });
    if (!far) continue;
    const std::string unrelated =
        candidate + "." + kTlds[rng() % (sizeof(kTlds) / sizeof(kTlds[0]))];
    // Nor near a real .gov or .mil domain (bundled): witness.gov would be a
    // typo of fitness.gov.
    if (NearRealDomain(unrelated)) continue;
    set.unrelated.push_back(unrelated);
  }
  return set;
}

std::vector<std::string> MakeRandomDomains(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> words = NameWords();
  std::vector<std::string> out;
  out.reserve(count);
  std::unordered_set<std::string> seen;
  while (out.size() < count) {
    std::string label = words[rng() % words.size()];
    switch (rng() % 3) {
      case 0:
        break;
      case 1:
        label += "-" + words[rng() % words.size()];
        break;
      default:
        label += std::to_string(rng() % 1000);
        break;
    }
    std::string d = label + "." + kTlds[rng() % (sizeof(kTlds) / sizeof(kTlds[0]))];
    if (seen.insert(d).second) out.push_back(d);
  }
  return out;
}

}  // namespace sendguard::testing
