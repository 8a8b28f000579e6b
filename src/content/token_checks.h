// Checks on the values that credential detectors find: whether a string
// looks made up by a machine (a secret) or written by a person (a word, a
// name, a placeholder), and the structure of some well-known token formats.
//
// All functions are pure and never throw.

#ifndef SENDGUARD_CONTENT_TOKEN_CHECKS_H_
#define SENDGUARD_CONTENT_TOKEN_CHECKS_H_

#include <cstddef>
#include <string_view>

namespace sendguard {

// Shannon entropy of the bytes of `s`, in bits per byte (0 for "").
double ShannonEntropy(std::string_view s);

// Whether `s` is a UUID: 8-4-4-4-12 hexadecimal digits (either case).
bool IsUuid(std::string_view s);

// Whether `s` is non-empty and only hexadecimal digits (either case).
bool IsHex(std::string_view s);

// Whether `value` is a stand-in for a secret rather than one: "xxxx",
// "****", "<token>", "${TOKEN}", "{{ secret }}", "your_api_key_here",
// "changeme", "redacted", a run of one character.
bool LooksLikePlaceholder(std::string_view value);

// Whether `value` reads as a name made of words ("my-app-secret",
// "NEXUS_GPT4_API_KEY", "token_with_underscores", "process.env.TOKEN"),
// not as random characters.
bool LooksLikeName(std::string_view value);

// Whether `value`, given after a secret's name ("token = VALUE"), looks like
// a secret: 10 to 300 bytes without spaces, letters with digits or symbols,
// entropy of at least 3 bits per byte, not a placeholder, a name, a number,
// a link, a path or code.
bool LooksLikeSecretValue(std::string_view value);

// How an OpenAI API key ("sk-...T3BlbkFJ...") is built.
enum class OpenAiKeyShape {
  kKnown,    // a published layout: legacy, project, service account, admin
  kUnknown,  // the marker, but lengths no layout has (not an admin key)
  kBroken,   // an admin key ("sk-admin-") of the wrong length
};
// The shape of `key`, the whole token from "sk-" on; `key` must contain
// "T3BlbkFJ".
OpenAiKeyShape ClassifyOpenAiKey(std::string_view key);

// How a JSON Web Token ("eyJ...") is built.
enum class JwtShape {
  kNone,      // not one: too few segments, or not JSON objects
  kUnsigned,  // header.payload: objects, the header naming "alg" or "typ"
  kSigned,    // header.payload.signature, the header naming "alg"
};
// The shape of `token`, base64url segments separated by ".".
JwtShape ClassifyJwt(std::string_view token);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_TOKEN_CHECKS_H_
