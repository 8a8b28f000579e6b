#include "milter/milter.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "tests/fake_quarantine_store.h"
#include "tests/milter_stream.h"

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
  return recv(fd, &c, 1, 0) <= 0;
}

// A server on a unix socket with `limits`, running until destroyed.
class RunningServer {
 public:
  explicit RunningServer(const MilterLimits& limits)
      : context_(std::move(Context::Create(Config(), History())).value()),
        checker_(*context_),
        server_(services_, limits),
        path_("/tmp/sendguard_milter_test_" + std::to_string(::getpid()) + ".sock") {
    services_.checker = &checker_;
    services_.store = &store_;
    EXPECT_TRUE(server_.Listen("unix:" + path_).ok());
    run_ = std::thread([this] { EXPECT_TRUE(server_.Run().ok()); });
  }
  ~RunningServer() {
    server_.Stop();
    run_.join();
  }
  int Connect() const { return sendguard::Connect(path_); }

 private:
  std::unique_ptr<Context> context_;
  Checker checker_;
  testing::FakeQuarantineStore store_;
  FilterServices services_;
  MilterServer server_;
  std::string path_;
  std::thread run_;
};

bool SendAll(int fd, const std::string& data) {
  return send(fd, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
}

using Ms = std::chrono::milliseconds;

TEST(MilterServerTest, ConnectionsBeyondTheCapAreClosedAtOnce) {
  std::unique_ptr<Context> context = std::move(Context::Create(Config(), History())).value();
  Checker checker(*context);
  testing::FakeQuarantineStore store;
  FilterServices services;
  services.checker = &checker;
  services.store = &store;
  const std::string path = "/tmp/sendguard_milter_test_" + std::to_string(::getpid()) + ".sock";
  MilterServer server(services, {.max_connections = 2});
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

TEST(MilterServerTest, APacketDribbledAByteAtATimeIsCutAtTheStepTimeout) {
  RunningServer server({.idle_timeout_ms = 5000, .step_timeout_ms = 400});
  int fd = server.Connect();
  ASSERT_GE(fd, 0);
  // A 1000-byte negotiation, one byte every 100 ms: each byte would restart
  // an idle timeout, but the packet as a whole has 400 ms.
  const std::string packet = testing::MilterPacket('O', std::string(999, '\0'));
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  for (std::size_t i = 0; i < 30 && !closed; ++i) {
    (void)SendAll(fd, packet.substr(i, 1));
    closed = ClosedWithin(fd, 100);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, Ms(2500));
  close(fd);
}

TEST(MilterServerTest, WholePacketsSlowerThanTheStepTimeoutKeepTheConnection) {
  RunningServer server({.idle_timeout_ms = 3000, .step_timeout_ms = 200});
  int fd = server.Connect();
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, testing::MilterNegotiation()));
  char reply[256];
  ASSERT_GT(recv(fd, reply, sizeof reply, 0), 0);  // the negotiation's answer
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(ClosedWithin(fd, 400)) << "after packet " << i;  // idle, not mid-packet
    ASSERT_TRUE(SendAll(fd, testing::MilterPacket('A', "")));     // abort: no reply
  }
  close(fd);
}

TEST(MilterServerTest, AConnectionSilentBetweenPacketsIsClosedAtTheIdleTimeout) {
  RunningServer server({.idle_timeout_ms = 300, .step_timeout_ms = 5000});
  int fd = server.Connect();
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, testing::MilterNegotiation()));
  char reply[256];
  ASSERT_GT(recv(fd, reply, sizeof reply, 0), 0);  // the negotiation's answer
  EXPECT_TRUE(ClosedWithin(fd, 3000));
  close(fd);
}

TEST(MilterServerTest, AnMtaThatTakesNoRepliesIsCutAtTheStepTimeout) {
  RunningServer server({.idle_timeout_ms = 5000, .step_timeout_ms = 300});
  int fd = server.Connect();
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, testing::MilterNegotiation()));
  // HELO is answered (the negotiation does not spare its reply): send them
  // without reading until the server, its replies unread, stops reading too.
  ASSERT_EQ(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK), 0);
  std::string helos;
  for (int i = 0; i < 1000; ++i) helos += testing::MilterPacket('H', testing::Nul("x"));
  std::size_t sent = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < give_up) {
    ssize_t n = send(fd, helos.data(), helos.size(), MSG_NOSIGNAL);
    if (n > 0) sent += static_cast<std::size_t>(n);
    if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      if (poll(&p, 1, 1000) == 0) break;  // the server stopped reading
    } else if (n < 0) {
      break;
    }
  }
  ASSERT_GT(sent, helos.size());
  // Cut within the step timeout: the socket reports the server's close
  // while its replies are still unread here.
  pollfd p{fd, POLLRDHUP, 0};
  ASSERT_EQ(poll(&p, 1, 5000), 1);
  EXPECT_NE(p.revents & (POLLRDHUP | POLLHUP | POLLERR), 0);
  close(fd);
}

}  // namespace
}  // namespace sendguard
