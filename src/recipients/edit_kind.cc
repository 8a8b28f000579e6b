#include "recipients/edit_kind.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace sendguard {
namespace {

// QWERTY rows; neighbours are the keys left, right, above and below.
constexpr std::array<std::string_view, 4> kRows = {"1234567890-", "qwertyuiop", "asdfghjkl",
                                                   "zxcvbnm"};

bool KeyPosition(char c, int* row, int* col) {
  for (int r = 0; r < static_cast<int>(kRows.size()); ++r) {
    std::size_t p = kRows[r].find(c);
    if (p != std::string_view::npos) {
      *row = r;
      *col = static_cast<int>(p);
      return true;
    }
  }
  return false;
}

bool KeyboardNeighbours(char a, char b) {
  int ra, ca, rb, cb;
  if (!KeyPosition(a, &ra, &ca) || !KeyPosition(b, &rb, &cb)) return false;
  // Rows are staggered by about half a key: a key touches the one below it
  // and the one below-left.
  if (ra == rb) return std::abs(ca - cb) == 1;
  if (std::abs(ra - rb) != 1) return false;
  int upper_col = ra < rb ? ca : cb, lower_col = ra < rb ? cb : ca;
  return lower_col == upper_col || lower_col == upper_col - 1;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool OneBitApart(char a, char b) {
  unsigned x = static_cast<unsigned char>(a) ^ static_cast<unsigned char>(b);
  return x != 0 && (x & (x - 1)) == 0;
}

std::string Quote(char c) { return std::string("'") + c + "'"; }

}  // namespace

std::optional<Edit> ClassifyEdit(std::string_view intended, std::string_view typed) {
  const std::size_t n = intended.size(), m = typed.size();
  std::size_t p = 0;  // first difference
  while (p < n && p < m && intended[p] == typed[p]) ++p;
  if (n == m) {
    if (p == n) return std::nullopt;
    // Substitution: the rest equal.
    if (intended.substr(p + 1) == typed.substr(p + 1)) {
      char want = intended[p], got = typed[p];
      std::string detail = Quote(want) + " typed as " + Quote(got);
      if (KeyboardNeighbours(want, got))
        return Edit{EditKind::kKeyboard, detail + " (keyboard neighbour)"};
      if (IsVowel(want) && IsVowel(got))
        return Edit{EditKind::kVowelSwap, detail + " (vowel swap)"};
      if (OneBitApart(want, got)) return Edit{EditKind::kBitFlip, detail + " (bit flip)"};
      return Edit{EditKind::kReplacement, detail};
    }
    // Transposition of p and p+1.
    if (p + 1 < n && intended[p] == typed[p + 1] && intended[p + 1] == typed[p] &&
        intended.substr(p + 2) == typed.substr(p + 2)) {
      return Edit{EditKind::kTransposition,
                  Quote(intended[p]) + " and " + Quote(intended[p + 1]) + " swapped"};
    }
    return std::nullopt;
  }
  if (m + 1 == n) {  // one character left out
    if (intended.substr(p + 1) != typed.substr(p)) return std::nullopt;
    char c = intended[p];
    if (c == '-') return Edit{EditKind::kHyphenation, "hyphen left out"};
    return Edit{EditKind::kOmission, Quote(c) + " left out"};
  }
  if (n + 1 == m) {  // one character added
    if (intended.substr(p) != typed.substr(p + 1)) return std::nullopt;
    char c = typed[p];
    if (c == '-') return Edit{EditKind::kHyphenation, "hyphen added"};
    bool repeated = (p > 0 && typed[p - 1] == c) || (p + 1 < m && typed[p + 1] == c);
    if (repeated) return Edit{EditKind::kRepetition, Quote(c) + " typed twice"};
    return Edit{EditKind::kInsertion, Quote(c) + " added"};
  }
  return std::nullopt;
}

int BoundedEditDistance(std::string_view a, std::string_view b, int cap) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  // Three rows; on the stack for the domain labels this is used on.
  constexpr int kStack = 128;
  std::vector<int> heap;
  int stack[3 * kStack];
  int* base = stack;
  if (m + 1 > kStack) {
    heap.resize(3 * static_cast<std::size_t>(m + 1));
    base = heap.data();
  }
  const int w = m + 1 > kStack ? m + 1 : kStack;
  int* prev2 = base;
  int* prev = base + w;
  int* cur = base + 2 * w;
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    int* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], cap + 1);
}

}  // namespace sendguard
