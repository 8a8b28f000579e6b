#include "milter/milter.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "tests/fake_quarantine_store.h"

namespace sendguard {
namespace {

int Connect(const std::string& path) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  path.copy(addr.sun_path, sizeof(addr.sun_path) - 1);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether the server closed `fd` within `ms` milliseconds.
bool ClosedWithin(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, ms) <= 0) return false;
  char c;
  return recv(fd, &c, 1, 0) == 0;
}

TEST(MilterServerTest, ConnectionsBeyondTheCapAreClosedAtOnce) {
  std::unique_ptr<Context> context = std::move(Context::Create(Config(), History())).value();
  Checker checker(*context);
  testing::FakeQuarantineStore store;
  FilterServices services;
  services.checker = &checker;
  services.store = &store;
  const std::string path = "/tmp/sendguard_milter_test_" + std::to_string(::getpid()) + ".sock";
  MilterServer server(services, 2);
  ASSERT_TRUE(server.Listen("unix:" + path).ok());
  std::thread run([&] { EXPECT_TRUE(server.Run().ok()); });
  std::vector<int> open;
  for (int i = 0; i < 2; ++i) {
    open.push_back(Connect(path));
    ASSERT_GE(open.back(), 0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // both accepted
  int third = Connect(path);
  ASSERT_GE(third, 0);
  EXPECT_TRUE(ClosedWithin(third, 2000));  // refused: the MTA's default action applies
  for (int fd : open) EXPECT_FALSE(ClosedWithin(fd, 50));  // still served
  close(open[0]);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // its thread ends
  int again = Connect(path);
  ASSERT_GE(again, 0);
  EXPECT_FALSE(ClosedWithin(again, 200));  // room again
  server.Stop();
  run.join();
  for (int fd : {open[1], third, again}) close(fd);
}

}  // namespace
}  // namespace sendguard
