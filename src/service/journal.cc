#include "service/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sendguard {

Result<DecisionJournal> DecisionJournal::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return UnavailableError(path + ": " + std::strerror(errno));
  return DecisionJournal(fd, path);
}

DecisionJournal::~DecisionJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Status DecisionJournal::Append(std::string_view line) const {
  std::string buf(line);
  buf.push_back('\n');
  ssize_t n = ::write(fd_, buf.data(), buf.size());
  if (n != static_cast<ssize_t>(buf.size())) {
    return UnavailableError(path_ + ": " + (n < 0 ? std::strerror(errno) : "short write"));
  }
  return Status();
}

}  // namespace sendguard
