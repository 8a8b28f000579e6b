#include "util/stop_signals.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <thread>

namespace sendguard {
namespace {

TEST(StopSignalsTest, InterruptFromAnotherThreadEndsTheWait) {
  StopSignals signals;
  std::thread t([&] { signals.Interrupt(); });
  EXPECT_EQ(signals.Wait(), SIGTERM);
  t.join();
}

TEST(StopSignalsTest, AProcessSignalIsTakenByTheWaiterNotByAWorker) {
  StopSignals signals;
  // A worker started after the mask inherits it: the signal stays pending
  // for the waiter instead of killing the process.
  std::thread worker([] { kill(getpid(), SIGINT); });
  worker.join();
  EXPECT_EQ(signals.Wait(), SIGINT);
}

}  // namespace
}  // namespace sendguard
