// SIGTERM and SIGINT, taken by one waiting thread (sigwait) instead of by
// whichever thread the kernel picks.

#ifndef SENDGUARD_UTIL_STOP_SIGNALS_H_
#define SENDGUARD_UTIL_STOP_SIGNALS_H_

#include <pthread.h>
#include <signal.h>

namespace sendguard {

class StopSignals {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread, for good (a signal
  // still pending would end the process if they were unblocked). Construct
  // it before any thread starts, so that every thread inherits the mask.
  StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // In the constructing thread: waits for SIGTERM or SIGINT (or Interrupt())
  // and returns the signal.
  int Wait() const;
  // From any thread, while the constructing thread lives: makes Wait()
  // return, as a SIGTERM would (a SIGTERM is sent to that thread).
  void Interrupt() const;

 private:
  sigset_t set_;
  pthread_t waiter_;
};

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_STOP_SIGNALS_H_
