// Memory amplification of hostile message shapes (issue 14, point 10): peak
// RSS growth while one generated message is parsed (ParseMessage) and judged
// (Evaluate with the default configuration), divided by the message's size,
// and the wall time. Each shape runs in a forked child, so one shape's peak
// does not hide the next one's.
//
//   amplification_bench [SHAPE...]
//
// Shapes: parts-200k, parts-1m, addresses-800k, fields-300k,
// recipients-10k, recipients-50k, recipients-200k (all when none is named).
// Input is the message's bytes plus, for the recipient shapes, those of the
// envelope recipients.

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "policy/context.h"
#include "policy/decision.h"
#include "sendguard/parser.h"

namespace {

using namespace sendguard;  // NOLINT

constexpr const char* kHead = "From: sender@example.com\r\nSubject: shape\r\nMIME-Version: 1.0\r\n";

// n tiny parts in one multipart.
std::string Parts(int n) {
  std::string raw =
      std::string(kHead) + "To: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
  for (int i = 0; i < n; ++i) raw += "--b\r\n\r\nx\r\n";
  return raw + "--b--\r\n";
}

// n addresses, half in To and half in Cc, folded one per line.
std::string Addresses(int n) {
  std::string raw = kHead;
  for (const char* field : {"To: ", "Cc: "}) {
    raw += field;
    for (int i = 0; i < n / 2; ++i) {
      if (i > 0) raw += ",\r\n ";
      raw += "\"U " + std::to_string(i) + "\" <u" + std::to_string(i) + "@d" +
             std::to_string(i % 1000) + ".example.org>";
    }
    raw += "\r\n";
  }
  return raw + "\r\nbody\r\n";
}

// n header fields.
std::string Fields(int n) {
  std::string raw = std::string(kHead) + "To: a@example.org\r\n";
  for (int i = 0; i < n; ++i) raw += "X-F" + std::to_string(i) + ": v\r\n";
  return raw + "\r\nbody\r\n";
}

// A message, and for the recipient shapes the number of envelope
// recipients it goes to (the milter's path).
struct Shape {
  const char* name;
  std::function<std::string()> raw;
  int recipients = 0;
};

std::vector<std::string> Recipients(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    out.push_back("user" + std::to_string(i) + "@host" + std::to_string(i % 5000) + ".example.org");
  }
  return out;
}

long StatusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t len = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, len, key) == 0) return std::stol(line.substr(len + 1));
  }
  return -1;
}

// In the child: builds the context, resets the RSS high-water mark, parses
// and judges, and writes "growth_kb wall_ms recipients limit_hits" to `fd`.
void RunChild(const Shape& shape, const std::string& raw, int fd) {
  Result<std::unique_ptr<Context>> context = Context::Create(Config{}, History{});
  if (!context.ok()) _exit(3);
  Envelope env;
  env.rcpt_to = Recipients(shape.recipients);
  {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";  // resets VmHWM to the current RSS
  }
  const long before = StatusKb("VmRSS:");
  auto start = std::chrono::steady_clock::now();
  Result<Message> m = ParseMessage(raw, env, (*context)->config().limits);
  std::size_t recipients = 0, hits = 0;
  if (m.ok()) {
    Result<Decision> d = Evaluate(*m, **context);
    recipients = d.ok() ? d->recipients.size() : 0;
    hits = m->limit_hits().size();
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const long peak = StatusKb("VmHWM:");
  char out[128];
  int n = std::snprintf(out, sizeof(out), "%ld %.0f %zu %zu", peak - before, ms, recipients, hits);
  if (write(fd, out, static_cast<std::size_t>(n)) != n) _exit(4);
  _exit(0);
}

void Measure(const Shape& shape) {
  const std::string raw = shape.raw();
  int fds[2];
  if (pipe(fds) != 0) return;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    RunChild(shape, raw, fds[1]);
  }
  close(fds[1]);
  char buf[128] = {};
  ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  long growth_kb = 0;
  double ms = 0;
  std::size_t recipients = 0, hits = 0;
  if (n <= 0 || std::sscanf(buf, "%ld %lf %zu %zu", &growth_kb, &ms, &recipients, &hits) != 4) {
    std::printf("%-16s failed (status %d)\n", shape.name, status);
    return;
  }
  std::size_t input = raw.size();  // the message, and the envelope it comes with
  for (const std::string& r : Recipients(shape.recipients)) input += r.size() + 2;
  const double mb = input / 1048576.0;
  const double rss = growth_kb / 1024.0;
  std::printf("%-16s %10.1f %10.1f %8.1fx %9.0f %10zu %6zu\n", shape.name, mb, rss, rss / mb, ms,
              recipients, hits);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<Shape> shapes = {
      {"parts-200k", [] { return Parts(200000); }},
      {"parts-1m", [] { return Parts(1000000); }},
      {"addresses-800k", [] { return Addresses(800000); }},
      {"fields-300k", [] { return Fields(300000); }},
      {"recipients-10k", [] { return std::string(kHead) + "\r\nbody\r\n"; }, 10000},
      {"recipients-50k", [] { return std::string(kHead) + "\r\nbody\r\n"; }, 50000},
      {"recipients-200k", [] { return std::string(kHead) + "\r\nbody\r\n"; }, 200000},
  };
  std::printf("%-16s %10s %10s %9s %9s %10s %6s\n", "shape", "input MB", "peak+ MB", "ratio",
              "wall ms", "judged", "limits");
  for (const Shape& s : shapes) {
    bool wanted = argc < 2;
    for (int i = 1; i < argc; ++i) wanted |= std::strcmp(argv[i], s.name) == 0;
    if (wanted) Measure(s);
  }
  return 0;
}
