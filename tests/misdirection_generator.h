// Generating an organisation's sent mail, as a Postfix log and a Sent
// mailbox, in which each sender writes to contacts of their own, and the
// cases a per-sender judge must get right: slips in a contact's local part,
// autocomplete picks of a namesake, and a lookalike of a group's member
// added to the group (to be flagged with the contact as the suggestion),
// and what must not be flagged. The truth is kept by the
// generator as it writes, independently of the code under test.

#ifndef SENDGUARD_TESTS_MISDIRECTION_GENERATOR_H_
#define SENDGUARD_TESTS_MISDIRECTION_GENERATOR_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace sendguard::testing {

struct MisdirectionCase {
  std::string kind;    // slip kind, "autocomplete", or a negative's kind
  std::string sender;  // the From / envelope sender
  std::string address;
  std::string display_name;       // as the message would give it; may be empty
  std::string meant;              // the contact meant; empty for a negative
  std::vector<std::string> with;  // the message's other recipients, before `address`
};

struct MisdirectionSet {
  std::vector<MisdirectionCase> positives, negatives;
  std::vector<std::string> mailing_lists;
  std::string own_domain = "own.mil";
};

struct MisdirectionOptions {
  std::uint64_t seed = 7;
  int senders = 80;         // half learned from the log, half from the mailbox
  int contacts = 24;        // per sender
  int slips = 400;          // local-part slips to generate
  int autocomplete = 200;   // namesake picks
  int negatives_each = 60;  // per negative kind
  int groups = 60;          // recipient sets mailed together, each with its cases
};

// Writes the history to `log` (Postfix, RFC 3339 stamps) and `mbox` (Sent
// mailbox with display names) and returns the cases to judge against it.
MisdirectionSet WriteMisdirectionHistory(const MisdirectionOptions& options, std::ostream& log,
                                         std::ostream& mbox);

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_MISDIRECTION_GENERATOR_H_
