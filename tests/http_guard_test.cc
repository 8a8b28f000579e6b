// The HTTP server under hostile load, on loopback: slow clients (slowloris),
// one address opening many connections, connection bursts, ambiguous
// request framing, strangers' large bodies and deep JSON, and clients behind
// a trusted reverse proxy. Attackers connect from 127.0.0.2 and up, the
// well-behaved client from 127.0.0.1 (all of 127/8 is loopback on Linux).

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/api_server.h"
#include "store/stores.h"

namespace sendguard {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;
using std::chrono::milliseconds;

constexpr char kAdminToken[] = "admin-token-0123456789";
constexpr char kPassword[] = "a long enough password";

// A raw TCP client from a chosen loopback address.
class RawClient {
 public:
  RawClient(const char* from, int port, bool wait = true) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | (wait ? 0 : SOCK_NONBLOCK), 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &a.sin_addr);
    (void)::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    a.sin_port = htons(static_cast<uint16_t>(port));
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  int fd() const { return fd_; }
  bool Send(std::string_view s) {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // What the server sent until it closed or `wait` passed; `closed` says which.
  std::string Read(milliseconds wait, bool* closed = nullptr) {
    std::string out;
    const auto end = Clock::now() + wait;
    bool eof = false;
    while (!eof && Clock::now() < end) {
      pollfd p{fd_, POLLIN, 0};
      auto left = std::chrono::duration_cast<milliseconds>(end - Clock::now());
      if (::poll(&p, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
      if (n > 0) {
        out.append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        eof = true;
      }
    }
    if (closed) *closed = eof;
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

class HttpGuardTest : public ::testing::Test {
 protected:
  void TearDown() override {
    Stop();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }

  void Start(HttpConfig http) {
    path_ = (std::filesystem::temp_directory_path() /
             ("sendguard_guard_" + std::to_string(::getpid()) + ".db"))
                .string();
    Stores stores = std::move(OpenStores(path_, {.quarantine = true, .console = true})).value();
    quarantine_ = std::move(stores.quarantine);
    console_ = std::move(stores.console);
    ASSERT_TRUE(console_->SetPassword("admin", kPassword).ok());
    ApiServices s;
    s.quarantine = quarantine_.get();
    s.console = console_.get();
    http.admin_tokens = {kAdminToken};
    s.http = std::move(http);
    server_ = std::make_unique<ApiServer>(s);
    ASSERT_TRUE(server_->Bind("127.0.0.1:0").ok());
    thread_ = std::thread([this] { server_->Run(); });
    httplib::Client c("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !c.Get("/healthz"); ++i)
      std::this_thread::sleep_for(milliseconds(20));
  }

  void Stop() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  int port() const { return server_->port(); }

  std::string path_;
  std::unique_ptr<QuarantineStore> quarantine_;
  std::unique_ptr<ConsoleStore> console_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
};

// Acceptance: 64 slow clients for 20 s while /healthz answers within 1 s,
// and a stop ends the server at once although they are still connected.
TEST_F(HttpGuardTest, SlowClientsDoNotStarveTheServer) {
  HttpConfig http;
  http.header_timeout_seconds = 8;  // cut twice in 20 s; a stop that waited for them takes 8 s
  Start(http);
  std::atomic<bool> done{false};
  std::atomic<int> cut{0}, busy{0};
  std::vector<std::thread> slow;
  const int at = port();
  for (int i = 0; i < 64; ++i) {
    slow.emplace_back([&] {
      while (!done) {  // a byte every half second, reconnecting when cut
        RawClient c("127.0.0.2", at);
        if (!c.connected()) continue;
        const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        bool open = true;
        for (std::size_t b = 0; open && !done; ++b) {
          open = c.Send(std::string(1, b < head.size() ? head[b] : 'a'));
          bool closed = false;
          std::string got = c.Read(milliseconds(500), &closed);
          if (got.find(" 503 ") != std::string::npos) ++busy;
          if (closed) {
            if (got.empty()) ++cut;
            open = false;
          }
        }
      }
    });
  }
  httplib::Client good("127.0.0.1", port());
  good.set_connection_timeout(1, 0);
  good.set_read_timeout(1, 0);
  milliseconds slowest{0};
  int answered = 0;
  const auto end = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < end) {
    const auto t0 = Clock::now();
    auto r = good.Get("/healthz");
    slowest = std::max(slowest, std::chrono::duration_cast<milliseconds>(Clock::now() - t0));
    if (r && r->status == 200) ++answered;
    std::this_thread::sleep_for(milliseconds(250));
  }
  const auto stop0 = Clock::now();
  Stop();
  const auto stop_took = Clock::now() - stop0;
  done = true;
  for (std::thread& t : slow) t.join();
  EXPECT_GE(answered, 60);
  EXPECT_LT(slowest, milliseconds(1000));
  EXPECT_GT(busy.load(), 0);  // one address holds at most max_connections_per_client
  EXPECT_GT(cut.load(), 0);   // the head deadline ends a slow request
  EXPECT_LT(stop_took, std::chrono::seconds(4));  // generous for the sanitizer build
}

TEST_F(HttpGuardTest, ASlowRequestIsCutAtItsDeadlineHoweverSteadilyItDrips) {
  HttpConfig http;
  http.header_timeout_seconds = 2;
  Start(http);
  RawClient c("127.0.0.3", port());
  ASSERT_TRUE(c.connected());
  const auto t0 = Clock::now();
  bool closed = false;
  for (int i = 0; i < 40 && !closed; ++i) {  // a byte every 200 ms: each read is quick
    c.Send(i == 0 ? "GET /healthz HTTP/1.1\r\nX: " : "a");
    c.Read(milliseconds(200), &closed);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(4000))
      << std::chrono::duration_cast<milliseconds>(Clock::now() - t0).count();
}

TEST_F(HttpGuardTest, OneAddressHoldsAtMostItsShareOfConnections) {
  HttpConfig http;
  http.max_connections_per_client = 4;
  Start(http);
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<RawClient>("127.0.0.4", port()));
    held.back()->Send("GET /healthz HTTP/1.1\r\n");  // and never finishes
  }
  std::this_thread::sleep_for(milliseconds(200));
  RawClient fifth("127.0.0.4", port());
  bool closed = false;
  std::string reply = fifth.Read(milliseconds(2000), &closed);
  EXPECT_NE(reply.find("HTTP/1.1 503"), std::string::npos) << reply;
  EXPECT_TRUE(closed);
  RawClient other("127.0.0.5", port());  // another address is served
  other.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(other.Read(milliseconds(2000)).find("HTTP/1.1 200"), std::string::npos);
}

// A burst of connections waits in the listen backlog instead of being
// reset: with the server not yet accepting, all of them connect.
TEST(GuardedBacklogTest, ABurstOfConnectionsWaitsInTheBacklog) {
  ApiServer server{ApiServices{}};
  ASSERT_TRUE(server.Bind("127.0.0.1:0").ok());  // bound, not yet accepting
  std::vector<std::unique_ptr<RawClient>> burst;
  for (int i = 0; i < 100; ++i) {
    burst.push_back(std::make_unique<RawClient>("127.0.0.6", server.port(), /*wait=*/false));
  }
  int connected = 0;
  for (auto& c : burst) {
    pollfd p{c->fd(), POLLOUT, 0};
    int err = -1;
    socklen_t len = sizeof err;
    if (::poll(&p, 1, 1000) == 1 && ::getsockopt(c->fd(), SOL_SOCKET, SO_ERROR, &err, &len) == 0 &&
        err == 0) {
      ++connected;
    }
  }
  EXPECT_EQ(connected, 100);
}

std::string Exchange(int port, const std::string& request) {
  RawClient c("127.0.0.7", port);
  c.Send(request);
  bool closed = false;
  std::string reply = c.Read(milliseconds(3000), &closed);
  return reply + (closed ? "<closed>" : "<open>");
}

TEST_F(HttpGuardTest, AmbiguousFramingIsRefusedAndTheConnectionClosed) {
  Start({});
  const std::string head = "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n";
  const std::string body = "{\"user\":\"a\",\"password\":\"b\"}";
  const std::string len = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  for (const std::string& framing : std::vector<std::string>{
           len + "Content-Length: 5\r\n", len + len, "Transfer-Encoding: chunked, identity\r\n",
           "Transfer-Encoding : chunked\r\n", len + "Transfer-Encoding: chunked\r\n",
           "Transfer-Encoding: gzip\r\n", "Content-Length: +28\r\n"}) {
    std::string reply = Exchange(port(), head + framing + "\r\n" + body);
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << framing << reply;
    EXPECT_NE(reply.find("ambiguous request framing"), std::string::npos) << framing;
    EXPECT_NE(reply.find("<closed>"), std::string::npos) << framing;
  }
  std::string plain = Exchange(port(), head + len + "Connection: close\r\n\r\n" + body);
  EXPECT_EQ(plain.rfind("HTTP/1.1 401", 0), 0u) << plain;  // well framed: a wrong password
}

TEST_F(HttpGuardTest, StrangersLargeBodiesAreRefusedBeforeTheyAreRead) {
  Start({});
  // Only the head is sent: the answer must not wait for the 30 MB.
  std::string reply =
      Exchange(port(),
               "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n"
               "Content-Type: application/json\r\nContent-Length: 30000000\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  // and the connection closes: the body's bytes are not a next request.
  EXPECT_NE(reply.find("<closed>"), std::string::npos) << reply;
  reply = Exchange(port(),
                   "POST /api/v1/quarantine/x/release HTTP/1.1\r\nHost: x\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 411", 0), 0u) << reply;
  // With a credential the server waits for the body (and gets none).
  reply = Exchange(port(), std::string("POST /api/v1/check HTTP/1.1\r\nHost: x\r\n") +
                               "Authorization: Bearer " + kAdminToken +
                               "\r\nContent-Length: 30000\r\n\r\n");
  EXPECT_EQ(reply, "<open>");
}

TEST_F(HttpGuardTest, DeepJsonIsRefusedBeforeItIsBuilt) {
  Start({});
  httplib::Client c("127.0.0.1", port());
  httplib::Headers admin = {{"Authorization", std::string("Bearer ") + kAdminToken}};
  std::string deep = "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  auto r = c.Post("/api/v1/check", admin, deep, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("nested deeper"), std::string::npos) << r->body;
  std::string many = "{\"a\":[" + std::string(300000, '0') + "]}";
  for (std::size_t i = 7; i + 1 < many.size(); i += 2) many[i] = ',';
  r = c.Post("/api/v1/check", admin, many, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("values"), std::string::npos) << r->body;
}

// Point 15: a store whose file is gone is not healthy, though its open
// connection still answers queries.
TEST_F(HttpGuardTest, HealthzFailsWhenTheStoreFileIsRemoved) {
  Start({});
  httplib::Client c("127.0.0.1", port());
  auto ok = c.Get("/healthz");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  std::filesystem::remove(path_);
  auto gone = c.Get("/healthz");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 503);
}

// Behind a trusted reverse proxy, throttling sees the client the proxy
// names: one client's bad guesses do not lock out another.
TEST_F(HttpGuardTest, BehindATrustedProxyEachClientIsThrottledOnItsOwn) {
  HttpConfig http;
  http.trusted_proxies = {"127.0.0.1"};
  Start(http);
  httplib::Client proxy("127.0.0.1", port());
  auto login = [&](const char* client, const char* user, const char* password) {
    auto r =
        proxy.Post("/api/v1/login", {{"X-Forwarded-For", std::string("203.0.113.9, ") + client}},
                   json{{"user", user}, {"password", password}}.dump(), "application/json");
    return r ? r->status : -1;
  };
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login("10.0.0.1", ("x" + std::to_string(i)).c_str(), "no"), 401);
  EXPECT_EQ(login("10.0.0.1", "y", "no"), 429);           // that client is throttled
  EXPECT_EQ(login("10.0.0.2", "admin", kPassword), 200);  // another is not
  // Not from a trusted proxy: the header is the client's own and ignored.
  for (int i = 0; i < 6; ++i) {
    const std::string body = json{{"user", "z" + std::to_string(i)}, {"password", "no"}}.dump();
    std::string reply =
        Exchange(port(),
                 "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n"
                 "X-Forwarded-For: 10.9.9." +
                     std::to_string(i) + "\r\nConnection: close\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body);
    EXPECT_EQ(reply.rfind(i < 5 ? "HTTP/1.1 401" : "HTTP/1.1 429", 0), 0u) << i << reply;
  }
}

}  // namespace
}  // namespace sendguard

namespace sendguard {
namespace {

// A self-signed certificate and key for localhost, as PEM files in `dir`.
void WriteSelfSigned(const std::filesystem::path& dir) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  X509* cert = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_sign(cert, key, EVP_sha256());
  FILE* c = std::fopen((dir / "cert.pem").c_str(), "w");
  PEM_write_X509(c, cert);
  std::fclose(c);
  FILE* k = std::fopen((dir / "key.pem").c_str(), "w");
  PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(k);
  X509_free(cert);
  EVP_PKEY_free(key);
}

TEST(GuardedTlsTest, ServesHttpsAndCutsASlowHandshake) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("sendguard_tls_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  WriteSelfSigned(dir);
  ApiServices s;
  s.http.tls_cert = (dir / "cert.pem").string();
  s.http.tls_key = (dir / "key.pem").string();
  s.http.header_timeout_seconds = 1;
  ApiServer server{s};
  ASSERT_TRUE(server.Bind("127.0.0.1:0").ok());
  std::thread run([&] { server.Run(); });
  httplib::SSLClient client("127.0.0.1", server.port());
  client.enable_server_certificate_verification(false);
  auto r = client.Get("/api/v1/session");
  for (int i = 0; i < 100 && !r; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
    r = client.Get("/api/v1/session");
  }
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);  // served over TLS: no session
  // A client that never completes the handshake is let go at the deadline.
  RawClient idle("127.0.0.9", server.port());
  idle.Send("\x16\x03\x01");
  bool closed = false;
  idle.Read(milliseconds(4000), &closed);
  EXPECT_TRUE(closed);
  server.Stop();
  run.join();
  ApiServices bad = s;
  bad.http.tls_key = (dir / "missing.pem").string();
  ApiServer refused{bad};
  Status st = refused.Bind("127.0.0.1:0");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("TLS key"), std::string::npos) << st.message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sendguard
