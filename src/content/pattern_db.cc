#include "content/pattern_db.h"

#include <hs.h>

#include <cstdint>

namespace sendguard {
namespace {

unsigned HsFlags(unsigned flags) {
  unsigned f = 0;
  if (flags & kPatternCaseless) f |= HS_FLAG_CASELESS;
  if (flags & kPatternMultiline) f |= HS_FLAG_MULTILINE;
  if (flags & kPatternReportStart) f |= HS_FLAG_SOM_LEFTMOST;
  if (flags & kPatternUtf8) f |= HS_FLAG_UTF8;
  return f;
}

struct ScanArg {
  PatternDb::MatchFn fn;
  void* arg;
  const std::vector<bool>* reports_start;
};

int OnMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/,
            void* ctx) {
  auto* a = static_cast<ScanArg*>(ctx);
  a->fn(a->arg, id, (*a->reports_start)[id] ? from : to, to);
  return 0;
}

}  // namespace

struct PatternDb::Impl {
  hs_database_t* db = nullptr;
  std::vector<bool> reports_start;
  ~Impl() {
    if (db != nullptr) hs_free_database(db);
  }
};

PatternDb::PatternDb(std::unique_ptr<Impl> impl, std::size_t size)
    : impl_(std::move(impl)), size_(size) {}
PatternDb::PatternDb(PatternDb&&) noexcept = default;
PatternDb& PatternDb::operator=(PatternDb&&) noexcept = default;
PatternDb::~PatternDb() = default;

Result<PatternDb> PatternDb::Compile(const std::vector<PatternSpec>& patterns) {
  if (patterns.empty()) return InvalidArgumentError("no patterns to compile");
  std::vector<const char*> expressions;
  std::vector<unsigned> flags, ids;
  auto impl = std::make_unique<Impl>();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    expressions.push_back(patterns[i].expression.c_str());
    flags.push_back(HsFlags(patterns[i].flags));
    ids.push_back(static_cast<unsigned>(i));
    impl->reports_start.push_back((patterns[i].flags & kPatternReportStart) != 0);
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &impl->db,
                       &error) != HS_SUCCESS) {
    std::string message = error != nullptr ? error->message : "unknown error";
    std::string which;
    if (error != nullptr && error->expression >= 0) {
      which =
          " in pattern '" + patterns[static_cast<std::size_t>(error->expression)].expression + "'";
    }
    hs_free_compile_error(error);
    return InvalidArgumentError("cannot compile patterns" + which + ": " + message);
  }
  return PatternDb(std::move(impl), patterns.size());
}

Status PatternDb::Check(const PatternSpec& pattern) {
  Result<PatternDb> db = Compile({pattern});
  return db.ok() ? Status() : db.status();
}

PatternDb::Scratch::Scratch(Scratch&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
PatternDb::Scratch& PatternDb::Scratch::operator=(Scratch&& o) noexcept {
  std::swap(s_, o.s_);
  return *this;
}
PatternDb::Scratch::~Scratch() {
  if (s_ != nullptr) hs_free_scratch(static_cast<hs_scratch_t*>(s_));
}

Result<PatternDb::Scratch> PatternDb::NewScratch() const {
  hs_scratch_t* s = nullptr;
  if (hs_alloc_scratch(impl_->db, &s) != HS_SUCCESS) {
    return ResourceExhaustedError("cannot allocate pattern scratch space");
  }
  return Scratch(s);
}

namespace {

Status ScanWith(const hs_database_t* db, const std::vector<bool>& reports_start,
                std::string_view text, hs_scratch_t* scratch, PatternDb::MatchFn fn, void* arg) {
  if (text.empty()) return Status();  // nothing to match; hs_scan rejects a null pointer
  ScanArg a{fn, arg, &reports_start};
  // Block mode takes a 32-bit length; extracted text is far below that.
  if (text.size() > 0xffffffffu) return InvalidArgumentError("text too large to scan");
  hs_error_t rc =
      hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, &a);
  if (rc != HS_SUCCESS)
    return InternalError("pattern scan failed (error " + std::to_string(rc) + ")");
  return Status();
}

}  // namespace

Status PatternDb::Scan(std::string_view text, Scratch& scratch, MatchFn fn, void* arg) const {
  return ScanWith(impl_->db, impl_->reports_start, text, static_cast<hs_scratch_t*>(scratch.s_), fn,
                  arg);
}

}  // namespace sendguard
