// Writes a generated MTA log of about --mb megabytes to standard output
// (the generator of tests/maillog_generator.h): ordinary traffic to a few
// hundred domains with deliveries to army.ml, contso.com and usaf.mil mixed in.
//
//   build/maillog_gen [--mb 100] [--format postfix|exim|sendmail] [--typo-x 1]
//                     [--start 2026-08-01] > /tmp/maillog

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "tests/maillog_generator.h"

int main(int argc, char** argv) {
  double mb = 100;
  double typo_x = 1;
  std::string start =
      "2026-08-01";  // 90 days from here  // --typo-x N: N times the usual share of typo deliveries
  std::string format = "postfix";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--mb") == 0) mb = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--format") == 0) format = argv[i + 1];
    if (std::strcmp(argv[i], "--typo-x") == 0) typo_x = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--start") == 0) start = argv[i + 1];
  }
  sendguard::testing::MaillogOptions o;
  o.format = format == "exim"       ? sendguard::LogFormat::kExim
             : format == "sendmail" ? sendguard::LogFormat::kSendmail
                                    : sendguard::LogFormat::kPostfix;
  // About 1 KB of Postfix log per message (8 lines).
  o.messages = static_cast<std::uint64_t>(mb * 1024 * 1024 / 1010);
  o.days = 90;
  o.start = start;
  o.random_domains = 5000;
  auto scale = [&](double per_million) {
    return static_cast<int>(typo_x * per_million * static_cast<double>(o.messages) / 1e6) + 1;
  };
  o.typos = {
      {"army.ml", scale(300), 200}, {"contso.com", scale(80), 40}, {"usaf.mil", scale(20), 10}};
  std::ios::sync_with_stdio(false);
  sendguard::testing::MaillogTruth truth = sendguard::testing::WriteMaillog(o, std::cout);
  std::cout.flush();
  std::cerr << "maillog_gen: " << truth.lines << " lines, " << truth.deliveries << " deliveries";
  for (const auto& [domain, t] : truth.typos)
    std::cerr << ", " << domain << ": " << t.messages << " messages";
  std::cerr << "\n";
  return 0;
}
