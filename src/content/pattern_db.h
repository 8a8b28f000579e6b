// A set of regular expressions compiled into one Vectorscan (Hyperscan)
// database and matched against a text in a single pass.
//
// Compiling is slow (milliseconds to seconds) and done once; scanning is
// fast and safe from any number of threads at once, each with its own
// scratch space.

#ifndef SENDGUARD_CONTENT_PATTERN_DB_H_
#define SENDGUARD_CONTENT_PATTERN_DB_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/status.h"

namespace sendguard {

// Pattern options; combine with |.
enum PatternFlags : unsigned {
  kPatternCaseless = 1u << 0,     // ASCII letters match either case
  kPatternMultiline = 1u << 1,    // ^ and $ also match at line breaks
  kPatternReportStart = 1u << 2,  // report where the leftmost match starts
  kPatternUtf8 = 1u << 3,         // the expression and text are UTF-8
};

struct PatternSpec {
  std::string expression;  // PCRE syntax, without delimiters
  unsigned flags = 0;      // PatternFlags
};

class PatternDb {
 public:
  // Called for every match: `id` is the index of the pattern in the list
  // given to Compile; `from` is the start offset for kPatternReportStart
  // patterns and equal to `to` (the end offset) for the others.
  using MatchFn = void (*)(void* arg, unsigned id, std::size_t from, std::size_t to);

  // Compiles `patterns` (at least one). An error names the first pattern
  // that does not compile and why.
  static Result<PatternDb> Compile(const std::vector<PatternSpec>& patterns);
  // Whether `pattern` alone would compile; the error says why not.
  static Status Check(const PatternSpec& pattern);

  PatternDb(PatternDb&&) noexcept;
  PatternDb& operator=(PatternDb&&) noexcept;
  ~PatternDb();

  // Working memory for scans: one per concurrent scan, reusable for any
  // number of scans one after the other.
  class Scratch {
   public:
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;
    ~Scratch();

   private:
    friend class PatternDb;
    explicit Scratch(void* s) : s_(s) {}
    void* s_;
  };
  Result<Scratch> NewScratch() const;

  // Reports every match in `text` to `fn`, in order of end offset, using
  // `scratch` (from this database's NewScratch), which no other scan may
  // use meanwhile. Fails only when the matcher itself fails.
  Status Scan(std::string_view text, Scratch& scratch, MatchFn fn, void* arg) const;

  std::size_t size() const { return size_; }

 private:
  struct Impl;
  PatternDb(std::unique_ptr<Impl> impl, std::size_t size);
  std::unique_ptr<Impl> impl_;
  std::size_t size_ = 0;
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_PATTERN_DB_H_
