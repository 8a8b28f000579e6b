// Generated evaluation sets for the recipient engine: established domains
// with traffic, typos of them of every kind, and unrelated domains far from
// all of them. Deterministic for a given seed.

#ifndef SENDGUARD_TESTS_TYPO_GENERATOR_H_
#define SENDGUARD_TESTS_TYPO_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace sendguard::testing {

struct Established {
  std::string domain;
  std::uint64_t messages;
};

struct Typo {
  std::string kind;      // omission, insertion, repetition, keyboard, transposition,
                         // vowel-swap, bit-flip, hyphenation, tld-typo, homoglyph,
                         // missing-dot, extra-dot
  std::string typed;     // the mistyped domain
  std::string intended;  // the domain it should suggest
};

struct TypoSet {
  std::vector<Established> established;
  std::vector<std::string> subdomains;  // subdomains of established domains
  std::vector<Typo> typos;              // none of them is itself established
  std::vector<std::string> unrelated;   // labels at edit distance >= 3 from every established one
};

// Word list used to build names: /usr/share/dict/words when present, else a
// built-in list. Lower-case ASCII words of 5 to 12 letters.
std::vector<std::string> NameWords();

// `count` established domains over common TLDs (some with subdomains such
// as hq.<word>.mil), a typo of each kind for each, and `unrelated_count`
// far domains.
TypoSet MakeTypoSet(std::size_t count, std::size_t unrelated_count, std::uint64_t seed);

// `count` random domains for throughput runs (not checked for nearness).
std::vector<std::string> MakeRandomDomains(std::size_t count, std::uint64_t seed);

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_TYPO_GENERATOR_H_
