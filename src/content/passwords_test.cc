#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "content/scan_for_test.h"

namespace sendguard::testing {
namespace {

struct Case {
  const char* text;
  std::optional<Confidence> want;
};

void ExpectAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Detect("password", c.text), c.want) << c.text;
  }
}

TEST(PasswordTest, PasswordsGivenOut) {
  EXPECT_EQ(Detect("password", "password: Tr0ub4dor&3"), kHigh);
  EXPECT_EQ(Detect("password", "login with pwd=S3cr3t!x"), kHigh);
  EXPECT_EQ(Detect("password", "Your temporary password is Welcome2024!"), kHigh);
  EXPECT_EQ(Detect("password", "{\"user\": \"bob\", \"password\": \"hunter22\"}"), kHigh);
  EXPECT_EQ(Detect("password", "PIN: 4821"), kMedium);
  EXPECT_EQ(Findings("Password: Tr0ub4dor&3")["password"].sample, "Password: ********");
}

// The keyword as one word of a longer name: prefixes, suffixes, dotted
// keys, environment variables, command-line flags.
TEST(PasswordTest, KeywordInsideLongerNames) {
  ExpectAll({
      {"DB_PASSWORD=Qz7vLm2pX", kHigh},
      {"db_pass = k3lpie9vq", kHigh},
      {"my_password_secure = \"Fjord*Lamp71\"", kHigh},
      {"password_super_secure = \"tall grey ladder\"", kHigh},
      {"MYSQL_ROOT_PASSWORD: R00t-Demo9", kHigh},
      {"spring.datasource.password=Spr1ngDemo", kHigh},
      {"PGPASSWORD=pgDemo42 psql -h db.internal", kHigh},
      {"dbPass: \"Zx81spectrum\"", kHigh},
      {"keypass=tr33house", kHigh},
      {"run it with --db-password=Hydr0gen! and wait", kHigh},
      {"export SMTP_PASS='mailDemo#5'", kHigh},
      {"password2 = \"Second2nd\"", kHigh},
      {"\"user_password\": \"j4ck-in-box\"", kHigh},
      {"userPasswordNew: Pl4ntPot", kHigh},
      {"sim_pin = 7391", kMedium},
  });
  EXPECT_EQ(Findings("DB_PASSWORD=Qz7vLm2pX")["password"].sample, "DB_PASSWORD=********");
}

// Operators other than = and :, and the forms of code.
TEST(PasswordTest, OperatorsOfCode) {
  ExpectAll({
      {"db_pass := pl41nGoVal", kHigh},
      {"passwd := \"wa7erfall\"", kHigh},
      {"'password' => 'Php4rrays!'", kHigh},
      {":password => \"rubyHash9\"", kHigh},
      {"password \"Curly9brace\";", kHigh},
      {"if (\"Cmp4reMe\" == passwd) {", kHigh},
      {"if (passwd != \"N0tEqual\") return;", kHigh},
      {"if ('Tr1pleEq' === my_super_password) {", kHigh},
      {"if (\"Str1ctNe\" !== user_pass_sec) {", kHigh},
      {"if (user.password === \"JsStrict1\")", kHigh},
      {"setPassword(\"S3tter-value\");", kHigh},
      {"password.assign(\"Assign3d!\", 9);", kHigh},
      {"char password[16] = \"Arr4yInit\";", kHigh},
      {"NSString *password = @\"Obj3ctiveC\";", kHigh},
      {"some_dict[\"password\"] = \"D1ctValue\"", kHigh},
      {"password = \"A,.:-@*?!\"", kHigh},  // one letter is enough
  });
}

// Configuration files as they are pasted into mail or attached.
TEST(PasswordTest, ConfigurationFiles) {
  ExpectAll({
      {"database:\n  host: db.internal\n  password: \"yaml-Quoted7\"\n", kHigh},
      {"database:\n  user: app\n  password: plainYaml8\n", kHigh},
      {"{\"login\": {\"name\": \"app\", \"password\": \"n3sted!\"}}", kHigh},
      {"APP_ENV=production\nDB_HOST=db.internal\nDB_PASSWORD=envFile2024\n"
       "REDIS_URL=redis://cache:6379\n",
       kHigh},
      {"[mysql]\nuser = backup\npassword = \"four words in here\"\n", kHigh},
      {"Username:\nbob\nPassword:\nSnow-Fall7\n", kHigh},
  });
}

// What a password keyword is followed by without being a password: values
// with no letter or digit, placeholders, variables, calls, templates.
TEST(PasswordTest, ValuesThatAreNotPasswords) {
  ExpectAll({
      {"password = \",.:-@*?!\"", std::nullopt},
      {"password := ,.:-@*?!", std::nullopt},
      {"password: '?!*@-.'", std::nullopt},
      {"password = \"somefakekey\"", std::nullopt},
      {"password := \"fakesecret\"", std::nullopt},
      {"password: ${DB_PASSWORD}", std::nullopt},
      {"password[] = ${link}", std::nullopt},
      {"password: <password>", std::nullopt},
      {"password: \"{{ vault_db_password }}\"", std::nullopt},
      {"password: !vault |", std::nullopt},
      {"password = os.environ[\"DB_PASSWORD\"]", std::nullopt},
      {"password = os.getenv('DB_PASSWORD')", std::nullopt},
      {"pwd = getpass()", std::nullopt},
      {"my_password = request.json_body['pw']", std::nullopt},
      {"apiKey: this.apiKey, password: this.password,", std::nullopt},
      {"password = True", std::nullopt},
      {"login(username=username, password=password)", std::nullopt},
      {"$password = $input;", std::nullopt},
      {"password = userInput;", std::nullopt},
      {"password: real_value_here", std::nullopt},
      {"password = \"\"", std::nullopt},
      {"my_password = ''", std::nullopt},
      {"password => $pass", std::nullopt},
      {"password => \"\"", std::nullopt},
      {"if (passwd == expected) {", std::nullopt},
      {"password = xxxxxxxx", std::nullopt},
      {"password = \"changeme\"", std::nullopt},
      {"password_file: /run/secrets/db_password", std::nullopt},
      {"password \"mismatched';", std::nullopt},
      {"password \"no-semicolon\" here", std::nullopt},
      {"snowflake.password=\njdbc.snowflake.url=", std::nullopt},
      {"PuttyPassword=0", std::nullopt},
      {"Password::Reset.call(user)", std::nullopt},
  });
}

// Names that contain a password keyword but name something else.
TEST(PasswordTest, NamesThatAreNotPasswords) {
  ExpectAll({
      {"password_reset_url = https://example.com/reset", std::nullopt},
      {"password_reset_link: https://example.com/r/abc123", std::nullopt},
      {"PASSWORD_MIN_LENGTH=12", std::nullopt},
      {"passwordPolicy: Strict2024", std::nullopt},
      {"forgot_password_label = \"Forgot your password?\"", std::nullopt},
      {"passwordless: enabled", std::nullopt},
      {"bypass_cache = yes2day", std::nullopt},
      {"compass: N45W", std::nullopt},
      {"passenger_count = 3x4y", std::nullopt},
      {"passed: Unit7Tests", std::nullopt},
      {"spinner: Bl4de", std::nullopt},
  });
  // A hash of a password is a mention, not a password given out.
  EXPECT_EQ(Detect("password", "password_hash: 5f2b9c61d0a8e47f3b6a9d12c0e4f7a8"), kLow);
}

TEST(PasswordTest, TalkAboutPasswords) {
  for (const char* text : {
           "Please reset your password before Friday.",
           "Your password is too short.",
           "The password is required for every login.",
           "Your password is expired; choose a new one.",
           "Forgot your password? Click here.",
           "Passwords must be 12 characters long.",
           "password: ********",
           "Password: <your password>",
           "password: see attached",
           "Password: N/A",
           "The password policy: see the intranet.",
           "Click here to reset your password: https://example.com/reset?token=abc123",
           "The PIN was forgotten again, and the passcode is somewhere in the drawer.",
           "Passwords: we rotate them every quarter.",
           "Password-protected: yes, the archive is.",
           "Click \"Forgot password\" and follow the steps.",
           "Type \"password\" into the \"user\" field, then press enter.",
           "Use a strong password (at least 12 characters).",
           "The passenger list: attached below.",
           "I passed: finally, after three tries.",
           "If the password == the old one, the form says so.",
       }) {
    EXPECT_EQ(Detect("password", text), std::nullopt) << text;
  }
}

TEST(PasswordTest, AQuotedSnakeCaseNameIsAMention) {
  EXPECT_EQ(Detect("password", "password: \"real_key\""), kLow);
  EXPECT_EQ(Detect("password", "db_password = 'my_db_secret'"), kLow);
  // Not names: digits, capitals, or a lone word.
  EXPECT_EQ(Detect("password", "password: \"real_key7\""), kHigh);
  EXPECT_EQ(Detect("password", "password: \"Real_Key\""), kHigh);
  EXPECT_EQ(Detect("password", "password: \"hunter\""), kMedium);
}

}  // namespace
}  // namespace sendguard::testing
