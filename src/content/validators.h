// Checksums and structural rules that confirm a candidate is what its shape
// suggests: a pattern finds digits, a validator says whether they are a
// card number, an IBAN, a routing number, ...
//
// All functions take the value without separators unless they say
// otherwise, are pure, and never throw.

#ifndef SENDGUARD_CONTENT_VALIDATORS_H_
#define SENDGUARD_CONTENT_VALIDATORS_H_

#include <string>
#include <string_view>

namespace sendguard {

// `s` with every byte that is not an ASCII letter or digit removed.
std::string Alphanumerics(std::string_view s);

// Luhn (mod 10) check of a string of digits (any length >= 2).
bool LuhnValid(std::string_view digits);

// The card scheme whose issuer ranges and lengths admit `digits`
// ("visa", "mastercard", "amex", "discover", "jcb", "diners", "unionpay",
// "maestro", "dankort", "uatp"), or "" when none does. Does not check Luhn.
std::string_view CardScheme(std::string_view digits);

// Whether `iban` (letters and digits, no spaces) has its country's length
// and passes ISO 7064 mod 97-10.
bool IbanValid(std::string_view iban);

// Whether 9 digits are an ABA routing transit number: a Federal Reserve
// prefix and the 3-7-1 checksum.
bool AbaValid(std::string_view digits);

// Whether 9 digits can be a US Social Security number: area not 000, 666 or
// 900-999, group not 00, serial not 0000, and not a number known to be
// published (e.g. 078-05-1120, 123-45-6789).
bool SsnValid(std::string_view digits);

// Whether a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_ + 36 characters)
// carries a valid CRC32 checksum in its last six base62 characters.
bool GithubTokenValid(std::string_view token);

// Whether `value` (no spaces) is an MGRS reference: zone 1-60, latitude
// band C-X (no I, O), 100 km square letters, and an even number (2-10) of
// digits.
bool MgrsValid(std::string_view value);

// Whether the letters and digits of `value` pass ISO 7064 mod 97-10 (as in
// IBANs and LEIs: the first four characters moved to the end, letters as
// 10-35).
bool Mod97Valid(std::string_view value);

// A validator of a custom rule, by name ("luhn", "mod97", "iban", "aba",
// "ssn"), applied to the matched text: the digit checks to its digits, the
// others to its letters and digits. nullptr when there is no such name.
using Validator = bool (*)(std::string_view matched);
Validator ValidatorByName(std::string_view name);

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_VALIDATORS_H_
