// The Sendmail/Postfix milter front end (libmilter, protocol 6): a thin
// adapter that feeds each message to a FilterTransaction and turns its
// Verdict into milter replies.

#ifndef SENDGUARD_MILTER_MILTER_H_
#define SENDGUARD_MILTER_MILTER_H_

#include <string>

#include "milter/filter.h"
#include "sendguard/status.h"

namespace sendguard {

// Serves on `socket` ("inet:PORT@HOST", "inet6:PORT@HOST" or "unix:PATH")
// until SIGINT or SIGTERM, one thread per MTA connection. `services` must
// outlive the call. Registers for adding headers, deleting recipients and
// quarantine.
Status RunMilter(const std::string& socket, const FilterServices& services);

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_MILTER_H_
