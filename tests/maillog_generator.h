// Generating MTA logs (Postfix, Exim, Sendmail) with a known set of
// deliveries to typo domains among ordinary traffic, and the ground truth
// an audit of them must report. The truth is kept by the generator as it
// writes, independently of the code under test.

#ifndef SENDGUARD_TESTS_MAILLOG_GENERATOR_H_
#define SENDGUARD_TESTS_MAILLOG_GENERATOR_H_

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "logs/mail_log.h"

namespace sendguard::testing {

// Deliveries to one typo domain: `messages` messages from a pool of
// `senders` senders, spread over the period.
struct TypoTraffic {
  std::string domain;  // as written in the log (UTF-8 for an IDN)
  int messages = 0;
  int senders = 1;
};

struct MaillogOptions {
  LogFormat format = LogFormat::kPostfix;
  bool iso_time = false;  // RFC 3339 stamps instead of "Nov 29 10:00:01"
  std::uint64_t seed = 1;
  std::uint64_t messages = 20000;    // ordinary messages
  std::string start = "2026-10-01";  // first day; the period is `days` long
  int days = 30;
  int random_domains = 300;  // ordinary domains besides the named ones
  std::vector<TypoTraffic> typos;
  int malformed_every = 5000;  // a garbled line every N messages (0: none)
};

// What an audit must find for one typo domain.
struct TypoTruth {
  std::uint64_t messages = 0;
  std::uint64_t deliveries = 0;
  std::set<std::string> senders, recipients, relays;
  std::string first_seen, last_seen;  // "YYYY-MM-DD HH:MM:SS"
  std::map<std::string, std::uint64_t> per_day;
};

struct MaillogTruth {
  std::map<std::string, TypoTruth> typos;  // by domain as written
  std::uint64_t lines = 0;
  std::uint64_t malformed = 0;
  std::uint64_t deliveries = 0;  // all delivered recipients
};

// Writes a log to `out` and returns its truth. The named established
// domains are army.mil, navy.mil, us.af.mil, contoso.com, example-bank.co.uk,
// and partner1.com / partner11.com with comparable traffic.
MaillogTruth WriteMaillog(const MaillogOptions& options, std::ostream& out);

}  // namespace sendguard::testing

#endif  // SENDGUARD_TESTS_MAILLOG_GENERATOR_H_
