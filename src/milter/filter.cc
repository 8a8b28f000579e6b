#include "milter/filter.h"

#include <algorithm>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_set>

#include "policy/decision_json.h"

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

bool FilterTransaction::Fits(std::size_t more) {
  if (!too_large_ && raw_.size() + more > s_.checker->limits().max_message_bytes) {
    too_large_ = true;
    raw_.clear();
    raw_.shrink_to_fit();  // nothing more is kept of a message that will be refused
  }
  return !too_large_;
}

void FilterTransaction::Header(std::string_view name, std::string_view value) {
  if (!Fits(name.size() + value.size() + 4)) return;
  raw_.append(name);
  raw_.append(": ");
  raw_.append(value);
  raw_.append("\r\n");
}

void FilterTransaction::EndOfHeaders() {
  if (Fits(2)) raw_.append("\r\n");
}

void FilterTransaction::Body(std::string_view chunk) {
  if (Fits(chunk.size())) raw_.append(chunk);
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
  const bool accept = config().policy.on_error == PolicyConfig::OnError::kAccept;
  Log("error: " + why + (accept ? " (on_error: accept)" : " (on_error: tempfail)"));
  if (Status st = s_.checker->RecordError(envelope_, why, accept, {.queue_id = queue_id_});
      !st.ok()) {
    Log("decision journal: " + st.message());
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
  try {
    if (too_large_) return Fail("message larger than limits.max_message_bytes");
    Result<Checked> checked = s_.checker->Check(raw_, envelope_);
    if (!checked.ok()) {
      const bool unreadable = checked.status().code() == StatusCode::kInvalidArgument;
      return Fail((unreadable ? "cannot parse the message: " : "cannot judge the message: ") +
                  checked.status().message());
    }
    return Act(*checked);
  } catch (const std::exception& e) {
    return Fail(std::string("internal error: ") + e.what());
  }
}

Status FilterTransaction::Hold(const Checked& c, Verdict* v) {
  const Decision& d = c.decision;
  HeldMessage h;
  h.mail_from = envelope_.mail_from;
  h.recipients = d.partial ? d.suspects : envelope_.rcpt_to;
  h.subject = c.message.subject();
  h.action = "hold";
  h.rule = d.rule;
  h.reason = d.reason;
  nlohmann::json decision = DecisionJson(c.message, d);
  decision["source"] = queue_id_;  // the MTA's queue id, as `scan` names the file
  h.decision_json = decision.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // A set, not a search of the list per verdict: that is quadratic in the
  // recipients (50k held recipients took seconds).
  const std::unordered_set<std::string_view> held_set(h.recipients.begin(), h.recipients.end());
  for (const RecipientVerdict& r : d.recipients) {
    const bool held = held_set.count(r.address) != 0;
    if (held && r.suggestion) h.corrections.emplace_back(r.address, *r.suggestion);
    for (const RecipientReason& why : r.reasons) {
      h.reasons.push_back({r.address, why.code, why.detail});
    }
  }
  h.raw = raw_;
  Result<std::string> id = s_.store->Hold(std::move(h));
  if (!id.ok()) return id.status();
  v->quarantine_id = *id;
  if (d.partial) {
    v->delete_recipients = d.suspects;  // the others get the message
  } else {
    v->kind = Verdict::Kind::kDiscard;  // stored; the MTA must not deliver it
  }
  return Status();
}

void FilterTransaction::Notify(const Checked& c, const Verdict& v) const {
  const Decision& d = c.decision;
  NoticeFacts f;
  f.action = d.action == Action::kHold     ? "held"
             : d.action == Action::kReject ? "rejected"
                                           : "delivered with a warning";
  f.sender = envelope_.mail_from;
  f.subject = c.message.subject();
  f.recipients = d.action != Action::kNotify && d.partial ? d.suspects : envelope_.rcpt_to;
  f.reason = d.reason;
  const std::unordered_set<std::string_view> suspects(d.suspects.begin(), d.suspects.end());
  for (const RecipientVerdict& r : d.recipients) {
    if (r.suggestion && suspects.count(r.address) != 0) {
      f.suggestions.push_back(*r.suggestion);
    }
  }
  f.id = v.quarantine_id;
  if (!v.quarantine_id.empty() && s_.sender_link) f.link = s_.sender_link(v.quarantine_id);
  s_.notifier->Notify(std::move(f));
}

Verdict FilterTransaction::Act(const Checked& c) {
  const Decision& d = c.decision;
  Verdict v;
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
    case Action::kHold:
      if (Status st = Hold(c, &v); !st.ok()) {
        return Fail("cannot store the held message: " + st.message());
      }
      break;
    case Action::kReject:
      v.kind = Verdict::Kind::kReject;
      v.code = "550";
      v.xcode = "5.7.1";
      v.text = SmtpText("sendguard: " + d.reason);
      break;
  }
  // From here the decision stands (a held copy is stored): a failure to
  // notify or record is logged, never turned into a tempfail, which would
  // have the MTA send the message again and hold it twice.
  try {
    const bool tell_sender =
        d.action == Action::kHold || d.action == Action::kReject || d.action == Action::kNotify;
    if (tell_sender && s_.notifier != nullptr) Notify(c, v);
    if (Status st =
            s_.checker->Record(c, {.queue_id = queue_id_, .quarantine_id = v.quarantine_id});
        !st.ok()) {
      Log("decision journal: " + st.message());
    }
  } catch (const std::exception& e) {
    Log(std::string("after the decision: ") + e.what());
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
