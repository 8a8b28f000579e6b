// One-time, thread-safe initialisation of GMime.

#ifndef SENDGUARD_MAIL_GMIME_INIT_H_
#define SENDGUARD_MAIL_GMIME_INIT_H_

namespace sendguard {

// Initialises GMime once per process. Thread-safe; every use of GMime calls
// it first.
void EnsureGMimeInitialized();

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_GMIME_INIT_H_
