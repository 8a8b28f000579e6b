#include "recipients/known_domains.h"

#include <array>

namespace sendguard {

std::span<const std::string_view> BuiltinSensitiveSuffixes() {
  static constexpr std::array<std::string_view, 2> kSuffixes = {"mil", "gov"};
  return kSuffixes;
}

std::span<const std::string_view> BuiltinWebmailDomains() {
  static constexpr std::array<std::string_view, 48> kWebmail = {
      "gmail.com",      "googlemail.com", "outlook.com", "hotmail.com",   "hotmail.co.uk",
      "hotmail.fr",     "hotmail.de",     "hotmail.it",  "live.com",      "live.co.uk",
      "msn.com",        "yahoo.com",      "yahoo.co.uk", "yahoo.fr",      "yahoo.de",
      "ymail.com",      "aol.com",        "icloud.com",  "me.com",        "mac.com",
      "protonmail.com", "proton.me",      "pm.me",       "gmx.com",       "gmx.de",
      "gmx.net",        "web.de",         "mail.com",    "zoho.com",      "yandex.ru",
      "yandex.com",     "mail.ru",        "qq.com",      "163.com",       "126.com",
      "comcast.net",    "verizon.net",    "att.net",     "sbcglobal.net", "btinternet.com",
      "orange.fr",      "free.fr",        "laposte.net", "libero.it",     "t-online.de",
      "tutanota.com",   "fastmail.com",   "hey.com"};
  return kWebmail;
}

}  // namespace sendguard
