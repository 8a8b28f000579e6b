// Secrets given a name in configuration files and code: "API_KEY=...",
// "client_secret: '...'", "githubToken := \"...\"", "\"auth_token\" =>
// '...'", "<apiToken>...</apiToken>", "setProperty(\"TOKEN\", \"...\")".

#ifndef SENDGUARD_CONTENT_SECRET_ASSIGNMENTS_H_
#define SENDGUARD_CONTENT_SECRET_ASSIGNMENTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sendguard {

// A value given to a name.
struct Assignment {
  std::string_view name;                        // the identifier as written, e.g. "GITHUB_TOKEN"
  std::string_view value;                       // without its quotes
  std::size_t name_begin = 0, value_begin = 0;  // offsets into the text
};

// The assignment whose name contains the byte at `at` of `text`: the
// identifier around it (letters, digits, "_", "-", "."), an operator
// ("=", ":", ":=", "::=", "=>", "?=", ".=", "+=", "==", a "," after a
// quoted name, ">" after "<name"), perhaps a type word before it ("token
// string = ..."), and the value, quoted or up to a space, a quote, ";", ",",
// a bracket or a written "\n". nullopt when there is no operator or no
// value.
std::optional<Assignment> AssignmentAt(std::string_view text, std::size_t at);

// The words of an identifier, in lower case: "mySecretString" is "my",
// "secret", "string"; "GITHUB_API-key.v2" is "github", "api", "key", "v2".
std::vector<std::string> NameWords(std::string_view name);

// Whether an identifier names a secret itself: a word of it is "secret" or
// "token", or "key" after "api", "private", "access", "secret", ...; and no
// word after that says it names something about one ("token_type",
// "secret_name", "api_key_id", "token_url") or a value that is not secret
// ("public_key", "csrf_token", "next_page_token").
bool NamesSecret(const std::vector<std::string>& words);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_SECRET_ASSIGNMENTS_H_
