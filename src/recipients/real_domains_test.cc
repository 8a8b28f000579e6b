#include "recipients/real_domains.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "recipients/domain.h"

namespace sendguard {
namespace {

TEST(RealDomainsTest, ReadsOneNamePerLineSkippingCommentsAndBlanks) {
  RealDomains r =
      RealDomains::FromText("# header\n\nArmy.MIL\r\nnasa.gov.\n  af.mil  \nnasa.gov\n");
  EXPECT_EQ(r.names(), (std::vector<std::string>{"af.mil", "army.mil", "nasa.gov"}));
  EXPECT_TRUE(r.Contains("army.mil"));
  EXPECT_FALSE(r.Contains("# header"));
  EXPECT_FALSE(r.Contains("arm.mil"));
}

TEST(RealDomainsTest, TheBundledListsHoldGovAndMilDomains) {
  const RealDomains& r = RealDomains::Bundled();
  for (const char* d : {"army.mil", "af.mil", "navy.mil", "nasa.gov", "va.gov", "state.gov"})
    EXPECT_TRUE(r.Contains(d)) << d;
  EXPECT_FALSE(r.Contains("army.ml"));
  EXPECT_TRUE(std::is_sorted(r.names().begin(), r.names().end()));
  // Every bundled name is a registrable domain as written.
  for (const std::string& d : r.names()) {
    Result<DomainName> n = ParseDomain(d);
    ASSERT_TRUE(n.ok()) << d;
    EXPECT_EQ(n->ascii, d);
    EXPECT_EQ(n->registrable, d) << d;
  }
}

}  // namespace
}  // namespace sendguard
