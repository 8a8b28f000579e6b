// One message through the filter: collects what the MTA hands over, judges
// it, carries out the decision (quarantine, audit log, notice) and says
// what the MTA is to do. Knows nothing of the milter protocol, so that
// every outcome is testable without an MTA.
//
// Fail safe: whenever the message cannot be judged or a hold cannot be
// stored, the configured failure mode applies (tempfail by default) and the
// reason is logged; a message the policy would hold is never accepted.

#ifndef SENDGUARD_MILTER_FILTER_H_
#define SENDGUARD_MILTER_FILTER_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "delivery/notifier.h"
#include "policy/decision.h"
#include "service/checker.h"
#include "store/quarantine_store.h"

namespace sendguard {

// What the MTA is told.
struct Verdict {
  enum class Kind { kAccept, kDiscard, kReject, kTempfail };
  Kind kind = Kind::kAccept;
  std::string code, xcode, text;  // SMTP reply for kReject and kTempfail
  std::vector<std::pair<std::string, std::string>> add_headers;
  std::vector<std::string> delete_recipients;
  std::string quarantine_id;  // when a copy was held
};

struct FilterServices {
  const Checker* checker = nullptr;  // judges and records; required
  QuarantineStore* store = nullptr;  // where held messages go; required
  Notifier* notifier = nullptr;      // optional: sender notices
  // Optional: the URL of the signed link a sender gets for a held message.
  std::function<std::string(const std::string& quarantine_id)> sender_link;
};

class FilterTransaction {
 public:
  explicit FilterTransaction(const FilterServices& services);

  void MailFrom(std::string_view address);
  void Rcpt(std::string_view address);
  void Header(std::string_view name, std::string_view value);
  void EndOfHeaders();
  void Body(std::string_view chunk);
  void SetQueueId(std::string_view id) { queue_id_ = id; }

  // Judges the message and carries out the decision. Never throws.
  Verdict Finish();

 private:
  // Whether `more` bytes still fit in limits.max_message_bytes, headers
  // included; once they do not, the message is dropped from memory and
  // Finish() applies the failure mode.
  bool Fits(std::size_t more);
  Verdict Fail(const std::string& why);
  // Carries out the decision: holds, tells the MTA, notifies, records.
  Verdict Act(const Checked& checked);
  // Stores the held copy (the suspects only, for a partial hold); fails
  // when the store refuses.
  Status Hold(const Checked& checked, Verdict* verdict);
  void Notify(const Checked& checked, const Verdict& verdict) const;
  void Log(const std::string& line) const;
  const Config& config() const { return s_.checker->context().config(); }

  const FilterServices& s_;
  Envelope envelope_;
  std::string raw_;
  bool too_large_ = false;
  std::string queue_id_;
};

// "<a@b>" → "a@b"; anything else unchanged.
std::string StripAngles(std::string_view address);

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_FILTER_H_
