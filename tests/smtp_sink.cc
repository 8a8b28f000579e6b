#include "tests/smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sendguard::testing {
namespace {

// Reads one line (with its CRLF) from `fd` into `line`, through `buffer`;
// false at the end of the connection or after 5 s of silence.
bool ReadLine(int fd, std::string* buffer, std::string* line) {
  for (;;) {
    std::size_t nl = buffer->find('\n');
    if (nl != std::string::npos) {
      *line = buffer->substr(0, nl + 1);
      buffer->erase(0, nl + 1);
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 5000) <= 0) return false;
    char chunk[4096];
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer->append(chunk, static_cast<std::size_t>(n));
  }
}

void Reply(int fd, const std::string& text) {
  std::string out = text + "\r\n";
  (void)send(fd, out.data(), out.size(), MSG_NOSIGNAL);
}

// The address inside <...> of a MAIL FROM or RCPT TO line.
std::string Bracketed(const std::string& line) {
  std::size_t open = line.find('<');
  std::size_t close = line.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return line.substr(open + 1, close - open - 1);
}

bool StartsWith(const std::string& line, const char* prefix) {
  return strncasecmp(line.c_str(), prefix, std::char_traits<char>::length(prefix)) == 0;
}

}  // namespace

SmtpSink::SmtpSink(bool refuse_recipients) : refuse_(refuse_recipients) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 4) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    return;
  }
  listener_ = fd;
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (listener_ >= 0) close(listener_);
}

std::string SmtpSink::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::vector<SmtpSink::Mail> SmtpSink::mails() {
  std::lock_guard<std::mutex> lock(mu_);
  return mails_;
}

void SmtpSink::Serve() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    int fd = accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    Session(fd);
    close(fd);
  }
}

void SmtpSink::Session(int fd) {
  std::string buffer, line;
  Mail mail;
  Reply(fd, "220 sink ESMTP");
  while (ReadLine(fd, &buffer, &line)) {
    if (StartsWith(line, "EHLO") || StartsWith(line, "HELO")) {
      Reply(fd, "250 sink");
    } else if (StartsWith(line, "MAIL FROM:")) {
      mail = Mail{Bracketed(line), {}, ""};
      Reply(fd, "250 ok");
    } else if (StartsWith(line, "RCPT TO:")) {
      if (refuse_) {
        Reply(fd, "550 5.1.1 no such user here");
      } else {
        mail.rcpts.push_back(Bracketed(line));
        Reply(fd, "250 ok");
      }
    } else if (StartsWith(line, "DATA")) {
      Reply(fd, "354 go on");
      while (ReadLine(fd, &buffer, &line) && line != ".\r\n") {
        mail.data += line[0] == '.' ? line.substr(1) : line;  // dot-unstuffing
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        mails_.push_back(mail);
      }
      Reply(fd, "250 queued");
    } else if (StartsWith(line, "QUIT")) {
      Reply(fd, "221 bye");
      return;
    } else {
      Reply(fd, "250 ok");  // RSET, NOOP
    }
  }
}

}  // namespace sendguard::testing
