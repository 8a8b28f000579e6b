#include "milter/filter.h"

#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/message_json.h"
#include "sendguard/parser.h"

namespace sendguard {
namespace {

// SMTP replies and header values must be one line of printable ASCII.
std::string SmtpText(std::string_view s, std::size_t max = 400) {
  std::string out;
  for (unsigned char c : s) {
    if (out.size() >= max) break;
    if (c == '\r' || c == '\n' || c == '\t') {
      out.push_back(' ');
    } else if (c >= 0x20 && c < 0x7f && c != '%') {
      out.push_back(static_cast<char>(c));
    } else if (c >= 0x80 && (out.empty() || out.back() != '?')) {
      out.push_back('?');
    }
  }
  return out;
}

}  // namespace

std::string StripAngles(std::string_view a) {
  if (a.size() >= 2 && a.front() == '<' && a.back() == '>') a = a.substr(1, a.size() - 2);
  return std::string(a);
}

FilterTransaction::FilterTransaction(const FilterServices& services) : s_(services) {}

void FilterTransaction::MailFrom(std::string_view address) {
  envelope_.mail_from = StripAngles(address);
}

void FilterTransaction::Rcpt(std::string_view address) {
  envelope_.rcpt_to.push_back(StripAngles(address));
}

void FilterTransaction::Header(std::string_view name, std::string_view value) {
  if (too_large_) return;
  raw_.append(name);
  raw_.append(": ");
  raw_.append(value);
  raw_.append("\r\n");
}

void FilterTransaction::EndOfHeaders() { raw_.append("\r\n"); }

void FilterTransaction::Body(std::string_view chunk) {
  if (too_large_) return;
  if (raw_.size() + chunk.size() > s_.context->config().limits.max_message_bytes) {
    too_large_ = true;
    return;
  }
  raw_.append(chunk);
}

void FilterTransaction::Log(const std::string& line) const {
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  std::cerr << stamp << " sendguard[" << (queue_id_.empty() ? "-" : queue_id_) << "]: " << line
            << "\n";
}

Verdict FilterTransaction::Fail(const std::string& why) {
  if (s_.metrics != nullptr) s_.metrics->CountError();
  const bool accept = s_.context->config().policy.on_error == PolicyConfig::OnError::kAccept;
  Log("error: " + why + (accept ? " (on_error: accept)" : " (on_error: tempfail)"));
  if (s_.audit != nullptr) {
    nlohmann::json j = {{"time", std::time(nullptr)},
                        {"queue_id", queue_id_},
                        {"mail_from", envelope_.mail_from},
                        {"rcpt_to", envelope_.rcpt_to},
                        {"error", why},
                        {"action", accept ? "accept" : "tempfail"}};
    (void)s_.audit->Append(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  Verdict v;
  if (accept) {
    v.add_headers.push_back({"X-Sendguard-Error", "not checked: " + SmtpText(why, 200)});
    return v;
  }
  v.kind = Verdict::Kind::kTempfail;
  v.code = "451";
  v.xcode = "4.3.0";
  v.text = "sendguard could not check this message, please try again later";
  return v;
}

Verdict FilterTransaction::Finish() {
  start_ = std::chrono::steady_clock::now();  // the MTA waits from here
  try {
    if (too_large_) return Fail("message larger than limits.max_message_bytes");
    Result<Message> message = ParseMessage(raw_, envelope_, s_.context->config().limits);
    if (!message.ok()) return Fail("cannot parse the message: " + message.status().message());
    Result<Decision> decision = Evaluate(*message, *s_.context);
    if (!decision.ok()) return Fail("cannot judge the message: " + decision.status().message());
    return Act(*message, *decision);
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  }
}

Verdict FilterTransaction::Act(const Message& message, const Decision& d) {
  Verdict v;
  nlohmann::json record = ScanRecordJson(queue_id_, message, d);
  std::vector<std::string> held_rcpts = d.partial ? d.suspects : envelope_.rcpt_to;
  std::vector<std::string> suggestions;
  for (const RecipientVerdict& r : d.recipients) {
    if (r.suggestion &&
        std::find(d.suspects.begin(), d.suspects.end(), r.address) != d.suspects.end()) {
      suggestions.push_back(*r.suggestion);
    }
  }
  switch (d.action) {
    case Action::kAccept:
      if (d.audit && d.policy_action != Action::kAccept) {
        v.add_headers.push_back({"X-Sendguard-Audit", "would " +
                                                          std::string(ActionName(d.policy_action)) +
                                                          " (" + SmtpText(d.rule, 80) + ")"});
      }
      break;
    case Action::kTag:
    case Action::kNotify:
      v.add_headers.push_back({"X-Sendguard-Action", std::string(ActionName(d.action))});
      v.add_headers.push_back({"X-Sendguard-Rule", SmtpText(d.rule, 80)});
      v.add_headers.push_back({"X-Sendguard-Reason", SmtpText(d.reason, 300)});
      break;
    case Action::kHold: {
      HeldMessage h;
      h.mail_from = envelope_.mail_from;
      h.recipients = held_rcpts;
      h.subject = message.subject();
      h.action = "hold";
      h.rule = d.rule;
      h.reason = d.reason;
      h.decision_json = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      for (const RecipientVerdict& r : d.recipients) {
        const bool held =
            std::find(held_rcpts.begin(), held_rcpts.end(), r.address) != held_rcpts.end();
        if (held && r.suggestion) h.corrections.emplace_back(r.address, *r.suggestion);
        for (const RecipientReason& why : r.reasons) {
          h.reasons.push_back({r.address, why.code, why.detail});
        }
      }
      h.raw = raw_;
      Result<std::string> id = s_.store->Hold(std::move(h));
      if (!id.ok()) return Fail("cannot store the held message: " + id.status().message());
      v.quarantine_id = *id;
      if (s_.metrics != nullptr) s_.metrics->CountHeld();
      if (d.partial) {
        v.delete_recipients = d.suspects;  // the others get the message
      } else {
        v.kind = Verdict::Kind::kDiscard;  // stored; the MTA must not deliver it
      }
      break;
    }
    case Action::kReject:
      v.kind = Verdict::Kind::kReject;
      v.code = "550";
      v.xcode = "5.7.1";
      v.text = SmtpText("sendguard: " + d.reason);
      break;
  }
  if ((d.action == Action::kHold || d.action == Action::kReject || d.action == Action::kNotify) &&
      s_.notifier != nullptr) {
    NoticeFacts f;
    f.action = d.action == Action::kHold     ? "held"
               : d.action == Action::kReject ? "rejected"
                                             : "delivered with a warning";
    f.sender = envelope_.mail_from;
    f.subject = message.subject();
    f.recipients = d.action == Action::kNotify ? envelope_.rcpt_to : held_rcpts;
    f.reason = d.reason;
    f.suggestions = suggestions;
    f.id = v.quarantine_id;
    if (!v.quarantine_id.empty() && s_.sender_link) f.link = s_.sender_link(v.quarantine_id);
    s_.notifier->Notify(std::move(f));
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  if (s_.metrics != nullptr) s_.metrics->CountDecision(d.action, d.audit, ms);
  if (s_.stats != nullptr) s_.stats->Record(d);
  if (s_.audit != nullptr) {
    record.erase("source");
    record["time"] = std::time(nullptr);
    record["queue_id"] = queue_id_;
    record["mail_from"] = envelope_.mail_from;
    record["rcpt_to"] = envelope_.rcpt_to;
    record["latency_ms"] = ms;
    if (!v.quarantine_id.empty()) record["quarantine_id"] = v.quarantine_id;
    Status st =
        s_.audit->Append(record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!st.ok()) Log("audit log: " + st.message());
  }
  if (d.action != Action::kAccept || d.audit) {
    Log(std::string(ActionName(d.policy_action)) + (d.audit ? " (audit)" : "") + " from=<" +
        envelope_.mail_from + "> rule=" + d.rule +
        (v.quarantine_id.empty() ? "" : " quarantine=" + v.quarantine_id) + ": " +
        SmtpText(d.reason));
  }
  return v;
}

}  // namespace sendguard
