#include "content/content_scanner.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>

#include "content/classification_level.h"
#include "content/positions.h"

namespace sendguard {
namespace {

// A keyword as a caseless expression, bounded as a whole word at each end
// that is a letter or digit.
std::string KeywordExpression(const std::string& keyword) {
  std::string e;
  if (!keyword.empty() && IsWordByte(keyword.front())) e += "\\b";
  e += "(?:" + keyword + ")";
  if (!keyword.empty() && IsWordByte(keyword.back())) e += "\\b";
  return e;
}

// Folds one confirmed candidate into the finding of its detector.
void Record(const DetectorDef& def, const Candidate& c, std::string_view source,
            std::optional<Finding>* slot) {
  if (!slot->has_value()) {
    *slot = Finding{def.id, def.category, c.confidence, 0, {}, c.sample, std::nullopt};
  }
  Finding& f = **slot;
  ++f.count;
  if (c.confidence > f.confidence) {
    f.confidence = c.confidence;
    f.sample = c.sample;
  }
  if (std::find(f.where.begin(), f.where.end(), source) == f.where.end()) {
    f.where.emplace_back(source);
  }
  const std::string_view level = ClassificationLevelName(c.level);
  if (!level.empty()) {
    const int current = f.level ? ClassificationRank(*f.level) : 0;
    if (c.level > current) f.level = std::string(level);
  }
}

}  // namespace

// The per-thread state of one scan: trigger hits and keyword positions of
// the text being scanned, reused from text to text.
class ContentScanner::Pass {
 public:
  // Keywords longer than this may be missed at the far edge of a window.
  static constexpr std::size_t kMaxKeyword = 64;

  struct Hit {
    unsigned id;
    std::size_t from, to;
  };

  Pass(const ContentScanner& s, PatternDb::Scratch triggers,
       std::optional<PatternDb::Scratch> keywords)
      : s_(s),
        trigger_scratch_(std::move(triggers)),
        keyword_scratch_(std::move(keywords)),
        keyword_ends_(s.keyword_count_) {}

  Status Run(std::string_view text, std::string_view source,
             std::vector<std::optional<Finding>>* findings) {
    hits_.clear();
    Status st = s_.triggers_.Scan(text, trigger_scratch_, &Pass::OnTrigger, this);
    if (!st.ok()) return st;
    if (hits_.empty()) return Status();
    st = FindKeywords(text);
    if (!st.ok()) return st;
    candidates_.clear();
    for (const Hit& h : hits_) {
      for (const Dispatch& d : s_.dispatch_[h.id]) {
        const auto detector = static_cast<std::size_t>(d.detector);
        View view(*this, text, detector);
        view.begin = h.from;
        view.end = h.to;
        view.trigger = d.trigger;
        std::optional<Candidate> c = s_.detectors_[detector].confirm(view);
        if (c) candidates_.emplace_back(detector, std::move(*c));
      }
    }
    // Overlapping (or touching) candidates of one detector are one match:
    // the most confident of them (then the longest) is recorded.
    std::sort(candidates_.begin(), candidates_.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.begin < b.second.begin;
    });
    for (std::size_t i = 0; i < candidates_.size();) {
      const std::size_t detector = candidates_[i].first;
      const Candidate* best = &candidates_[i].second;
      std::size_t group_end = best->end;
      std::size_t j = i + 1;
      for (; j < candidates_.size() && candidates_[j].first == detector &&
             candidates_[j].second.begin <= group_end;
           ++j) {
        const Candidate& c = candidates_[j].second;
        group_end = std::max(group_end, c.end);
        if (c.confidence > best->confidence ||
            (c.confidence == best->confidence && c.end - c.begin > best->end - best->begin)) {
          best = &c;
        }
      }
      Record(s_.detectors_[detector], *best, source, &(*findings)[detector]);
      i = j;
    }
    return Status();
  }

 private:
  class View : public MatchView {
   public:
    View(const Pass& pass, std::string_view text, std::size_t detector)
        : pass_(pass), text_(text), detector_(detector) {}
    std::string_view text() const override { return text_; }
    bool KeywordNear(std::size_t from, std::size_t to, List list) const override {
      const DetectorDef& def = pass_.s_.detectors_[detector_];
      const std::size_t lo = from > def.window ? from - def.window : 0;
      // A keyword ending up to `window` bytes after the match, plus its own
      // length (at most kMaxKeyword bytes are counted).
      const std::size_t hi = to + def.window + kMaxKeyword;
      for (unsigned k : pass_.s_.keyword_lists_[detector_][list]) {
        const std::vector<std::size_t>& ends = pass_.keyword_ends_[k];
        auto it = std::lower_bound(ends.begin(), ends.end(), lo);
        if (it != ends.end() && *it <= hi) return true;
      }
      return false;
    }

   private:
    const Pass& pass_;
    std::string_view text_;
    std::size_t detector_;
  };

  static void OnTrigger(void* arg, unsigned id, std::size_t from, std::size_t to) {
    static_cast<Pass*>(arg)->hits_.push_back({id, from, to});
  }

  struct KeywordScan {
    Pass* pass;
    std::size_t offset;
  };
  static void OnKeyword(void* arg, unsigned id, std::size_t, std::size_t to) {
    auto* k = static_cast<KeywordScan*>(arg);
    k->pass->keyword_ends_[id].push_back(k->offset + to);
  }

  // Keywords are looked for only in the windows around trigger hits, which
  // in ordinary text are a small part of it: frequent words ("account",
  // "card") cost nothing where nothing sensitive is.
  Status FindKeywords(std::string_view text) {
    for (auto& v : keyword_ends_) v.clear();
    if (!s_.keywords_) return Status();
    std::vector<std::pair<std::size_t, std::size_t>>& spans = spans_;
    spans.clear();
    for (const Hit& h : hits_) {
      const std::size_t reach = s_.reach_[h.id];
      if (reach == 0) continue;
      std::size_t lo = h.from > reach ? h.from - reach : 0;
      spans.emplace_back(lo, std::min(text.size(), h.to + reach));
    }
    if (spans.empty()) return Status();
    // Hits come in order of end offset, not start: sort, then merge overlaps.
    std::sort(spans.begin(), spans.end());
    std::size_t merged = 0;
    for (std::size_t i = 1; i < spans.size(); ++i) {
      if (spans[i].first <= spans[merged].second) {
        spans[merged].second = std::max(spans[merged].second, spans[i].second);
      } else {
        spans[++merged] = spans[i];
      }
    }
    spans.resize(merged + 1);
    for (const auto& [lo, hi] : spans) {
      KeywordScan k{this, lo};
      Status st =
          s_.keywords_->Scan(text.substr(lo, hi - lo), *keyword_scratch_, &Pass::OnKeyword, &k);
      if (!st.ok()) return st;
    }
    return Status();
  }

  const ContentScanner& s_;
  PatternDb::Scratch trigger_scratch_;
  std::optional<PatternDb::Scratch> keyword_scratch_;
  std::vector<Hit> hits_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  std::vector<std::pair<std::size_t, Candidate>> candidates_;  // (detector, candidate)
  std::vector<std::vector<std::size_t>> keyword_ends_;
};

Result<std::unique_ptr<const ContentScanner>> ContentScanner::Create(
    std::vector<DetectorDef> detectors) {
  std::set<std::string> ids;
  std::vector<PatternSpec> patterns;
  std::map<std::pair<std::string, unsigned>, unsigned> trigger_ids;
  std::vector<std::vector<Dispatch>> dispatch;
  for (std::size_t d = 0; d < detectors.size(); ++d) {
    const DetectorDef& def = detectors[d];
    if (def.id.empty() || !ids.insert(def.id).second) {
      return InvalidArgumentError("duplicate or empty detector id '" + def.id + "'");
    }
    if (!def.positions.empty()) continue;  // reports positions, matches no text
    if (def.triggers.empty() || !def.confirm) {
      return InvalidArgumentError("detector '" + def.id + "' has no trigger or no confirm step");
    }
    for (std::size_t t = 0; t < def.triggers.size(); ++t) {
      const unsigned flags = def.trigger_flags | kPatternReportStart;
      auto [it, added] =
          trigger_ids.try_emplace({def.triggers[t], flags}, static_cast<unsigned>(patterns.size()));
      if (added) {
        patterns.push_back({def.triggers[t], flags});
        dispatch.emplace_back();
      }
      dispatch[it->second].push_back({static_cast<int>(d), static_cast<int>(t)});
    }
  }
  std::vector<PatternSpec> keywords;
  std::map<std::string, unsigned> keyword_ids;
  std::vector<std::array<std::vector<unsigned>, 3>> lists(detectors.size());
  for (std::size_t d = 0; d < detectors.size(); ++d) {
    const DetectorDef& def = detectors[d];
    const std::vector<std::string>* by_list[3] = {&def.keywords, &def.strong_keywords,
                                                  &def.false_positive_keywords};
    for (int l = 0; l < 3; ++l) {
      for (const std::string& k : *by_list[l]) {
        auto [it, added] = keyword_ids.try_emplace(k, static_cast<unsigned>(keywords.size()));
        if (added) keywords.push_back({KeywordExpression(k), kPatternCaseless});
        lists[d][static_cast<std::size_t>(l)].push_back(it->second);
      }
    }
  }
  Result<PatternDb> db = PatternDb::Compile(patterns);
  if (!db.ok()) return db.status();
  std::optional<PatternDb> keyword_db;
  if (!keywords.empty()) {
    Result<PatternDb> k = PatternDb::Compile(keywords);
    if (!k.ok()) return k.status();
    keyword_db = std::move(k).value();
  }
  std::unique_ptr<ContentScanner> s(
      new ContentScanner(std::move(detectors), std::move(db).value(), std::move(keyword_db)));
  s->dispatch_ = std::move(dispatch);
  s->keyword_lists_ = std::move(lists);
  // How far around a trigger's hits keywords are looked for: the widest
  // window of the detectors it feeds that have keywords at all.
  s->reach_.assign(s->dispatch_.size(), 0);
  for (std::size_t id = 0; id < s->dispatch_.size(); ++id) {
    for (const Dispatch& d : s->dispatch_[id]) {
      const auto det = static_cast<std::size_t>(d.detector);
      const auto& l = s->keyword_lists_[det];
      if (l[0].empty() && l[1].empty() && l[2].empty()) continue;
      // Twice the longest keyword past the window: a keyword cut at a span's
      // edge (where the matcher sees a word boundary that is not there) then
      // always lies outside the window it could wrongly support.
      s->reach_[id] = std::max(s->reach_[id], s->detectors_[det].window + 2 * Pass::kMaxKeyword);
    }
  }
  s->keyword_count_ = keywords.size();
  return std::unique_ptr<const ContentScanner>(std::move(s));
}

Result<std::shared_ptr<const ContentScanner>> ContentScanner::Builtin() {
  static std::once_flag once;
  static Result<std::shared_ptr<const ContentScanner>>* builtin = nullptr;
  std::call_once(once, [] {
    Result<std::unique_ptr<const ContentScanner>> s = Create(BuiltinDetectors());
    builtin = s.ok() ? new Result<std::shared_ptr<const ContentScanner>>(
                           std::shared_ptr<const ContentScanner>(std::move(s).value()))
                     : new Result<std::shared_ptr<const ContentScanner>>(s.status());
  });
  return *builtin;
}

Result<std::unique_ptr<ContentScanner::Pass>> ContentScanner::AcquirePass() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      std::unique_ptr<Pass> p = std::move(pool_.back());
      pool_.pop_back();
      return p;
    }
  }
  Result<PatternDb::Scratch> t = triggers_.NewScratch();
  if (!t.ok()) return t.status();
  std::optional<PatternDb::Scratch> k;
  if (keywords_) {
    Result<PatternDb::Scratch> ks = keywords_->NewScratch();
    if (!ks.ok()) return ks.status();
    k = std::move(ks).value();
  }
  return std::make_unique<Pass>(*this, std::move(t).value(), std::move(k));
}

void ContentScanner::ReleasePass(std::unique_ptr<Pass> pass) const {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(std::move(pass));
}

ContentScanner::ContentScanner(std::vector<DetectorDef> detectors, PatternDb triggers,
                               std::optional<PatternDb> keywords)
    : detectors_(std::move(detectors)),
      triggers_(std::move(triggers)),
      keywords_(std::move(keywords)) {}

ContentScanner::~ContentScanner() = default;

namespace {

std::vector<Finding> Collect(std::vector<std::optional<Finding>>* found) {
  std::vector<Finding> out;
  for (auto& f : *found) {
    if (f) out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace

Status ContentScanner::ScanTexts(const std::vector<TextSegment>& texts,
                                 std::vector<std::optional<Finding>>* found) const {
  Result<std::unique_ptr<Pass>> pass = AcquirePass();
  if (!pass.ok()) return pass.status();
  Status st;
  for (const TextSegment& t : texts) {
    st = (*pass)->Run(t.text, t.source, found);
    if (!st.ok()) break;
  }
  ReleasePass(std::move(pass).value());
  return st;
}

Result<std::vector<Finding>> ContentScanner::Scan(const std::vector<TextSegment>& texts) const {
  std::vector<std::optional<Finding>> found(detectors_.size());
  Status st = ScanTexts(texts, &found);
  if (!st.ok()) return st;
  return Collect(&found);
}

Result<std::vector<Finding>> ContentScanner::Scan(const Message& message) const {
  std::vector<std::optional<Finding>> found(detectors_.size());
  Status st = ScanTexts(message.texts(), &found);
  if (!st.ok()) return st;
  for (std::size_t d = 0; d < detectors_.size(); ++d) {
    if (!detectors_[d].positions.empty() && !message.positions().empty()) {
      found[d] = PositionFinding(detectors_[d], message.positions());
    }
  }
  return Collect(&found);
}

Result<std::vector<Finding>> ContentScanner::ScanText(std::string_view text,
                                                      std::string_view source) const {
  Result<std::unique_ptr<Pass>> pass = AcquirePass();
  if (!pass.ok()) return pass.status();
  std::vector<std::optional<Finding>> found(detectors_.size());
  Status st = (*pass)->Run(text, source, &found);
  ReleasePass(std::move(pass).value());
  if (!st.ok()) return st;
  return Collect(&found);
}

}  // namespace sendguard
