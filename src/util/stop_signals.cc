#include "util/stop_signals.h"

namespace sendguard {

StopSignals::StopSignals() : waiter_(pthread_self()) {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
}

int StopSignals::Wait() const {
  int sig = 0;
  while (sigwait(&set_, &sig) != 0) {
  }
  return sig;
}

void StopSignals::Interrupt() const { pthread_kill(waiter_, SIGTERM); }

}  // namespace sendguard
