#include <gtest/gtest.h>
#include <zlib.h>

#include <optional>
#include <string>
#include <vector>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

struct Case {
  std::string text;
  std::optional<Confidence> want;
};

void ExpectTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Detect("api-token", c.text), c.want) << c.text;
  }
}

// A GitHub token with a valid checksum, made the way GitHub describes.
std::string GithubToken(const std::string& random30) {
  const char* base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  unsigned long crc =
      crc32(0, reinterpret_cast<const Bytef*>(random30.data()), static_cast<uInt>(random30.size()));
  std::string check(6, '0');
  for (int i = 5; i >= 0; --i, crc /= 62) check[static_cast<std::size_t>(i)] = base62[crc % 62];
  return "ghp_" + random30 + check;
}

TEST(ApiTokenTest, WellKnownFormats) {
  const std::string gh = GithubToken("R2xvYmFsU2VjcmV0VG9rZW5WYWx1ZQ");
  EXPECT_EQ(Detect("api-token", "token " + gh), kHigh);
  std::string bad = gh;
  bad[10] = bad[10] == 'A' ? 'B' : 'A';  // checksum no longer matches
  EXPECT_EQ(Detect("api-token", "token " + bad), kMedium);
  EXPECT_EQ(Findings("token " + gh)["api-token"].sample.substr(0, 8), "ghp_****");
  for (const std::string& text : {
           std::string("xoxb-123456789012-1234567890123-Qw7rT2yU9pLk4JhG6fDs1aZx"),
           std::string(
               "https://hooks.slack.com/services/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"),
           std::string("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"),
           std::string("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
           std::string("glpat-wDBofCsK54UxT82d_6aa"),
           std::string("npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"),
           std::string("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"),
           std::string("sk-proj-abcdefghijklmnopqrstT3BlbkFJabcdefghijklmnopqrst"),
           std::string("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                       "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
       }) {
    EXPECT_EQ(Detect("api-token", "key: " + text + " end"), kHigh) << text;
  }
  // A test-mode key opens the account's test data only.
  EXPECT_EQ(Detect("api-token", "test key sk_test_4eC39HqLyjWDarjtT1zdp7dc"), kMedium);
  // A token that ends a sentence.
  EXPECT_EQ(Detect("api-token",
                   "Use eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                   "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U."),
            kHigh);
  EXPECT_EQ(Findings("npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ")["api-token"].sample.substr(0, 5),
            "npm_*");
}

TEST(ApiTokenTest, NearMisses) {
  for (const char* text : {
           "ghp_short",
           "eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",  // no alg
           "eyJhbGciOi.eyJzdWIiOiIx",                                                  // too short
           "AIza too short",
           "sk_live_short",
       }) {
    EXPECT_EQ(Detect("api-token", text), std::nullopt) << text;
  }
}

TEST(ApiTokenTest, GitlabTokensOfEveryLength) {
  ExpectTable({
      {"token glpat-wDBofCsK54UxT82d_6aa", kHigh},
      {"GITLAB_TOKEN=glpat-_ZvhV96cBqwLpcg9diiCFscx8eo--DF", kHigh},  // newer, longer
      {"\"gitlab_secret\": \"glpat-ORIHfEr92Lq5SiRCcMS2ChE9p4ItlEitiZtNa4.01.skntdrodm\"", kHigh},
      {"deploy with gldt-a9tGPpKeAD8kQsIoHJgm today", kHigh},
      {"runner GR1348941rb5eZmoVUmD0hHCh6Nbp", kHigh},
      {"GITLAB_TOKEN=9kIfIpZ7PImyeZom81Az", kHigh},  // a token from before the prefixes
      {"gitlab_token: '9kIfIpZ7PImyeZom81Az'", kHigh},
      // Near misses: stand-ins, too short, broken by a space, the wrong separator.
      {"glpat-XXXXXXXXXXX-XXXXXXXX", kLow},
      {"glpat-xxxxxxxxxxxxxxxxxxxxxxxx", kLow},
      {"glpat-short", std::nullopt},
      // Each kind's length: an incoming-mail token has 25, a trigger token
      // 40, an OAuth secret 64, an agent token 50 or more, the rest 20-50.
      {"glimt-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd1H", kHigh},
      {"glimt-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd", kLow},
      {"glptt-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd1Hs5Jy0Ga2Ue7Ro4W", kHigh},
      {"glptt-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd1Hs5Jy0Ga2Ue7Ro4Wi9", kLow},
      {"glagent-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd1Hs5Jy0Ga2Ue7Ro4Wi9Ek3Nt", kLow},
      {"glsoat-Zq8Lw2Fr9Tn4Kx7Vb3Mc6Pd1Hs5Jy0Ga2Ue7Ro4Wi9Ek3Nt6Bv8Cx", kLow},
      {"glpat-9kIfIpZ7PIm yeZom81Az", std::nullopt},
      {"glpat_9kIfIpZ7PImyeZom81Az", std::nullopt},
      {"gldt-a9tGPpKeAD8kQsIoHJg", std::nullopt},
  });
  // A full stop after a token is not a routable suffix.
  auto f = Findings("Use glpat-wDBofCsK54UxT82d_6aa.Then restart.");
  ASSERT_EQ(f.count("api-token"), 1u);
  EXPECT_EQ(f["api-token"].confidence, kHigh);
  EXPECT_EQ(f["api-token"].sample, "glpat-w***************_***");
}

TEST(ApiTokenTest, TwilioAccountAndAuthToken) {
  ExpectTable({
      {"TWILIO_ACCOUNT_SID=AC56871572587a915502774bebf2fb577a\n"
       "TWILIO_AUTH_TOKEN=e1d529aa06d5d064668ed3f0ab6bca7f\n",
       kHigh},
      {"client = Client(\"AC56871572587a915502774bebf2fb577a\", "
       "\"e1d529aa06d5d064668ed3f0ab6bca7f\")",
       kHigh},
      {"twilio_auth_token: e1d529aa06d5d064668ed3f0ab6bca7f", kHigh},
      {"key SK9404c76eaae7267b37c7269efa25a400", kMedium},
      {"Twilio API key SK9404c76eaae7267b37c7269efa25a400", kHigh},
      {"twilio key SK9404c76eaZe7267b37c7269efa25a400", kMedium},  // not hex: mistyped
      {"key SK9404c76eaZe7267b37c7269efa25a400", std::nullopt},
      // An account id alone is not a secret; nor is it with a commit id.
      {"Account AC56871572587a915502774bebf2fb577a", kLow},
      {"AC56871572587a915502774bebf2fb577a fixed in b2b87c5bbe9a08e809697e339a3c82fbf1556ca0",
       kLow},
      {"ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", std::nullopt},
  });
}

TEST(ApiTokenTest, NpmTokensInTheUuidForm) {
  ExpectTable({
      {"//registry.npmjs.org/:_authToken=7068fef2-7fa1-47ea-96c9-6aabfd4160bc", kHigh},
      {"//registry.npmjs.org/:_authToken= 7068fef2-7fa1-47ea-96c9-6aabfd4160bc", kHigh},
      {"//npm.example.com/repo/:_auth=dXNlcjpzM2NyM3RQYXNzMjAyNA==", kHigh},
      {"NPM_TOKEN=7068fef2-7fa1-47ea-96c9-6aabfd4160bc", kHigh},
      {"npm_token: \"9082910e-5cfd-415d-96ea-ec8abc1408d2\"", kHigh},
      {"npm_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", kHigh},
      // Near misses: a variable, no value, a UUID without a key word.
      {"//registry.npmjs.org/:_authToken=${NPM_TOKEN}", std::nullopt},
      {"//registry.npmjs.org/:_authToken=", std::nullopt},
      // npm's keys outside an .npmrc scope ("//host/:") are not its tokens.
      {"_authToken=7068fef2-7fa1-47ea-96c9-6aabfd4160bc", std::nullopt},
      {"///:_authToken=7068fef2-7fa1-47ea-96c9-6aabfd4160bc", std::nullopt},
      {"registry.npmjs.org/:_authToken=7068fef2-7fa1-47ea-96c9-6aabfd4160bc", std::nullopt},
      {"request 7068fef2-7fa1-47ea-96c9-6aabfd4160bc failed at 10:04", std::nullopt},
      {"correlation_id = 7068fef2-7fa1-47ea-96c9-6aabfd4160bc", std::nullopt},
  });
}

TEST(ApiTokenTest, GithubTokensWithTheirName) {
  ExpectTable({
      {"GITHUB_TOKEN=b2b87c5bbe9a08e809697e339a3c82fbf1556ca0", kHigh},
      {"github_token: b2b87c5bbe9a08e809697e339a3c82fbf1556ca0", kHigh},
      {"export GH_TOKEN=\"6b73bdd425ab6775bc7d120dfe5dcdaa7a409637\"", kHigh},
      {"GitHub token: 6b73bdd425ab6775bc7d120dfe5dcdaa7a409637", kHigh},
      // A server-to-server token is longer than 36.
      {"ghs_Qr2S9eIMhxRUJyjSPOXu1rz6aUUsJJMT7BepRK7F9BEmP36sEl9mdtQq4zUK8ossX6WyVIOu", kHigh},
      {"\"github_secret\": \"ghs_Qr2S9eIMh_xRUJyjSPOXu1rz6aUUsJJMT7BepRK7F9BEmP36sEl9md\"", kHigh},
      // Near misses: a hash in a commit message, a stand-in.
      {"commit b2b87c5bbe9a08e809697e339a3c82fbf1556ca0 fixes the token refresh", std::nullopt},
      {"Merged b2b87c5bbe9a08e809697e339a3c82fbf1556ca0 (github: token cleanup)", std::nullopt},
      {"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", kLow},
      {"github_pat_xxxxxxxxxxxxxxxxxxxxxx_"
       "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
       kLow},
      // Tokens in the user part of a Git link.
      {"\"dep\": "
       "\"git+https://b2b87c5bbe9a08e809697e339a3c82fbf1556ca0:x-oauth-basic@github.com/o/r.git\"",
       kHigh},
      {"git clone https://x-access-token:Qr2S9eIMhxRUJyjSPOXu1rz6aUUs@github.com/o/r.git", kHigh},
      {"https://x-access-token:${GITHUB_TOKEN}@github.com/o/r.git", std::nullopt},
      {"https://xxxxxxxxxxxxxxxxxxxxxxxx:x-oauth-basic@github.com/o/r.git", std::nullopt},
  });
}

TEST(ApiTokenTest, OpenAiKeysByLayout) {
  const std::string a58 = "64pYoewmGo4D7wcbKNlB_ngvS4CaG-1IGYfzHwIAr2Ef-HvNQBtNe7svLT";
  const std::string b58 = "Lsgse6mjSiLV5xr9_yXliIGZhGdlAdHEdg3zpspDAhTcckDdvRUGXSOEKY";
  const std::string c74 =
      "NeEFNRtTTOC1G7oVgzHxPmlHOlpnLkXMj3BBOImQaWLA9wyPPW0YmQyLGxq0qYzHp9_65cONLN";
  ExpectTable({
      {"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", kHigh},
      {"sk-proj-46VjyvxYc0KIGAjkNk6TT3BlbkFJj6zl7xHvThhIidvLUfXU", kHigh},
      {"OPENAI_API_KEY=sk-proj-" + c74 + "T3BlbkFJ" + c74, kHigh},
      {"sk-svcacct-" + a58 + "T3BlbkFJ" + b58, kHigh},
      {"sk-admin-" + a58 + "T3BlbkFJ" + b58, kHigh},
      // Lengths no layout has: an admin key is broken, others may be new.
      {"sk-admin-46VjyvxYc0KIGAjkNk6TT3BlbkFJ" + b58, kLow},
      {"sk-admin-" + a58 + "T3BlbkFJj6zl7xHvThhIidvLUfXU", kLow},
      {"sk-proj-" + a58 + "T3BlbkFJj6zl7xHvThhIidvLUfXU", kMedium},
  });
}

TEST(ApiTokenTest, SecretsGivenToASecretsName) {
  const std::string v = "Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN";
  const std::string w = "{{z}x)c${v]bn(m9[qw>-_$#ertyui}}";
  ExpectTable({
      {"api_key = \"" + v + "\"", kMedium},
      {"API_KEY=" + v, kMedium},
      {"apikey: '" + v + "'", kMedium},
      {"x-api-key: " + v, kMedium},
      {"--api-key=" + v, kMedium},
      {"client_secret: " + v, kMedium},
      {"\"client_secret\" : \"9dd041751b8392fe65d4bd508f02bc5ee0877b3ad156b384a782ac1bf60ef93c\",",
       kMedium},
      {"mySecretString=" + v, kMedium},
      {"todo_secret_do_not_commit = " + v, kMedium},
      {"some_api_token_123 = \"" + v + "\"", kMedium},
      {"private_key: btQHevtjO/URo9slkhA3dltW", kMedium},
      {"access_key := \"" + v + "\"", kMedium},
      {"'auth_token' => '" + v + "',", kMedium},
      {"$apiToken .= \"" + v + "\";", kMedium},
      {"String accessToken = \"" + v + "\";", kMedium},
      {"var serviceToken string = \"" + v + "\"", kMedium},
      {"const apiKey: string = \"" + v + "\";", kMedium},
      {"System.setProperty(\"SERVICE_TOKEN\", \"" + v + "\")", kMedium},
      {"<apiToken>\n    " + v + "\n</apiToken>", kMedium},
      {"{\"config.ini\": \"SERVICE_TOKEN=" + v + "\\nDEBUG=true\"}", kMedium},
      {"GetEnvOrDefault(\"api_token\", \"9082910e-5cfd-415d-96ea-ec8abc1408d2\")", kMedium},
      {"secret_key_base: 9dd041751b8392fe65d4bd508f02bc5ee0877b3ad156b384a782ac1bf60ef93c",
       kMedium},
      {"AWS_SECRET_ACCESS_KEY=XYMiwra048VY2UP/lSDbbX/kqKqhin48fy9tC6vw", kMedium},
      {"\"credentials\" : \"" + v + "\"", kMedium},
      {"creds = " + v, kMedium},
      {"\"user_auth\": \"c3ZjLWRlcGxveTpUcjB1YjRkb3ImMw==\"", kMedium},
      // Values with brackets and template-like characters that stand for
      // nothing, in the forms of several languages.
      {"apikey := \"" + w + "\"", kMedium},
      {"apikey:=" + w, kMedium},
      {"theapikey: '" + w + "'", kMedium},
      {"apikey = @\"" + w + "\"", kMedium},
      {"apikey[]= \"" + w + "\"", kMedium},
      {"private_key '" + w + "';", kMedium},
      {"fooapikeyfoo\"" + w + "\";", kMedium},
      {"some_dict['secret'] = " + w, kMedium},
  });
}

TEST(ApiTokenTest, JsonWebTokensSignedOrNot) {
  const std::string payload = "eyJzdWIiOiJzdmMtNDIiLCJzY29wZSI6ImRlcGxveSIsImlhdCI6MTc2NzIyNTYwMH0";
  ExpectTable({
      {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + payload +
           ".Xq3v9LmP0aZr7TnB2kWc5YdE8fGh1JiKoLu4MnOpQs",
       kHigh},
      // header.payload without a signature, the header with a line break.
      {"eyJ0eXAiOiJKV1QiLA0KImFsZyI6Im5vbmUifQ." + payload, kMedium},
      // Near misses: a header that is not a whole JSON object, one that
      // names neither alg nor typ.
      {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCI." + payload +
           ".Xq3v9LmP0aZr7TnB2kWc5YdE8fGh1JiKoLu4MnOpQs",
       std::nullopt},
      {"eyJraWQiOiJrMSJ9." + payload, std::nullopt},
      {"eyJAAAA.eyJBBB", std::nullopt},
  });
}

TEST(ApiTokenTest, SlackTokensAndWebhooks) {
  ExpectTable({
      {"xoxa-2-5238472103-6618302945761-8450297736102-a0f3c92e4b7d1e6f5a3c", kHigh},
      {"xoxb-83726451-Fq8Lw2Zr9Tn4Kx7Vb3Mc", kHigh},
      {"\"access_token\": \"xoxs-3206092076-3204538285-3743137121-836b042620\"", kHigh},
      {"files.slack.com/x.png?t=xoxe-4726830507825-4848601849303-4856614040758-e0b1f3d4cb37",
       kHigh},
      {"http://hooks.slack.com/services/T02K7W9Q1/BQ72XL8P/Lq8Zw2Fr9Tn4Kx7Vb3Mc6Pd1", kHigh},
      {"https://hooks.slack.com/workflows/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"
       "Lq8Zw2Fr9Tn4Kx7Vb3Mc6Pd1",
       kHigh},
      // Near misses: short number groups, a stand-in, a configuration
      // token's prefix with words after it, a documentation placeholder.
      {"xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d", kLow},
      {"xoxp-572370529330-573807301142-572331691188-####################", kLow},
      {"xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere", kLow},
      {"\"token3\": \"xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d\"", kLow},
      {"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", kLow},
  });
}

TEST(ApiTokenTest, SendgridKeys) {
  ExpectTable({
      {"sendgrid key = 'SG.Zq8Lw2Fr9Tn4Kx7Vb3Mc6.Pd1Hs5Jy0Ga2Ue7Ro4Wi9Ek3Nt6Bv8Cx1Qz5Lm7Yp-Ab3'",
       kHigh},
      {"SG.Zq8Lw2Fr9Tn4Kx7Vb3Mc6.Pd1Hs5Jy0Ga2Ue7?o4Wi9Ek3Nt6Bv8Cx1Qz5Lm7Yp-Ab3", std::nullopt},
  });
}

TEST(ApiTokenTest, GoogleApiKeys) {
  ExpectTable({
      {"AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", kHigh},
      {"apiKey: \"AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", kLow},
      {"AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWYabcd123", std::nullopt},  // a longer string
  });
}

TEST(ApiTokenTest, AuthorizationHeaders) {
  ExpectTable({
      {"curl -H \"Authorization: Bearer Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN\" https://api.example.com",
       kMedium},
      {"authorization: token 6b73bdd425ab6775bc7d120dfe5dcdaa7a409637", kMedium},
      {"Authorization: Basic c3ZjLWRlcGxveTpUcjB1YjRkb3ImMw==", kHigh},  // svc-deploy:...
      // Near misses: stand-ins, a word, base64 that is not user:password.
      {"Authorization: Bearer <token>", std::nullopt},
      {"Authorization: Bearer $ACCESS_TOKEN", std::nullopt},
      {"Authorization: Bearer YOUR_ACCESS_TOKEN_HERE", std::nullopt},
      {"Authorization: Basic aGVsbG8gd29ybGQgYWdhaW4=", std::nullopt},
      {"the Authorization: Bearer scheme is described in RFC 6750", std::nullopt},
  });
}

TEST(ApiTokenTest, NamesWithoutASecretValue) {
  ExpectTable({
      // Stand-ins.
      {"api_key = \"your_api_key_here\"", std::nullopt},
      {"API_KEY=xxxxxxxxxxxxxxxx", std::nullopt},
      {"token: <token>", std::nullopt},
      {"TOKEN=${TOKEN}", std::nullopt},
      {"secret = \"{{ vault_secret }}\"", std::nullopt},
      {"client_secret: changeme123", std::nullopt},
      {"api_key=sk-REPLACE-WITH-YOUR-KEY-0000", std::nullopt},
      // Low entropy, words, numbers, names, code.
      {"secret: aaaaaaaaaa11", std::nullopt},
      {"token_type = bearer", std::nullopt},
      {"\"token_type\": \"Bearer\"", std::nullopt},
      {"secret = \"password\"", std::nullopt},
      {"secret: 1234567890123", std::nullopt},
      {"SERVICE_SECRET = \"NEXUS-GPT4-API-KEY\"", std::nullopt},
      {"api_key = os.environ[\"API_KEY\"]", std::nullopt},
      {"api_key = process.env.SERVICE_API_KEY", std::nullopt},
      {"theapikey := \"somefakekey\"", std::nullopt},
      {"apiKey: this.apiKey,", std::nullopt},
      {"apiKey: fs.readFileSync('k3y.txt',", std::nullopt},
      {"api_key = request.json_body['k3y_2']", std::nullopt},
      {"token = lookup(k1)v2x9z8y7", std::nullopt},
      {"token = \"2024-01-15T10:30:00Z\"", std::nullopt},
      // Names of something about a secret, or of a value that is not one.
      {"secret_name = \"prod-db-credentials-2024\"", std::nullopt},
      {"token_url = \"https://example.com/oauth/token\"", std::nullopt},
      {"api_key_id: 7068fef2-7fa1-47ea-96c9-6aabfd4160bc", std::nullopt},
      {"public_key = \"y76BuqynayOzKlQB9Xk\"", std::nullopt},
      {"csrf_token = \"Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN\"", std::nullopt},
      {"next_page_token: Yks47etkI4Eyyvgh6sMLWls28ZP0MfSN", std::nullopt},
      {"max_tokens: 4096", std::nullopt},
      {"secret_length = 32", std::nullopt},
      {"credentialsId: '7068fef2-7fa1-47ea-96c9-6aabfd4160bc'", std::nullopt},
      {"credential_helper = store", std::nullopt},
      {"Credentials: see the attached sheet", std::nullopt},
      // Prose.
      {"The secret: we shipped 3 days early.", std::nullopt},
      {"secretary: Jane Smith, room 4B", std::nullopt},
      {"tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")", std::nullopt},
      {"Top secret, 2 copies only", std::nullopt},
      {"author: J. Smith 2024", std::nullopt},
      {"auth: required", std::nullopt},
      // A link's parameters.
      {"view it on https://example.com/n/3034?src=mail&email_token=AM732BWCEUSDWS2B75HT5KT",
       std::nullopt},
      {"\"url\": \"https://example.com/n/3034?src=mail\\u0026email_token=AM732BWCEUSDWS2B7\"",
       std::nullopt},
      {"reset at https://example.com/account/reset/token=Yks47etkI4Eyyvgh6sMLWls28 today",
       std::nullopt},
      {"<a href=\"https://example.com/u?id=7&amp;token=Yks47etkI4Eyyvgh6sMLWls28\">", std::nullopt},
  });
}

}  // namespace
}  // namespace sendguard::testing
