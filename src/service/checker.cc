#include "service/checker.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "policy/decision_json.h"
#include "sendguard/parser.h"

namespace sendguard {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// The fields every journal line has, decision or error.
json JournalLine(const Envelope& envelope, const Outcome& outcome) {
  return {{"version", kDecisionJsonVersion},      {"time", std::time(nullptr)},
          {"origin", OriginName(outcome.origin)}, {"queue_id", outcome.queue_id},
          {"mail_from", envelope.mail_from},      {"rcpt_to", envelope.rcpt_to}};
}

}  // namespace

Checker::Checker(const Context& context, Recorders recorders)
    : Checker(context, context.config().limits, recorders) {}

Checker::Checker(const Context& context, const Limits& limits, Recorders recorders)
    : context_(context), limits_(limits), recorders_(recorders) {}

Result<Checked> Checker::Check(std::string_view raw, const Envelope& envelope) const {
  return Check(raw, envelope, EvaluateOptions{});
}

Result<Checked> Checker::Check(std::string_view raw, const Envelope& envelope,
                               const EvaluateOptions& options) const {
  const auto started = std::chrono::steady_clock::now();
  Result<Message> message = ParseMessage(raw, envelope, limits_);
  if (!message.ok()) return InvalidArgumentError(message.status().message());
  Result<Decision> decision = Evaluate(*message, context_, options);
  if (!decision.ok()) return InternalError(decision.status().message());
  return Checked{std::move(message).value(), std::move(decision).value(), started};
}

Status Checker::Record(const Checked& c, const Outcome& outcome) const {
  const Decision& d = c.decision;
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c.started)
          .count();
  if (recorders_.metrics != nullptr) {
    if (outcome.origin == Origin::kCheck) {
      recorders_.metrics->CountCheck(d.action, d.audit);
    } else {
      if (!outcome.quarantine_id.empty()) recorders_.metrics->CountHeld();
      recorders_.metrics->CountDecision(d.action, d.audit, ms);
    }
  }
  if (recorders_.stats != nullptr) recorders_.stats->Record(d, outcome.origin);
  if (recorders_.delivered != nullptr && outcome.origin == Origin::kMailFlow) {
    recorders_.delivered->Record(c.message, d);
  }
  if (recorders_.journal == nullptr) return Status();
  json line = DecisionJson(c.message, d);
  line.update(JournalLine(c.message.envelope(), outcome));
  line["latency_ms"] = ms;
  if (!outcome.quarantine_id.empty()) line["quarantine_id"] = outcome.quarantine_id;
  return recorders_.journal->Append(Dump(line));
}

Status Checker::RecordError(const Envelope& envelope, std::string_view why, bool accepted,
                            const Outcome& outcome) const {
  if (recorders_.metrics != nullptr) {
    if (outcome.origin == Origin::kCheck) {
      recorders_.metrics->CountCheckError();
    } else {
      recorders_.metrics->CountError();
    }
  }
  if (recorders_.journal == nullptr) return Status();
  json line = JournalLine(envelope, outcome);
  line["error"] = why;
  line["action"] = outcome.origin == Origin::kCheck ? "error" : accepted ? "accept" : "tempfail";
  return recorders_.journal->Append(Dump(line));
}

}  // namespace sendguard
