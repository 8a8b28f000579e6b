// The one path from message bytes to a recorded decision, shared by every
// front end (the milter, the HTTP check, `sendguard scan`): parse within
// limits, Evaluate, and record what was decided in the decision journal,
// the metrics and the dashboard counts. Front ends only adapt: they turn
// their input into bytes and an envelope, and the decision into a reply.

#ifndef SENDGUARD_SERVICE_CHECKER_H_
#define SENDGUARD_SERVICE_CHECKER_H_

#include <chrono>
#include <string>
#include <string_view>

#include "policy/context.h"
#include "policy/decision.h"
#include "sendguard/limits.h"
#include "sendguard/message.h"
#include "sendguard/status.h"
#include "service/decision_stats.h"
#include "service/delivered_history.h"
#include "service/journal.h"
#include "service/metrics.h"
#include "service/origin.h"

namespace sendguard {

// Where decisions are recorded; each is optional and must outlive the Checker.
struct Recorders {
  const DecisionJournal* journal = nullptr;
  Metrics* metrics = nullptr;
  DecisionStats* stats = nullptr;
  DeliveredHistory* delivered = nullptr;  // mail the filter let through, into the history
};

// One message judged.
struct Checked {
  Message message;
  Decision decision;
  std::chrono::steady_clock::time_point started;  // when Check began
};

// What a front end did with a decision, for the records. The views need
// to hold only for the call they are passed to.
struct Outcome {
  Origin origin = Origin::kMailFlow;
  std::string_view queue_id = {};       // the MTA's queue id; "" when there is none
  std::string_view quarantine_id = {};  // "" unless a copy was held
};

class Checker {
 public:
  // Parses with `limits` (those of the context's configuration by default).
  // `context` and the recorders must outlive the Checker.
  explicit Checker(const Context& context, Recorders recorders = {});
  Checker(const Context& context, const Limits& limits, Recorders recorders = {});

  const Context& context() const { return context_; }
  const Limits& limits() const { return limits_; }

  // Parses `raw` with `envelope` and judges it. InvalidArgument when it
  // cannot be parsed (ParseMessage fails only when `raw` holds no message at
  // all); Internal when it cannot be judged (which a mail filter must treat
  // by its failure mode, never as accept). Records nothing. Thread-safe.
  Result<Checked> Check(std::string_view raw, const Envelope& envelope) const;
  // As Check, applying only the rules `options` leaves in (a sender's
  // release "as written" skips the rules about recipients alone).
  Result<Checked> Check(std::string_view raw, const Envelope& envelope,
                        const EvaluateOptions& options) const;

  // Records a decision that was carried out: the metrics (with the time
  // since Check began), the dashboard counts and one journal line. Fails
  // only when the journal cannot be written; the counts are kept anyway.
  Status Record(const Checked& checked, const Outcome& outcome) const;

  // Records a message that could not be judged (`why`), and whether the
  // mail flow let it through (on_error: accept) or refused it for now.
  Status RecordError(const Envelope& envelope, std::string_view why, bool accepted,
                     const Outcome& outcome) const;

 private:
  const Context& context_;
  Limits limits_;
  Recorders recorders_;
};

}  // namespace sendguard

#endif  // SENDGUARD_SERVICE_CHECKER_H_
