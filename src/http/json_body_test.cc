#include "http/json_body.h"

#include <gtest/gtest.h>

#include <string>

namespace sendguard {
namespace {

TEST(JsonBodyTest, ParsesWithinBounds) {
  Result<nlohmann::json> j = ParseBoundedJson(R"({"a":[1,2,{"b":"[[[,,,"}],"c":"\"]"})");
  ASSERT_TRUE(j.ok()) << j.status().message();
  EXPECT_EQ((*j)["a"][2]["b"], "[[[,,,");  // brackets in strings do not count
  EXPECT_EQ((*j)["c"], "\"]");
  EXPECT_FALSE(ParseBoundedJson("{\"a\":").ok());
}

TEST(JsonBodyTest, DepthIsBoundedBeforeParsing) {
  JsonBounds b;
  b.max_depth = 4;
  EXPECT_TRUE(ParseBoundedJson("[[[[1]]]]", b).ok());
  Result<nlohmann::json> deep = ParseBoundedJson("[[[[[1]]]]]", b);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().message(), "JSON nested deeper than 4 levels");
  // Unbalanced garbage deeper than the bound is refused the same way.
  EXPECT_FALSE(ParseBoundedJson(std::string(100000, '['), {}).ok());
}

TEST(JsonBodyTest, ValuesAreBounded) {
  JsonBounds b;
  b.max_values = 10;
  EXPECT_TRUE(ParseBoundedJson("[1,2,3,4,5,6,7,8,9]", b).ok());  // the array and 8 commas
  Result<nlohmann::json> many = ParseBoundedJson("[1,2,3,4,5,6,7,8,9,10,11]", b);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().message(), "JSON with more than 10 values");
}

}  // namespace
}  // namespace sendguard
