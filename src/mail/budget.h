// The limits of one message's parse, and the record of what was extracted.
//
// Every extractor takes a Budget: it asks before each costly step (a part, a
// nesting level, an archive member, decompressed bytes, time) and reports
// text, encrypted parts and defects through it. A refused step is recorded
// once as a LimitHit, so the caller only has to stop.
//
// A Budget only writes what extraction produces (text, limit hits, encrypted
// parts, defects). The MIME structure and the header fields are written by
// the MIME walker alone, through MessageBudget.

#ifndef SENDGUARD_MAIL_BUDGET_H_
#define SENDGUARD_MAIL_BUDGET_H_

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sendguard/limits.h"
#include "sendguard/message.h"

namespace sendguard {

class Budget {
 public:
  // Records into `out`, which must outlive the Budget. The clock starts now.
  Budget(const Limits& limits, MessageData* out);

  const Limits& limits() const { return limits_; }

  // False (and recorded) once the time budget is spent.
  bool HasTime(std::string_view where);
  // False (and recorded) when a container at `depth` is too deep to open.
  bool AllowDepth(int depth, std::string_view where);
  // Counts one MIME part; false (and recorded) past max_parts.
  bool TakePart(std::string_view where);
  // MIME parts TakePart can still grant.
  int parts_left() const { return std::max(0, limits_.max_parts - parts_); }
  // Counts one archive member; false (and recorded) past max_archive_members.
  bool TakeArchiveMember(std::string_view where);
  // Counts `n` decompressed bytes against max_expanded_bytes.
  bool TakeExpanded(std::size_t n, std::string_view where);

  // OCR of the message's pictures and pages. TakeOcrPage counts one against
  // ocr_pages and is false (not recorded: the OCR helpers report) when none
  // is left. OcrDeadline is when OCR must stop: once ocr_time of it is
  // spent, or the message's time is, whichever comes first; OcrTimeLeft is
  // what is left of ocr_time. SpendOcrTime counts time spent on OCR.
  bool TakeOcrPage();
  std::chrono::steady_clock::time_point OcrDeadline() const;
  std::chrono::steady_clock::duration OcrTimeLeft() const {
    return std::max<std::chrono::steady_clock::duration>(
        std::chrono::steady_clock::duration::zero(), limits_.ocr_time - ocr_time_);
  }
  void SpendOcrTime(std::chrono::steady_clock::duration spent) { ocr_time_ += spent; }

  // Appends extracted text, cut at max_text_bytes in total (recorded).
  // Empty or all-blank text is skipped.
  void AddText(std::string source, std::string text, int part);

  // Records a limit hit; repeated hits of the same limit at the same place
  // are recorded once. A limit hit is also content left uninspected
  // (kind "limit").
  void Hit(std::string_view limit, std::string_view where, std::string detail);
  // Records an encrypted part, also uninspected (kind "encrypted").
  void Encrypted(std::string_view kind, std::string_view where);
  // Records a structural defect that was worked around (informational).
  void Defect(std::string_view code, std::string_view where);
  // Records content at `where` that was not inspected: `kind` is
  // "unsupported", "corrupt" or "ocr-skipped" (limits and encryption are
  // recorded by Hit and Encrypted). Recorded once per kind and place.
  void Unread(std::string_view kind, std::string_view where, std::string detail);
  // Records the geographic positions found in a picture or map file; its
  // `where` is sanitised like every other label.
  void AddPositions(GeoPositions positions);

 protected:
  MessageData& out() { return *out_; }
  const MessageData& out() const { return *out_; }
  // MIME parts granted by TakePart so far (at most max_parts).
  int parts_granted() const { return std::min(parts_, limits_.max_parts); }

 private:
  const Limits& limits_;
  MessageData* out_;
  std::chrono::steady_clock::time_point deadline_;
  bool out_of_time_ = false;
  int parts_ = 0;
  int members_ = 0;
  std::size_t expanded_ = 0;
  std::size_t text_bytes_ = 0;
  int ocr_pages_ = 0;
  std::chrono::steady_clock::duration ocr_time_{0};
};

// The header fields of the top message, as the MIME walker read them.
struct TopMessageFields {
  std::vector<Header> headers;
  std::vector<Address> from, to, cc, bcc, reply_to;
  std::string subject;
  std::string message_id;
  std::string date;
};

// The budget of a whole message walk: a Budget that also records the MIME
// structure. Only the MIME walker holds one; document readers get the Budget
// base and so cannot add parts or change headers.
class MessageBudget : public Budget {
 public:
  using Budget::Budget;

  // The index the next part recorded by AddPart gets.
  int NextPartIndex() const;
  // Records `part`, which a successful TakePart must have granted, and
  // returns its index; a part never granted is dropped (returns -1).
  int AddPart(Part part);

  // Sets the top message's header fields.
  void SetTopMessage(TopMessageFields fields);
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_BUDGET_H_
