#include "recipients/confusables_extra.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "recipients/skeleton.h"

namespace sendguard {
namespace {

struct Mapping {
  char32_t from;
  const char* to;
};

// Lower-case code points and the ASCII they are read as, sorted by code
// point. Source: Chromium, components/url_formatter/spoof_checks/
// skeleton_generator.cc: its "extra confusable" rules that supplement the
// Unicode list (to one letter or digit, æ ӕ to "ae", dashes and 一 to "-"),
// its diacritic remover's ł ø đ, and its letters with several readings, of
// which one is kept here since a skeleton is one string: þ (b or p) as p,
// œ (ce or oe) as oe, ł (l or t) as l, and ӏ, which it reads as l besides
// TS #39's i, as l. ß is b as in Chromium's rules.
constexpr Mapping kMappings[] = {
    {0x00DF, "b"},   // ß Latin Small Letter Sharp S
    {0x00E6, "ae"},  // æ Latin Small Letter Ae
    {0x00F8, "o"},   // ø Latin Small Letter O With Stroke
    {0x00FE, "p"},   // þ Latin Small Letter Thorn
    {0x0111, "d"},   // đ Latin Small Letter D With Stroke
    {0x0127, "h"},   // ħ Latin Small Letter H With Stroke
    {0x0138, "k"},   // ĸ Latin Small Letter Kra
    {0x0142, "l"},   // ł Latin Small Letter L With Stroke
    {0x014B, "n"},   // ŋ Latin Small Letter Eng
    {0x0153, "oe"},  // œ Latin Small Ligature Oe
    {0x0167, "t"},   // ŧ Latin Small Letter T With Stroke
    {0x0185, "b"},   // ƅ Latin Small Letter Tone Six
    {0x03B8, "0"},   // θ Greek Small Letter Theta
    {0x03BA, "k"},   // κ Greek Small Letter Kappa
    {0x03C7, "x"},   // χ Greek Small Letter Chi
    {0x03C9, "w"},   // ω Greek Small Letter Omega
    {0x03FC, "p"},   // ϼ Greek Rho With Stroke Symbol
    {0x0432, "b"},   // в Cyrillic Small Letter Ve
    {0x0437, "3"},   // з Cyrillic Small Letter Ze
    {0x043A, "k"},   // к Cyrillic Small Letter Ka
    {0x043C, "m"},   // м Cyrillic Small Letter Em
    {0x043D, "h"},   // н Cyrillic Small Letter En
    {0x043F, "n"},   // п Cyrillic Small Letter Pe
    {0x0442, "t"},   // т Cyrillic Small Letter Te
    {0x0448, "w"},   // ш Cyrillic Small Letter Sha
    {0x0449, "w"},   // щ Cyrillic Small Letter Shcha
    {0x044C, "b"},   // ь Cyrillic Small Letter Soft Sign
    {0x0454, "e"},   // є Cyrillic Small Letter Ukrainian Ie
    {0x045B, "h"},   // ћ Cyrillic Small Letter Tshe
    {0x048D, "b"},   // ҍ Cyrillic Small Letter Semisoft Sign
    {0x048F, "p"},   // ҏ Cyrillic Small Letter Er With Tick
    {0x0491, "r"},   // ґ Cyrillic Small Letter Ghe With Upturn
    {0x0493, "f"},   // ғ Cyrillic Small Letter Ghe With Stroke
    {0x0499, "3"},   // ҙ Cyrillic Small Letter Ze With Descender
    {0x049B, "k"},   // қ Cyrillic Small Letter Ka With Descender
    {0x049D, "k"},   // ҝ Cyrillic Small Letter Ka With Vertical Stroke
    {0x049F, "k"},   // ҟ Cyrillic Small Letter Ka With Stroke
    {0x04A1, "k"},   // ҡ Cyrillic Small Letter Bashkir Ka
    {0x04A3, "h"},   // ң Cyrillic Small Letter En With Descender
    {0x04A5, "h"},   // ҥ Cyrillic Small Ligature En Ghe
    {0x04AB, "c"},   // ҫ Cyrillic Small Letter Es With Descender
    {0x04AD, "t"},   // ҭ Cyrillic Small Letter Te With Descender
    {0x04B1, "y"},   // ұ Cyrillic Small Letter Straight U With Stroke
    {0x04B3, "x"},   // ҳ Cyrillic Small Letter Ha With Descender
    {0x04BD, "e"},   // ҽ Cyrillic Small Letter Abkhasian Che
    {0x04BF, "e"},   // ҿ Cyrillic Small Letter Abkhasian Che With Descender
    {0x04C4, "k"},   // ӄ Cyrillic Small Letter Ka With Hook
    {0x04C8, "h"},   // ӈ Cyrillic Small Letter En With Hook
    {0x04CA, "h"},   // ӊ Cyrillic Small Letter En With Tail
    {0x04CE, "m"},   // ӎ Cyrillic Small Letter Em With Tail
    {0x04CF, "l"},   // ӏ Cyrillic Small Letter Palochka (TS #39: i)
    {0x04D5, "ae"},  // ӕ Cyrillic Small Ligature A Ie
    {0x04E1, "3"},   // ӡ Cyrillic Small Letter Abkhasian Dze
    {0x04FB, "f"},   // ӻ Cyrillic Small Letter Ghe With Stroke And Hook
    {0x04FD, "x"},   // ӽ Cyrillic Small Letter Ha With Hook
    {0x04FF, "x"},   // ӿ Cyrillic Small Letter Ha With Stroke
    {0x0503, "d"},   // ԃ Cyrillic Small Letter Komi Dje
    {0x050B, "h"},   // ԋ Cyrillic Small Letter Komi Nje
    {0x050D, "g"},   // ԍ Cyrillic Small Letter Komi Sje
    {0x050F, "t"},   // ԏ Cyrillic Small Letter Komi Tje
    {0x051F, "k"},   // ԟ Cyrillic Small Letter Aleut Ka
    {0x0525, "n"},   // ԥ Cyrillic Small Letter Pe With Descender
    {0x0527, "h"},   // ԧ Cyrillic Small Letter Shha With Descender
    {0x0529, "h"},   // ԩ Cyrillic Small Letter En With Left Hook
    {0x0573, "6"},   // ճ Armenian Small Letter Cheh
    {0x0577, "2"},   // շ Armenian Small Letter Sha
    {0x05D7, "n"},   // ח Hebrew Letter Het
    {0x0909, "3"},   // उ Devanagari Letter U
    {0x0966, "o"},   // ० Devanagari Digit Zero
    {0x0968, "2"},   // २ Devanagari Digit Two
    {0x0993, "3"},   // ও Bengali Letter O
    {0x09E6, "o"},   // ০ Bengali Digit Zero
    {0x09E8, "2"},   // ২ Bengali Digit Two
    {0x09EA, "8"},   // ৪ Bengali Digit Four
    {0x09ED, "q"},   // ৭ Bengali Digit Seven
    {0x0A24, "3"},   // ਤ Gurmukhi Letter Ta
    {0x0A5C, "3"},   // ੜ Gurmukhi Letter Rra
    {0x0A66, "o"},   // ੦ Gurmukhi Digit Zero
    {0x0A67, "q"},   // ੧ Gurmukhi Digit One
    {0x0A68, "2"},   // ੨ Gurmukhi Digit Two
    {0x0A69, "3"},   // ੩ Gurmukhi Digit Three
    {0x0A6A, "8"},   // ੪ Gurmukhi Digit Four
    {0x0A6B, "4"},   // ੫ Gurmukhi Digit Five
    {0x0AE6, "o"},   // ૦ Gujarati Digit Zero
    {0x0AE7, "q"},   // ૧ Gujarati Digit One
    {0x0AE8, "2"},   // ૨ Gujarati Digit Two
    {0x0AE9, "3"},   // ૩ Gujarati Digit Three
    {0x0AED, "9"},   // ૭ Gujarati Digit Seven
    {0x0B20, "o"},   // ଠ Oriya Letter Ttha
    {0x0B66, "o"},   // ୦ Oriya Digit Zero
    {0x0B68, "9"},   // ୨ Oriya Digit Two
    {0x0B6B, "8"},   // ୫ Oriya Digit Five
    {0x0C68, "9"},   // ౨ Telugu Digit Two
    {0x0C69, "3"},   // ౩ Telugu Digit Three
    {0x0CE6, "o"},   // ೦ Kannada Digit Zero
    {0x0CE9, "2"},   // ೩ Kannada Digit Three
    {0x0CED, "2"},   // ೭ Kannada Digit Seven
    {0x0D1F, "s"},   // ട Malayalam Letter Tta
    {0x0E01, "n"},   // ก Thai Character Ko Kai
    {0x0E1A, "u"},   // บ Thai Character Bo Baimai
    {0x0E1E, "w"},   // พ Thai Character Pho Phan
    {0x0E1F, "w"},   // ฟ Thai Character Fo Fan
    {0x0E23, "s"},   // ร Thai Character Ro Rua
    {0x0E9A, "u"},   // ບ Lao Letter Bo
    {0x0E9E, "w"},   // ພ Lao Letter Pho Tam
    {0x0E9F, "w"},   // ຟ Lao Letter Fo Sung
    {0x0EA3, "s"},   // ຣ Lao Letter Lo Ling
    {0x0EAE, "s"},   // ຮ Lao Letter Ho Tam
    {0x1004, "c"},   // င Myanmar Letter Nga
    {0x1005, "o"},   // စ Myanmar Letter Ca
    {0x100C, "g"},   // ဌ Myanmar Letter Ttha
    {0x1012, "3"},   // ဒ Myanmar Letter Da
    {0x1042, "j"},   // ၂ Myanmar Digit Two
    {0x1054, "e"},   // ၔ Myanmar Letter Vocalic L
    {0x10D5, "3"},   // ვ Georgian Letter Vin
    {0x10D9, "3"},   // კ Georgian Letter Kan
    {0x10DE, "3"},   // პ Georgian Letter Par
    {0x10EB, "d"},   // ძ Georgian Letter Jil
    {0x2014, "-"},   // — Em Dash
    {0x2015, "-"},   // ― Horizontal Bar
    {0x2E3A, "-"},   // ⸺ Two-Em Dash
    {0x2E3B, "-"},   // ⸻ Three-Em Dash
    {0x3110, "4"},   // ㄐ Bopomofo Letter J
    {0x4E00, "-"},   // 一 Cjk Unified Ideograph-4E00
    {0x4E01, "t"},   // 丁 Cjk Unified Ideograph-4E01
    {0x4E03, "t"},   // 七 Cjk Unified Ideograph-4E03
    {0x4E05, "t"},   // 丅 Cjk Unified Ideograph-4E05
    {0x4E06, "t"},   // 丆 Cjk Unified Ideograph-4E06
    {0x4E29, "4"},   // 丩 Cjk Unified Ideograph-4E29
    {0x4E2B, "y"},   // 丫 Cjk Unified Ideograph-4E2B
    {0x4E42, "x"},   // 乂 Cjk Unified Ideograph-4E42
};

static_assert(std::is_sorted(std::begin(kMappings), std::end(kMappings),
                             [](const Mapping& a, const Mapping& b) { return a.from < b.from; }));

// Letters of one script that all look Latin, so that a label written only
// in them reads as a Latin word ("сосо" as coco), and the top-level domains
// where that script is at home. Source: Chromium, components/url_formatter/
// spoof_checks/idn_spoof_checker.cc, its whole-script confusable table
// (Thai with the letters it lists for all platforms).
struct WholeScript {
  UScriptCode script;
  const char* latin_lookalikes;  // UTF-8, lower case
  std::array<const char*, 8> home_tlds;
};

const WholeScript kWholeScripts[] = {
    {USCRIPT_ARMENIAN, "ագզէլհյոսւօՙ", {"am"}},
    {USCRIPT_CYRILLIC, "аысԁеԍһіюкјӏорԗԛѕԝхуъьҽпгѵѡ", {"bg", "by", "kz", "ru", "su", "ua", "uz"}},
    {USCRIPT_ETHIOPIC, "ሀሠሰስበነተከዐዕዘጠፐꬅ", {"er", "et"}},
    {USCRIPT_GEORGIAN, "იოყძხჽჿ", {"ge"}},
    {USCRIPT_GREEK, "αικνρυωηοτ", {"gr"}},
    {USCRIPT_HEBREW, "דוחיןסװײ׳ﬦ", {"il"}},
    {USCRIPT_BENGALI, "০৭", {}},
    {USCRIPT_DEVANAGARI, "ऽ०ॱ", {}},
    {USCRIPT_GUJARATI, "ડટ૦૧", {}},
    {USCRIPT_GURMUKHI, "੦੧", {}},
    {USCRIPT_KANNADA, "ಽ೦೧", {}},
    {USCRIPT_MALAYALAM, "ടഠധനറ൦", {}},
    {USCRIPT_ORIYA, "ଠ୦୮", {}},
    {USCRIPT_TAMIL, "டப௦", {}},
    {USCRIPT_TELUGU, "౦౧", {}},
    {USCRIPT_MYANMAR, "ခဂငထပဝ၀၂ၔၜ\u1090\u1091\u1095\u1096\u1097", {"mm"}},
    {USCRIPT_THAI, "บพเแ๐", {"th"}},
};

// Real words that are whole-script lookalikes but imitate no Latin word
// (same source).
constexpr std::string_view kAllowedWords[] = {"секс",  "как",   "коса",    "курс",    "парк",
                                              "такий", "укроп", "сахарок", "покраска"};

// Decodes the code points of `text`; invalid bytes come out as negative.
template <typename F>
void ForEachCodePoint(std::string_view text, F&& f) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    f(c, text.substr(start, i - start));
  }
}

}  // namespace

std::string_view ExtraConfusable(char32_t c) {
  if (c < 0x80) return {};
  const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  const Mapping* it = std::lower_bound(std::begin(kMappings), std::end(kMappings), lower,
                                       [](const Mapping& m, char32_t v) { return m.from < v; });
  if (it == std::end(kMappings) || it->from != lower) return {};
  return it->to;
}

std::string MapExtraConfusables(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&](UChar32 c, std::string_view bytes) {
    std::string_view to = c < 0 ? std::string_view() : ExtraConfusable(static_cast<char32_t>(c));
    out += to.empty() ? bytes : to;
  });
  return out;
}

bool IsDigitLookalike(char32_t c) {
  std::string_view to = ExtraConfusable(c);
  return to.size() == 1 && to[0] >= '0' && to[0] <= '9';
}

bool IsDigitLookalikeLabel(std::string_view label) {
  bool lookalike = false;
  bool other = label.empty();
  ForEachCodePoint(label, [&](UChar32 c, std::string_view) {
    if (c >= '0' && c <= '9') return;
    if (c > 0 && IsDigitLookalike(static_cast<char32_t>(c))) {
      lookalike = true;
    } else {
      other = true;
    }
  });
  return lookalike && !other;
}

bool IsWholeScriptLookalikeLabel(std::string_view label, std::string_view tld) {
  for (std::string_view word : kAllowedWords) {
    if (label == word) return false;
  }
  const WholeScript* script = nullptr;
  bool lookalike = !label.empty();
  ForEachCodePoint(label, [&](UChar32 c, std::string_view bytes) {
    if (!lookalike || (c >= '0' && c <= '9') || c == '-') return;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode sc = c < 0 ? USCRIPT_INVALID_CODE : uscript_getScript(c, &status);
    if (script == nullptr) {
      for (const WholeScript& w : kWholeScripts) {
        if (w.script == sc) script = &w;
      }
    }
    lookalike = script != nullptr && script->script == sc &&
                std::string_view(script->latin_lookalikes).find(bytes) != std::string_view::npos;
  });
  if (!lookalike || script == nullptr) return false;
  // At home under a TLD written in the script or one of its countries'.
  bool home = false;
  ForEachCodePoint(tld, [&](UChar32 c, std::string_view) {
    UErrorCode status = U_ZERO_ERROR;
    home |= c > 0x7F && uscript_getScript(c, &status) == script->script;
  });
  for (const char* t : script->home_tlds) home |= t != nullptr && tld == t;
  return !home;
}

}  // namespace sendguard
