// One-time, thread-safe initialisation of libxml2.

#ifndef SENDGUARD_MAIL_XML_INIT_H_
#define SENDGUARD_MAIL_XML_INIT_H_

namespace sendguard {

// Initialises libxml2 once per process and silences its global error output
// (errors in hostile documents are expected and handled by the callers).
void EnsureXmlInitialized();

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_XML_INIT_H_
