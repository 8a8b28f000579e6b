// The Sendmail/Postfix milter front end: a socket server speaking milter
// protocol 6 (MilterSession), one thread per MTA connection, reading with
// large buffers so that the packets the MTA pipelines cost few system calls.

#ifndef SENDGUARD_MILTER_MILTER_H_
#define SENDGUARD_MILTER_MILTER_H_

#include <string>

#include "milter/filter.h"
#include "sendguard/status.h"

namespace sendguard {

// Serves on `socket` ("inet:PORT@HOST", "inet6:PORT@HOST" or "unix:PATH",
// libmilter's forms) until SIGINT or SIGTERM, one thread per MTA
// connection; returns after every connection has ended. `services` must
// outlive the call. Asks for adding headers, deleting recipients and
// quarantine.
Status RunMilter(const std::string& socket, const FilterServices& services);

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_MILTER_H_
