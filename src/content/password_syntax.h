// How passwords are written in configuration files, code and mail: the name
// a value is given to ("DB_PASSWORD", "spring.datasource.password",
// "setPassword"), the operator between them (=, :, :=, =>, ==, !=), the
// value as written (quoted or bare), and the values that stand for a
// password without being one (placeholders, variables, templates).

#ifndef SENDGUARD_CONTENT_PASSWORD_SYNTAX_H_
#define SENDGUARD_CONTENT_PASSWORD_SYNTAX_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace sendguard {

// A name (identifier, key, command-line flag) that holds a password.
struct PasswordName {
  enum Kind {
    kPassword,  // the password itself: "password", "DB_PASS", "passwordNew"
    kHash,      // a hash or cipher text of it: "password_hash", "pwd_digest"
    kMetadata,  // something about it: "password_reset_url", "PASSWORD_MIN_LENGTH"
  };
  std::size_t begin = 0, end = 0;  // the whole name in the text
  Kind kind = kPassword;
};

// The name that contains byte `at` of `text` ("my_password_secure" around
// any of its bytes), when a password keyword is one of its words: whole, or
// joined to a prefix ("PGPASSWORD", "dbPass", "keypass"), but not part of
// another word ("passport", "bypass", "passwordless"). nullopt otherwise.
std::optional<PasswordName> PasswordNameAround(std::string_view text, std::size_t at);

// A value given to a name.
struct PasswordAssignment {
  enum Op { kAssign, kColon, kWalrus, kArrow, kCompare };  // = : := => == != === !==
  Op op = kAssign;
  std::string_view value;  // without its quotes
  bool quoted = false;
};

// The operator and value that follow a name ending at `from`: an optional
// index ("[]", "[25]"), up to two closing quotes or brackets ("\"]"), the
// operator, then the value, quoted (the closing quote on the same line) or
// bare (up to white space, trailing punctuation removed). nullopt when no
// operator or no value follows.
std::optional<PasswordAssignment> AssignmentAfter(std::string_view text, std::size_t from);

// A quoted value opened by the quote at `open`, closed by the same quote on
// the same line; nullopt when it is not closed.
std::optional<std::string_view> QuotedAt(std::string_view text, std::size_t open);

// The value written at `from`: quoted (see QuotedAt), or bare, up to white
// space, without trailing punctuation. nullopt when there is none.
struct PasswordValue {
  std::string_view value;  // without its quotes
  bool quoted = false;
};
std::optional<PasswordValue> ValueAt(std::string_view text, std::size_t from);

// Whether `value` stands for a password rather than being one: empty or
// without a letter or digit, masked ("********"), a placeholder
// ("somefakekey", "<password>", "changeme", "${DB_PASS}", "{{ pw }}"), a
// word of talk ("required", "none", "true"); and when bare (`quoted`
// false), a variable or call ("os.environ['PW']", "getenv(...)",
// "self.password", "db_password").
bool IsPasswordStandIn(std::string_view value, bool quoted);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_PASSWORD_SYNTAX_H_
