#include "mail/charset.h"

#include <unicode/ucnv.h>

#include <memory>
#include <string>

#include "util/object_pool.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace sendguard {
namespace {

bool IsUtf8Alias(std::string_view charset) {
  return charset.empty() || EqualsIgnoreCase(charset, "utf-8") ||
         EqualsIgnoreCase(charset, "utf8") || EqualsIgnoreCase(charset, "us-ascii") ||
         EqualsIgnoreCase(charset, "ascii") || EqualsIgnoreCase(charset, "unicode-1-1-utf-8");
}

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterDeleter>;

using ConverterPool = ObjectPool<UConverter, ConverterDeleter>;

// Converters must not be used by two threads at once: they are lent out one
// at a time from a process-wide pool, by name (bounded: charset names come
// from hostile input). An empty loan for a name ICU does not know.
ConverterPool::Loan BorrowConverter(const std::string& name) {
  static auto* pool = new ConverterPool(/*max_keys=*/64, /*max_idle=*/64);
  return pool->Borrow(name, [&] {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) conv.reset();
    return conv;
  });
}

// Converts `bytes` from `from` to UTF-8 into `*out`; false when ICU fails.
bool ConvertWith(UConverter* from, std::string_view bytes, std::string* out) {
  ConverterPool::Loan utf8 = BorrowConverter("UTF-8");
  if (!utf8) return false;
  UConverter* to = utf8.get();
  ucnv_reset(from);
  ucnv_reset(to);
  out->clear();
  out->resize(bytes.size() * 3 + 16);
  char* target = out->data();
  const char* source = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  UErrorCode status = U_ZERO_ERROR;
  for (;;) {
    char* limit = out->data() + out->size();
    ucnv_convertEx(to, from, &target, limit, &source, bytes.data() + bytes.size(), pivot,
                   &pivot_source, &pivot_target, pivot + 1024, false, true, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      std::size_t used = static_cast<std::size_t>(target - out->data());
      out->resize(out->size() * 2);
      target = out->data() + used;
      status = U_ZERO_ERROR;
      continue;
    }
    break;
  }
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<std::size_t>(target - out->data()));
  return true;
}

// A UTF-16 or UTF-32 charset name that does not say the byte order.
bool IsUnorderedUnicode(std::string_view cs) {
  return EqualsIgnoreCase(cs, "utf-16") || EqualsIgnoreCase(cs, "utf16") ||
         EqualsIgnoreCase(cs, "ucs-2") || EqualsIgnoreCase(cs, "unicode");
}

bool NamesByteOrder(std::string_view cs) {
  std::string lower = AsciiLower(cs);
  return lower.find("16le") != std::string::npos || lower.find("16be") != std::string::npos ||
         lower.find("32le") != std::string::npos || lower.find("32be") != std::string::npos ||
         lower.find("utf-32") != std::string::npos || lower.find("utf32") != std::string::npos;
}

}  // namespace

std::string_view GuessUtf16(std::string_view bytes) {
  const std::size_t pairs = std::min<std::size_t>(bytes.size(), 4096) / 2;
  if (pairs < 4) return {};
  std::size_t even = 0, odd = 0;  // NUL bytes at even and odd offsets
  for (std::size_t i = 0; i < pairs; ++i) {
    even += bytes[2 * i] == 0;
    odd += bytes[2 * i + 1] == 0;
  }
  // ASCII in UTF-16LE is "S\0E\0...": NULs at odd offsets, few at even ones.
  if (odd * 10 >= pairs * 4 && even * 20 <= pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 4 && odd * 20 <= pairs) return "UTF-16BE";
  return {};
}

bool IsAsciiCompatible(std::string_view charset) {
  std::string_view cs = TrimWhitespace(charset);
  if (IsUtf8Alias(cs)) return true;
  constexpr std::string_view kProbe = "Az09 //-(\n";
  return ToUtf8(kProbe, cs) == kProbe;
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string name;
  if (bytes.size() >= 2) {
    auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
    if (bytes.size() >= 4 && b0 == 0xFF && b1 == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
      name = "UTF-32LE", bytes.remove_prefix(4);
    } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
      name = b0 == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes.remove_prefix(2);
    } else if (bytes.size() >= 3 && b0 == 0xEF && b1 == 0xBB &&
               static_cast<unsigned char>(bytes[2]) == 0xBF) {
      bytes.remove_prefix(3);
      return SanitizeUtf8(bytes);
    }
  }
  std::string_view cs = TrimWhitespace(charset);
  if (name.empty() && !NamesByteOrder(cs)) {
    // The bytes decide over a label that cannot be right for them.
    std::string_view guess = GuessUtf16(bytes);
    if (!guess.empty()) {
      name = guess;
    } else if (IsUnorderedUnicode(cs)) {
      name = "UTF-16BE";
    }
  }
  if (name.empty()) {
    if (IsUtf8Alias(cs)) {
      if (IsValidUtf8(bytes) || !cs.empty()) return SanitizeUtf8(bytes);
      name = "windows-1252";
    } else {
      name = AsciiLower(cs);
      // Mail commonly labels windows-1252 text as latin-1; the superset is safe.
      if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1") name = "windows-1252";
    }
  }
  std::string out;
  {
    ConverterPool::Loan from = BorrowConverter(name);
    if (from && ConvertWith(from.get(), bytes, &out)) return out;
  }
  // Unknown charset: keep what is readable.
  if (IsValidUtf8(bytes)) return std::string(bytes);
  ConverterPool::Loan fallback = BorrowConverter("windows-1252");
  if (fallback && ConvertWith(fallback.get(), bytes, &out)) return out;
  return SanitizeUtf8(bytes);
}

}  // namespace sendguard
