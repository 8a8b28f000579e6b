#include "content/secret_assignments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendguard {
namespace {

// The name and value of the assignment around the first "KEY" of `text`,
// as "name|value", or "" when there is none.
std::string Parse(std::string_view text) {
  std::optional<Assignment> a = AssignmentAt(text, text.find("KEY"));
  if (!a) return "";
  EXPECT_EQ(text.substr(a->name_begin, a->name.size()), a->name);
  EXPECT_EQ(text.substr(a->value_begin, a->value.size()), a->value);
  return std::string(a->name) + "|" + std::string(a->value);
}

TEST(SecretAssignmentsTest, OperatorsAndQuotes) {
  struct {
    const char* text;
    const char* want;
  } cases[] = {
      {"API_KEY=v1", "API_KEY|v1"},
      {"API_KEY = \"v 2\";", "API_KEY|v 2"},
      {"api_KEY: 'v3'", "api_KEY|v3"},
      {"\"KEY_x\" : \"v4\",", "KEY_x|v4"},
      {"KEY := `v5`", "KEY|v5"},
      {"KEY ::= v6", "KEY|v6"},
      {"KEY ?= v7", "KEY|v7"},
      {"$KEY .= 'v8'", "KEY|v8"},
      {"'KEY' => 'v9'", "KEY|v9"},
      {"if (KEY == \"v10\")", "KEY|v10"},
      {"setProperty(\"KEY\", \"v11\")", "KEY|v11"},
      {"var myKEY string = \"v12\"", "myKEY|v12"},
      {"const KEY: string = \"v13\";", "KEY|v13"},
      {"<apiKEY>\n  v14\n</apiKEY>", "apiKEY|v14"},
      {"{\\\"KEY\\\": \\\"v15\\\"}", "KEY|v15"},
      {"{\"a\": \"KEY=v16\\nB=1\"}", "KEY|v16"},
      {"--api-KEY=v17 --verbose", "api-KEY|v17"},
      {"the KEY: v18.", "KEY|v18"},
      {"conf['KEY'] = 'v19'", "KEY|v19"},
      {"apiKEY[]= \"v20\"", "apiKEY|v20"},
      {"KEY = @\"v21\"", "KEY|v21"},
      {"private_KEY \"v22\";", "private_KEY|v22"},
      {"KEY={{a}b)c${d]e(f[g}} next", "KEY|{{a}b)c${d]e(f[g}}"},
      {"f(KEY=v23)", "KEY|v23"},
      // No operator, no value, or an operator that is not one.
      {"the KEY is here", ""},
      {"KEY=", ""},
      {"KEY = \"\"", ""},
      {"KEY, and then", ""},
      {"KEY > 3", ""},
      {"if (KEY != \"v25\")", "KEY|v25"},
      {"char secretKEY[25] = \"v26\";", "secretKEY|v26"},
      {"std::string KEY(\"v27\");", "KEY|v27"},
      {"KEY.assign(\"v28\",17);", "KEY.assign|v28"},
      {"if (\"v29\" === KEY) {", "KEY|v29"},
      {"if ('v30' != KEY)", "KEY|v30"},
      {"private_KEY \"v24\" and", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Parse(c.text), c.want) << c.text;
}

TEST(SecretAssignmentsTest, NameWords) {
  EXPECT_EQ(NameWords("mySecretString"), (std::vector<std::string>{"my", "secret", "string"}));
  EXPECT_EQ(NameWords("GITHUB_API-key.v2"),
            (std::vector<std::string>{"github", "api", "key", "v", "2"}));
  EXPECT_EQ(NameWords("APIKey"), (std::vector<std::string>{"api", "key"}));
  EXPECT_EQ(NameWords("_authToken"), (std::vector<std::string>{"auth", "token"}));
}

TEST(SecretAssignmentsTest, NamesOfSecrets) {
  for (const char* n :
       {"secret", "API_KEY", "apikey", "x-api-key", "client_secret", "mySecretString",
        "some_api_token_123", "private-key", "aws_secret_access_key", "_authToken", "GITHUB_PAT",
        "secret_key_base", "accessToken", "refresh_token"}) {
    EXPECT_TRUE(NamesSecret(NameWords(n))) << n;
  }
  for (const char* n :
       {"secretary", "tokenizer", "max_tokens", "token_type", "secret_name", "api_key_id",
        "accessKeyId", "token_url", "public_key", "csrf_token", "nextPageToken", "secret_length",
        "key", "monkey", "access", "primary_key", "keyword", "secretariat"}) {
    EXPECT_FALSE(NamesSecret(NameWords(n))) << n;
  }
}

}  // namespace
}  // namespace sendguard
