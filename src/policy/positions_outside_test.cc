// The shipped rule that holds positions (a picture's GPS tags, a map file)
// going outside the organisation and its trusted partners.

#include <gtest/gtest.h>

#include "policy/config.h"
#include "policy/decision.h"

namespace sendguard {
namespace {

Decision Judge(const std::string& to, std::vector<GeoPositions> positions) {
  Result<Config> config = ParseConfig(
      "organization:\n  domains: [army.mil]\n  trusted_domains: [partner.com]\n", "test.yaml");
  EXPECT_TRUE(config.ok()) << config.status().ToString();
  Result<std::unique_ptr<Context>> c = Context::Create(std::move(config).value(), History{});
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  MessageData d;
  d.from = {Address{"", "a@army.mil"}};
  d.to = {Address{"", to}};
  d.positions = std::move(positions);
  Result<Decision> decision = Evaluate(Message(std::move(d)), **c);
  EXPECT_TRUE(decision.ok());
  return decision.ok() ? *decision : Decision{};
}

const GeoPositions kPhoto{"exif-gps", "exif", "attachment:a.jpg", 1,
                          GeoBox{38.87, -77.05, 38.87, -77.05}};
const GeoPositions kMap{"geo-file", "kml", "attachment:sites.kml", 12, GeoBox{34, 65, 35, 66}};

TEST(PositionsOutsideTest, APictureWithItsPositionOrAMapGoingOutsideIsHeld) {
  for (const GeoPositions& p : {kPhoto, kMap}) {
    Decision d = Judge("x@newcorp.com", {p});
    EXPECT_EQ(d.action, Action::kHold) << p.kind;
    EXPECT_EQ(d.rule, "positions-outside") << p.kind;
    ASSERT_EQ(d.findings.size(), 1u);
    EXPECT_EQ(d.findings[0].detector, p.kind);
    EXPECT_EQ(d.findings[0].category, "location");
  }
}

TEST(PositionsOutsideTest, InsideAndToTrustedPartnersItGoes) {
  EXPECT_EQ(Judge("x@army.mil", {kMap}).action, Action::kAccept);
  EXPECT_EQ(Judge("x@partner.com", {kPhoto}).action, Action::kAccept);
  EXPECT_EQ(Judge("x@newcorp.com", {}).action, Action::kAccept);
}

}  // namespace
}  // namespace sendguard
