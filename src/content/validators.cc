#include "content/validators.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "util/ascii.h"

namespace sendguard {
namespace {

bool AllDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsAsciiDigit); }

// The number formed by the first `n` digits of `d`.
int Prefix(std::string_view d, std::size_t n) {
  int v = 0;
  for (std::size_t i = 0; i < n && i < d.size(); ++i) v = v * 10 + (d[i] - '0');
  return v;
}

bool InRange(int v, int lo, int hi) { return v >= lo && v <= hi; }

struct IbanLength {
  char country[3];
  int length;
};

// The SWIFT IBAN registry: country code and total length.
constexpr IbanLength kIbanLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

bool ValidLuhnValue(std::string_view m) { return LuhnValid(Digits(m)); }
bool ValidMod97Value(std::string_view m) { return Mod97Valid(m); }
bool ValidIbanValue(std::string_view m) { return IbanValid(Alphanumerics(m)); }
bool ValidAbaValue(std::string_view m) { return AbaValid(Digits(m)); }
bool ValidSsnValue(std::string_view m) { return SsnValid(Digits(m)); }

}  // namespace

std::string Alphanumerics(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (IsAsciiAlnum(c)) out.push_back(c);
  }
  return out;
}

bool LuhnValid(std::string_view digits) {
  if (digits.size() < 2 || !AllDigits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string_view CardScheme(std::string_view d) {
  if (d.empty() || !AllDigits(d)) return "";
  const std::size_t n = d.size();
  const int p2 = Prefix(d, 2), p3 = Prefix(d, 3), p4 = Prefix(d, 4), p6 = Prefix(d, 6);
  if (d[0] == '4' && (n == 13 || n == 16 || n == 19)) return "visa";
  if ((InRange(p2, 51, 55) || InRange(p4, 2221, 2720)) && n == 16) return "mastercard";
  if ((p2 == 34 || p2 == 37) && n == 15) return "amex";
  if ((p4 == 6011 || InRange(p3, 644, 649) || p2 == 65 || InRange(p6, 622126, 622925)) && n >= 16 &&
      n <= 19) {
    return "discover";
  }
  if (InRange(p4, 3528, 3589) && n >= 16 && n <= 19) return "jcb";
  if ((p4 == 1800 || p4 == 2131) && n == 15) return "jcb";  // the legacy 15-digit ranges
  if ((InRange(p3, 300, 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14 &&
      n <= 19) {
    return "diners";
  }
  if (p2 == 62 && n >= 16 && n <= 19) return "unionpay";
  if ((p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 ||
       InRange(p4, 6761, 6763)) &&
      n >= 12 && n <= 19) {
    return "maestro";
  }
  if (p4 == 5019 && n == 16) return "dankort";
  if (d[0] == '1' && n == 15) return "uatp";
  return "";
}

bool Mod97Valid(std::string_view value) {
  std::string s = Alphanumerics(value);
  if (s.size() < 5) return false;
  std::rotate(s.begin(), s.begin() + 4, s.end());
  unsigned remainder = 0;
  for (char c : s) {
    unsigned v;
    if (IsAsciiDigit(c)) {
      v = static_cast<unsigned>(c - '0');
      remainder = (remainder * 10 + v) % 97;
      continue;
    }
    v = static_cast<unsigned>((IsAsciiUpper(c) ? c - 'A' : c - 'a') + 10);
    remainder = (remainder * 100 + v) % 97;
  }
  return remainder == 1;
}

bool IbanValid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  if (!IsAsciiUpper(iban[0]) || !IsAsciiUpper(iban[1]) || !IsAsciiDigit(iban[2]) ||
      !IsAsciiDigit(iban[3])) {
    return false;
  }
  for (char c : iban) {
    if (!IsAsciiDigit(c) && !IsAsciiUpper(c)) return false;
  }
  const IbanLength* country =
      std::find_if(std::begin(kIbanLengths), std::end(kIbanLengths),
                   [&](const IbanLength& l) { return iban.substr(0, 2) == l.country; });
  if (country == std::end(kIbanLengths)) return false;
  return static_cast<int>(iban.size()) == country->length && Mod97Valid(iban);
}

bool AbaValid(std::string_view d) {
  if (d.size() != 9 || !AllDigits(d)) return false;
  const int p = Prefix(d, 2);
  if (!(InRange(p, 0, 12) || InRange(p, 21, 32) || InRange(p, 61, 72) || p == 80)) return false;
  if (d == "000000000") return false;
  auto at = [&](int i) { return d[static_cast<std::size_t>(i)] - '0'; };
  int sum = 3 * (at(0) + at(3) + at(6)) + 7 * (at(1) + at(4) + at(7)) + (at(2) + at(5) + at(8));
  return sum % 10 == 0;
}

bool SsnValid(std::string_view d) {
  if (d.size() != 9 || !AllDigits(d)) return false;
  const int area = Prefix(d, 3), group = Prefix(d.substr(3), 2), serial = Prefix(d.substr(5), 4);
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  // Published in advertising or documentation; never a real person's.
  static constexpr const char* kPublished[] = {"078051120", "219099999", "123456789",
                                               "111111111", "333333333", "987654320"};
  for (const char* p : kPublished) {
    if (d == p) return false;
  }
  return true;
}

bool GithubTokenValid(std::string_view token) {
  static constexpr std::string_view kPrefixes[] = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
  if (token.size() != 40) return false;
  if (std::none_of(std::begin(kPrefixes), std::end(kPrefixes),
                   [&](std::string_view p) { return token.substr(0, 4) == p; })) {
    return false;
  }
  std::string_view random = token.substr(4, 30), check = token.substr(34);
  if (!std::all_of(token.begin() + 4, token.end(), IsAsciiAlnum)) return false;
  std::uint32_t crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(random.data()), static_cast<uInt>(random.size())));
  static constexpr char kBase62[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::array<char, 6> expected;
  expected.fill('0');
  for (int i = 5; i >= 0 && crc != 0; --i) {
    expected[static_cast<std::size_t>(i)] = kBase62[crc % 62];
    crc /= 62;
  }
  return check == std::string_view(expected.data(), expected.size());
}

bool MgrsValid(std::string_view v) {
  std::size_t i = 0;
  while (i < v.size() && i < 2 && IsAsciiDigit(v[i])) ++i;
  if (i == 0) return false;
  const int zone = Prefix(v, i);
  if (zone < 1 || zone > 60) return false;
  auto letter_ok = [](char c, bool band) {
    if (!IsAsciiUpper(c) || c == 'I' || c == 'O') return false;
    return !band || (c >= 'C' && c <= 'X');
  };
  if (v.size() < i + 3 || !letter_ok(v[i], true) || !letter_ok(v[i + 1], false) ||
      !letter_ok(v[i + 2], false) || v[i + 2] > 'V') {
    return false;
  }
  std::string_view digits = v.substr(i + 3);
  return digits.size() >= 2 && digits.size() <= 10 && digits.size() % 2 == 0 && AllDigits(digits);
}

Validator ValidatorByName(std::string_view name) {
  if (name == "luhn") return ValidLuhnValue;
  if (name == "mod97") return ValidMod97Value;
  if (name == "iban") return ValidIbanValue;
  if (name == "aba") return ValidAbaValue;
  if (name == "ssn") return ValidSsnValue;
  return nullptr;
}

}  // namespace sendguard
