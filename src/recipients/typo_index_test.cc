#include "recipients/typo_index.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "recipients/typo_keys.h"
#include "util/huge_array.h"

namespace sendguard {
namespace {

std::vector<NearMiss> FindAll(const TypoIndex& index, std::string_view domain) {
  Result<DomainName> d = ParseDomain(domain);
  EXPECT_TRUE(d.ok()) << domain;
  if (!d.ok()) return {};
  return index.Find(index.MakeProbe(*d));
}

bool Has(const std::vector<NearMiss>& misses, MissKind kind, std::string_view intended,
         std::string_view suggestion) {
  for (const NearMiss& m : misses) {
    if (m.kind == kind && m.intended == intended && m.suggestion_domain == suggestion) return true;
  }
  return false;
}

TEST(TypoKeysTest, DeletionHashesEqualHashesOfTheDeletedStrings) {
  const std::vector<std::string> strings = {"army",
                                            "mississippi",
                                            "aaaa",
                                            "abba",
                                            "a",
                                            "ab",
                                            "logistics-command",
                                            std::string(63, 'x'),
                                            "m\xc3\xa9tro"};
  for (const std::string& s : strings) {
    std::set<std::uint64_t> expected;
    for (std::size_t i = 0; i < s.size(); ++i) {
      expected.insert(
          typo_keys::HashKey(typo_keys::Key::kNeighbour, s.substr(0, i) + s.substr(i + 1)));
    }
    std::set<std::uint64_t> got;
    std::size_t calls = 0;
    typo_keys::ForEachDeletionHash(s, [&](std::uint64_t h, std::size_t start, std::size_t run) {
      ++calls;
      got.insert(h);
      // The reported run is a run of equal characters.
      for (std::size_t j = start; j < start + run; ++j) EXPECT_EQ(s[j], s[start]) << s;
    });
    EXPECT_EQ(got, expected) << s;
    EXPECT_EQ(calls, expected.size()) << s;  // each distinct deletion once
  }
}

TEST(TypoIndexTest, MergesDuplicatesAndRollsSubdomainsUp) {
  TypoIndex index({{"army.mil", 100, DomainOrigin::kHistory},
                   {"hq.army.mil", 20, DomainOrigin::kHistory},
                   {"ARMY.mil.", 5, DomainOrigin::kHistory},
                   {"gmail.com", 0, DomainOrigin::kBuiltin}});
  std::optional<IndexEntry> army = index.FindExact("army.mil");
  ASSERT_TRUE(army.has_value());
  EXPECT_EQ(army->domain, "army.mil");
  EXPECT_EQ(army->messages, 125u);
  std::optional<IndexEntry> hq = index.FindExact("hq.army.mil");
  ASSERT_TRUE(hq.has_value());
  EXPECT_EQ(hq->messages, 20u);
  EXPECT_EQ(index.FindExact("gmail.com")->origin, DomainOrigin::kBuiltin);
  EXPECT_FALSE(index.FindExact("army.ml").has_value());
  EXPECT_FALSE(index.FindExact("rmy.mil").has_value());
  EXPECT_EQ(index.entry(army->id).domain, "army.mil");

  Result<DomainName> d = ParseDomain("mail.hq.army.mil");
  ASSERT_TRUE(d.ok());
  TypoIndex::Probe probe = index.MakeProbe(*d);
  EXPECT_FALSE(index.FindExact(probe).has_value());
  ASSERT_TRUE(index.FindRegistrable(probe).has_value());
  EXPECT_EQ(index.FindRegistrable(probe)->domain, "army.mil");
}

TEST(TypoIndexTest, FindsEveryKindWithTrafficAndOrigin) {
  TypoIndex index({{"army.mil", 9000, DomainOrigin::kHistory},
                   {"us.af.mil", 3000, DomainOrigin::kHistory},
                   {"magnet.co.uk", 50, DomainOrigin::kConfigured}});
  std::vector<NearMiss> m = FindAll(index, "army.ml");
  ASSERT_TRUE(Has(m, MissKind::kTldTypo, "army.mil", "army.mil"));
  EXPECT_EQ(m[0].messages, 9000u);
  EXPECT_EQ(m[0].origin, DomainOrigin::kHistory);
  EXPECT_TRUE(Has(FindAll(index, "hq.arny.mil"), MissKind::kTypo, "army.mil", "hq.army.mil"));
  EXPECT_TRUE(Has(FindAll(index, "amry.mil"), MissKind::kTypo, "army.mil", "army.mil"));
  EXPECT_TRUE(Has(FindAll(index, "armyy.mil"), MissKind::kTypo, "army.mil", "army.mil"));
  EXPECT_TRUE(Has(FindAll(index, "arrny.mil"), MissKind::kHomoglyph, "army.mil", "army.mil"));
  EXPECT_TRUE(Has(FindAll(index, "armymil.com"), MissKind::kMissingDot, "army.mil", "army.mil"));
  EXPECT_TRUE(Has(FindAll(index, "usaf.mil"), MissKind::kMissingDot, "us.af.mil", "us.af.mil"));
  EXPECT_TRUE(Has(FindAll(index, "ar.my.mil"), MissKind::kExtraDot, "army.mil", "army.mil"));
  std::vector<NearMiss> uk = FindAll(index, "magnet.co.ukk");
  ASSERT_TRUE(Has(uk, MissKind::kTldTypo, "magnet.co.uk", "magnet.co.uk"));
  EXPECT_EQ(uk[0].origin, DomainOrigin::kConfigured);
  EXPECT_TRUE(FindAll(index, "army.mil").empty());
  EXPECT_TRUE(FindAll(index, "navy.com").empty());
}

TEST(TypoIndexTest, NamesAndLabelsTooLongToKeepInline) {
  // A 60-character label (stored apart from its block) and a 70-character
  // name (stored apart from its entry).
  const std::string label = "verylonglabel-" + std::string(40, 'q') + "-intel";
  const std::string name = label + ".co.uk";
  TypoIndex index({{name, 500, DomainOrigin::kHistory}});
  ASSERT_TRUE(index.FindExact(name).has_value());
  EXPECT_EQ(index.FindExact(name)->domain, name);
  std::string typo = label;
  typo.erase(3, 1);
  EXPECT_TRUE(Has(FindAll(index, typo + ".co.uk"), MissKind::kTypo, name, name));
  EXPECT_TRUE(Has(FindAll(index, label + ".co.uj"), MissKind::kTldTypo, name, name));
}

TEST(TypoIndexTest, ExactLookupsAmongManyDomainsAreExact) {
  // Thousands of similar names: every one is found as itself, and its
  // one-character variants never as an exact entry.
  std::vector<IntendedDomain> domains;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string label;
    for (int j = 0; j < 5 + static_cast<int>(rng() % 6); ++j)
      label.push_back(static_cast<char>('a' + rng() % 4));
    domains.push_back({label + (i % 2 ? ".com" : ".org"), 10, DomainOrigin::kHistory});
  }
  TypoIndex index(domains);
  std::set<std::string> names;
  for (const IntendedDomain& d : domains) names.insert(d.domain);
  for (const std::string& n : names) {
    std::optional<IndexEntry> e = index.FindExact(n);
    ASSERT_TRUE(e.has_value()) << n;
    EXPECT_EQ(e->domain, n);
    std::string other = n;
    other[0] = 'z';
    EXPECT_FALSE(index.FindExact(other).has_value()) << other;
  }
  // Every near miss reported is a real entry one edit away.
  for (int i = 0; i < 500; ++i) {
    std::string q = domains[static_cast<std::size_t>(i)].domain;
    q[1] = 'e';
    for (const NearMiss& m : FindAll(index, q)) {
      EXPECT_EQ(index.entry(m.id).domain, m.intended);
      EXPECT_TRUE(names.count(m.intended)) << m.intended;
    }
  }
}

TEST(TypoIndexTest, EmptyIndexFindsNothing) {
  TypoIndex index({});
  EXPECT_EQ(index.size(), 0u);
  EXPECT_FALSE(index.FindExact("army.mil").has_value());
  EXPECT_TRUE(FindAll(index, "army.ml").empty());
}

TEST(HugeArrayTest, ZeroedAndSizedSmallOrLarge) {
  HugeArray<std::uint64_t> small(10);
  EXPECT_EQ(small.size(), 10u);
  EXPECT_EQ(small.bytes(), 80u);
  HugeArray<std::uint64_t> large(1u << 20);  // 8 MiB: huge-page backed
  EXPECT_EQ(large.bytes() % (2u << 20), 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(large.data()) % (2u << 20), 0u);
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < large.size(); i += 4096) sum += large[i];
  EXPECT_EQ(sum, 0u);
  large[5] = 9;
  HugeArray<std::uint64_t> moved = std::move(large);
  EXPECT_EQ(moved[5], 9u);
  EXPECT_EQ(large.size(), 0u);
}

}  // namespace
}  // namespace sendguard
