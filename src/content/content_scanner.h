// Runs every content detector over a message's text in one pattern pass.

#ifndef SENDGUARD_CONTENT_CONTENT_SCANNER_H_
#define SENDGUARD_CONTENT_CONTENT_SCANNER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "content/detector.h"
#include "content/finding.h"
#include "content/pattern_db.h"
#include "sendguard/message.h"
#include "sendguard/status.h"

namespace sendguard {

class ContentScanner {
 public:
  // Compiles the triggers of `detectors` into one pattern database (the
  // single pass over every text) and their keywords into a second one, run
  // only over the windows around candidates. Fails when a pattern does not
  // compile or two detectors share an id.
  static Result<std::unique_ptr<const ContentScanner>> Create(std::vector<DetectorDef> detectors);
  // The built-in detectors, compiled on first use and shared for the life
  // of the process.
  static Result<std::shared_ptr<const ContentScanner>> Builtin();

  ~ContentScanner();
  const std::vector<DetectorDef>& detectors() const { return detectors_; }

  // One finding per detector that matched anywhere in `texts`, in the
  // order of detectors(). Fails only when the pattern matcher fails.
  Result<std::vector<Finding>> Scan(const std::vector<TextSegment>& texts) const;
  // The same over a message: its texts, and its positions for the position
  // detectors (content/positions.h).
  Result<std::vector<Finding>> Scan(const Message& message) const;
  // The same over one text labelled `source`.
  Result<std::vector<Finding>> ScanText(std::string_view text, std::string_view source) const;

 private:
  class Pass;
  struct Dispatch {
    int detector;
    int trigger;
  };
  ContentScanner(std::vector<DetectorDef> detectors, PatternDb triggers,
                 std::optional<PatternDb> keywords);

  std::vector<DetectorDef> detectors_;
  PatternDb triggers_;
  std::optional<PatternDb> keywords_;            // none when no detector has keywords
  std::vector<std::vector<Dispatch>> dispatch_;  // by trigger pattern id
  std::vector<std::size_t> reach_;               // by trigger pattern id
  // By detector, then by MatchView::List: the keyword indexes it uses.
  std::vector<std::array<std::vector<unsigned>, 3>> keyword_lists_;
  std::size_t keyword_count_ = 0;
  // Scan states (scratch spaces and buffers) not in use, so that threads
  // that come and go (one per MTA connection) never allocate them anew.
  // The lock is held only to take or return one.
  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<Pass>> pool_;
  Result<std::unique_ptr<Pass>> AcquirePass() const;
  // Runs the text detectors over `texts`, folding matches into `found` (by
  // detector).
  Status ScanTexts(const std::vector<TextSegment>& texts,
                   std::vector<std::optional<Finding>>* found) const;
  void ReleasePass(std::unique_ptr<Pass> pass) const;
};

}  // namespace sendguard

#endif  // SENDGUARD_CONTENT_CONTENT_SCANNER_H_
