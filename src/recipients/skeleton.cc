#include "recipients/skeleton.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include <array>
#include <atomic>
#include <memory>

#include "recipients/confusables_extra.h"
#include "util/object_pool.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// One checker for all threads: ICU documents the functions that take a
// const USpoofChecker (uspoof_getSkeletonUTF8, uspoof_check2UTF8) as safe
// to call concurrently on one instance. Made once, never closed.
const USpoofChecker* SharedChecker() {
  static const USpoofChecker* checker = []() -> const USpoofChecker* {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    if (U_FAILURE(status)) {
      uspoof_close(sc);
      return nullptr;
    }
    uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_SCRIPT_CONFUSABLE, &status);
    uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
    return sc;
  }();
  return checker;
}

std::string IcuSkeleton(std::string_view text) {
  const USpoofChecker* sc = SharedChecker();
  if (sc == nullptr) return std::string(text);
  std::string out(text.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uspoof_getSkeletonUTF8(sc, 0, text.data(), static_cast<int32_t>(text.size()),
                                     out.data(), static_cast<int32_t>(out.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<std::size_t>(n) + 1, '\0');
    status = U_ZERO_ERROR;
    n = uspoof_getSkeletonUTF8(sc, 0, text.data(), static_cast<int32_t>(text.size()), out.data(),
                               static_cast<int32_t>(out.size()), &status);
  }
  if (U_FAILURE(status)) return std::string(text);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Removes what TS #39 keeps apart but a reader skims over: diacritics and
// hooks on Latin letters (ṛ, ɾ, ɏ → r, r, y), full-width forms.
std::string FoldLatin(const std::string& text) {
  // Transliterators must not be used by two threads at once: they are lent
  // out one at a time from a process-wide pool.
  static auto* pool = new ObjectPool<icu::Transliterator>(1, 64);
  static std::atomic<bool> unavailable{false};
  if (unavailable.load(std::memory_order_relaxed)) return text;
  ObjectPool<icu::Transliterator>::Loan fold = pool->Borrow("", [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  });
  if (!fold) {
    unavailable.store(true, std::memory_order_relaxed);
    return text;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  fold->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Skeletons of single ASCII characters, lower-cased; a skeleton maps code
// points one by one, so an ASCII string's skeleton is their concatenation.
const std::array<std::string, 128>& AsciiTable() {
  static const std::array<std::string, 128> table = [] {
    std::array<std::string, 128> t;
    for (int c = 0; c < 128; ++c) {
      char ch = static_cast<char>(c);
      t[c] = (c >= 0x20 && c < 0x7F) ? AsciiLower(IcuSkeleton(std::string_view(&ch, 1)))
                                     : std::string(1, ch);
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string Skeleton(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    // The confusables TS #39 lacks first (Cyrillic ш is w, not left as it
    // is), then its own (Cyrillic р is p, not r); the first again for the
    // prototypes TS #39 picked (Greek β → ß → b, not Latin-ASCII's ss),
    // then the Latin folding, and the first again for what folding bared
    // (ώ → ω → w); then the skeleton again for what those produced, of the
    // lower case as in the ASCII path (TS #39 keeps M, but m is rn).
    std::string folded =
        MapExtraConfusables(FoldLatin(MapExtraConfusables(IcuSkeleton(MapExtraConfusables(text)))));
    return AsciiLower(IcuSkeleton(AsciiLower(folded)));
  }
  const auto& table = AsciiTable();
  std::string out;
  out.reserve(text.size() + 4);
  for (char c : text) {
    // Upper and lower case look different but mean the same in a domain.
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out += table[static_cast<unsigned char>(lower)];
  }
  // Skeletons of lower-case letters can contain upper-case prototypes.
  return AsciiLower(out);
}

bool HasMixedScriptLabel(std::string_view unicode_domain) {
  const USpoofChecker* sc = SharedChecker();
  if (sc == nullptr) return false;
  std::size_t start = 0;
  while (start <= unicode_domain.size()) {
    std::size_t dot = unicode_domain.find('.', start);
    std::string_view label = unicode_domain.substr(
        start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool ascii = true;
    for (char c : label) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (!ascii && !label.empty()) {
      UErrorCode status = U_ZERO_ERROR;
      int32_t result =
          uspoof_check2UTF8(sc, label.data(), static_cast<int32_t>(label.size()), nullptr, &status);
      if (U_SUCCESS(status) &&
          (result & (USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_SCRIPT_CONFUSABLE))) {
        return true;
      }
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return false;
}

}  // namespace sendguard
