// The email that tells a sender their message was held or rejected.

#ifndef SENDGUARD_DELIVERY_NOTICE_H_
#define SENDGUARD_DELIVERY_NOTICE_H_

#include <string>
#include <vector>

namespace sendguard {

struct NoticeConfig {
  bool enabled = true;
  std::string from = "postmaster@localhost";
  // Templates; placeholders: {action} {subject} {recipients} {reason}
  // {suggestions} {id} {link}. A line holding {suggestions} is left out when
  // there is no suggestion, one holding {link} when there is no link.
  std::string subject = "Your message was {action}: {subject}";
  std::string body =
      "Your message \"{subject}\" to {recipients} was {action} by sendguard and has not been "
      "delivered.\n"
      "\n"
      "Why: {reason}\n"
      "Did you mean: {suggestions}?\n"
      "\n"
      "Quarantine id: {id}\n"
      "Fix it yourself (send it to the corrected address, or discard it): {link}\n"
      "To have it released, as written or to the corrected address, ask your mail administrator "
      "quoting the id above; if the address was wrong, you can also send it again to the right "
      "one.\n";
};

struct NoticeFacts {
  std::string action;  // "held", "rejected"
  std::string sender;  // the envelope sender: who gets the notice
  std::string subject;
  std::vector<std::string> recipients;
  std::string reason;
  std::vector<std::string> suggestions;  // corrected addresses
  std::string id;                        // quarantine id; "" when not kept
  std::string link;                      // the sender's signed link; "" for none
};

// The notice as a complete RFC 5322 message (CRLF line ends). Values from
// the message never reach a header unescaped: line breaks are removed and
// non-ASCII subjects are RFC 2047-encoded.
std::string ComposeNotice(const NoticeConfig& config, const NoticeFacts& facts);

}  // namespace sendguard

#endif  // SENDGUARD_DELIVERY_NOTICE_H_
