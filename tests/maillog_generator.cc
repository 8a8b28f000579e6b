#include "tests/maillog_generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

namespace sendguard::testing {
namespace {

using Clock = std::chrono::sys_seconds;

struct Stamp {
  std::string log;    // as the log writes it
  std::string truth;  // "YYYY-MM-DD HH:MM:SS"
};

Stamp MakeStamp(Clock t, const MaillogOptions& o) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(t - day);
  int y = static_cast<int>(ymd.year());
  unsigned mo = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  long h = hms.hours().count(), mi = hms.minutes().count(), s = hms.seconds().count();
  char truth[64], log[96];
  std::snprintf(truth, sizeof(truth), "%04d-%02u-%02u %02ld:%02ld:%02ld", y, mo, d, h, mi, s);
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (o.format == LogFormat::kExim) {
    std::snprintf(log, sizeof(log), "%s", truth);
  } else if (o.iso_time) {
    std::snprintf(log, sizeof(log), "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06d+00:00", y, mo, d, h, mi,
                  s, static_cast<int>(t.time_since_epoch().count() % 1000000));
  } else {
    std::snprintf(log, sizeof(log), "%s %2u %02ld:%02ld:%02ld", kMonths[mo - 1], d, h, mi, s);
  }
  return {log, truth};
}

Clock ParseStart(const std::string& s) {
  std::chrono::year_month_day ymd{
      std::chrono::year(std::stoi(s.substr(0, 4))),
      std::chrono::month(static_cast<unsigned>(std::stoi(s.substr(5, 2)))),
      std::chrono::day(static_cast<unsigned>(std::stoi(s.substr(8, 2))))};
  return Clock(std::chrono::sys_days(ymd).time_since_epoch());
}

std::string RandomLabel(std::mt19937_64& rng, int min_len, int max_len) {
  std::uniform_int_distribution<int> len(min_len, max_len), letter(0, 25);
  std::string s(static_cast<std::size_t>(len(rng)), 'a');
  for (char& c : s) c = static_cast<char>('a' + letter(rng));
  return s;
}

struct Recipient {
  std::string address, relay;
  int typo = -1;  // index into options.typos, or -1
};

class Writer {
 public:
  Writer(const MaillogOptions& o, std::ostream& out, MaillogTruth* truth)
      : o_(o), out_(out), truth_(truth), rng_(o.seed) {}

  void Message(Clock t, const std::string& sender, const std::vector<Recipient>& rcpts,
               bool defer_first) {
    std::string qid = NextQueueId();
    Stamp st = MakeStamp(t, o_);
    switch (o_.format) {
      case LogFormat::kPostfix:
        Line(st, "postfix/smtpd[2101]: connect from client.example.org[10.0.0.5]");
        Line(st, "postfix/smtpd[2101]: " + qid + ": client=client.example.org[10.0.0.5]");
        Line(st, "postfix/cleanup[2102]: " + qid + ": message-id=<" + qid + "@example.org>");
        Line(st, "postfix/qmgr[2103]: " + qid + ": from=<" + sender +
                     ">, size=" + std::to_string(1000 + qid.size() * 37) +
                     ", nrcpt=" + std::to_string(rcpts.size()) + " (queue active)");
        break;
      case LogFormat::kExim:
        Line(st, qid + " <= " + sender +
                     " H=client.example.org [10.0.0.5] P=esmtp S=2345 id=" + qid + "@example.org");
        break;
      case LogFormat::kSendmail:
        Line(st, "sendmail[3101]: " + qid + ": from=<" + sender + ">, size=2345, class=0, nrcpts=" +
                     std::to_string(rcpts.size()) + ", msgid=<" + qid +
                     "@example.org>, proto=ESMTP, daemon=MTA, relay=client.example.org [10.0.0.5]");
        break;
    }
    Stamp sent = MakeStamp(t + std::chrono::seconds(defer_first ? 2 : 1), o_);
    for (std::size_t i = 0; i < rcpts.size(); ++i) {
      const Recipient& r = rcpts[i];
      if (defer_first && i == 0) Deferred(st, qid, r);
      Delivered(sent, qid, r);
      ++truth_->deliveries;
      if (r.typo >= 0) {
        TypoTruth& tt = truth_->typos[o_.typos[static_cast<std::size_t>(r.typo)].domain];
        ++tt.deliveries;
        tt.senders.insert(sender);
        tt.recipients.insert(r.address);
        tt.relays.insert(r.relay);
        if (tt.first_seen.empty() || sent.truth < tt.first_seen) tt.first_seen = sent.truth;
        if (sent.truth > tt.last_seen) tt.last_seen = sent.truth;
        if (last_counted_[r.typo] != qid) {
          last_counted_[r.typo] = qid;
          ++tt.messages;
          ++tt.per_day[sent.truth.substr(0, 10)];
        }
      }
    }
    switch (o_.format) {
      case LogFormat::kPostfix:
        Line(sent, "postfix/qmgr[2103]: " + qid + ": removed");
        Line(sent,
             "postfix/smtpd[2101]: disconnect from client.example.org[10.0.0.5] ehlo=1 "
             "mail=1 rcpt=1 data=1 quit=1 commands=5");
        break;
      case LogFormat::kExim:
        Line(sent, qid + " Completed");
        break;
      case LogFormat::kSendmail:
        break;
    }
  }

  void Garbled(Clock t) {
    Stamp st = MakeStamp(t, o_);
    ++truth_->malformed;
    if (garbled_++ % 2 == 0) {
      ++truth_->lines;
      out_ << "ostfix/smtp[99]: truncated line without a time stamp\n";
      return;
    }
    switch (o_.format) {
      case LogFormat::kPostfix:
        Line(st, "postfix/smtp[99]: DEADBEEF01: to=<broken, relay=none, status=sent (x)");
        break;
      case LogFormat::kExim:
        Line(st, "1tGbad-000BAD-00 => ");
        break;
      case LogFormat::kSendmail:
        Line(st, "sendmail[99]: 4ATBAD0000001: to=broken, stat=Sent (x)");
        break;
    }
  }

  std::mt19937_64& rng() { return rng_; }
  void SetTypoCount(std::size_t n) { last_counted_.assign(n, ""); }

 private:
  void Line(const Stamp& st, const std::string& rest) {
    ++truth_->lines;
    if (o_.format == LogFormat::kExim) {
      out_ << st.log << ' ' << rest << '\n';
    } else {
      out_ << st.log << " mx1 " << rest << '\n';
    }
  }

  void Deferred(const Stamp& st, const std::string& qid, const Recipient& r) {
    switch (o_.format) {
      case LogFormat::kPostfix:
        Line(st, "postfix/smtp[2104]: " + qid + ": to=<" + r.address +
                     ">, relay=none, delay=1, "
                     "delays=0.1/0/1/0, dsn=4.4.1, status=deferred (connect to " +
                     r.relay + "[192.0.2.1]:25: Connection timed out)");
        break;
      case LogFormat::kExim:
        Line(st, qid + " == " + r.address +
                     " R=dnslookup T=remote_smtp defer (110): Connection "
                     "timed out");
        break;
      case LogFormat::kSendmail:
        Line(st, "sendmail[3102]: " + qid + ": to=<" + r.address +
                     ">, delay=00:00:01, "
                     "mailer=esmtp, pri=120, relay=" +
                     r.relay +
                     ". [192.0.2.1], dsn=4.0.0, "
                     "stat=Deferred: Connection timed out");
        break;
    }
  }

  void Delivered(const Stamp& st, const std::string& qid, const Recipient& r) {
    switch (o_.format) {
      case LogFormat::kPostfix:
        Line(st, "postfix/smtp[2104]: " + qid + ": to=<" + r.address + ">, relay=" + r.relay +
                     "[198.51.100.7]:25, delay=0.52, delays=0.1/0.01/0.2/0.21, dsn=2.0.0, "
                     "status=sent (250 2.0.0 Ok: queued as 3F1C2A)");
        break;
      case LogFormat::kExim:
        Line(st,
             qid + " => " + r.address + " R=dnslookup T=remote_smtp H=" + r.relay +
                 " [198.51.100.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 Ok\"");
        break;
      case LogFormat::kSendmail:
        Line(st, "sendmail[3102]: " + qid + ": to=<" + r.address +
                     ">, delay=00:00:01, "
                     "xdelay=00:00:01, mailer=esmtp, pri=120, relay=" +
                     r.relay + ". [198.51.100.7], dsn=2.0.0, stat=Sent (Ok: queued as 3F1C2A)");
        break;
    }
  }

  std::string NextQueueId() {
    std::uint64_t n = ++queue_counter_ * 2654435761ULL + 0x1000000000ULL;
    char buf[32];
    switch (o_.format) {
      case LogFormat::kPostfix:
        std::snprintf(buf, sizeof(buf), "%011llX",
                      static_cast<unsigned long long>(n & 0xFFFFFFFFFFFULL));
        break;
      case LogFormat::kExim:
        std::snprintf(buf, sizeof(buf), "1t%04llX-%06llX-%02llX",
                      static_cast<unsigned long long>((n >> 24) & 0xFFFF),
                      static_cast<unsigned long long>(queue_counter_ & 0xFFFFFF),
                      static_cast<unsigned long long>(n & 0xFF));
        break;
      case LogFormat::kSendmail:
        std::snprintf(buf, sizeof(buf), "4AT%011llX",
                      static_cast<unsigned long long>(n & 0xFFFFFFFFFFFULL));
        break;
    }
    return buf;
  }

  const MaillogOptions& o_;
  std::ostream& out_;
  MaillogTruth* truth_;
  std::mt19937_64 rng_;
  std::uint64_t queue_counter_ = 0;
  std::uint64_t garbled_ = 0;
  std::vector<std::string> last_counted_;
};

}  // namespace

MaillogTruth WriteMaillog(const MaillogOptions& o, std::ostream& out) {
  MaillogTruth truth;
  Writer w(o, out, &truth);
  std::mt19937_64& rng = w.rng();
  w.SetTypoCount(o.typos.size());
  std::vector<std::pair<std::string, double>> domains = {
      {"army.mil", 20},          {"navy.mil", 10},    {"us.af.mil", 8},      {"contoso.com", 15},
      {"example-bank.co.uk", 5}, {"partner1.com", 3}, {"partner11.com", 2.5}};
  for (int i = 0; i < o.random_domains; ++i) {
    static constexpr const char* kTlds[] = {"com", "org", "net", "de", "fr", "co.uk", "io"};
    domains.emplace_back(RandomLabel(rng, 8, 12) + "." + kTlds[i % 7], 8.0 / (i + 1));
  }
  std::vector<double> weights;
  for (const auto& d : domains) weights.push_back(d.second);
  std::discrete_distribution<std::size_t> pick_domain(weights.begin(), weights.end());
  std::uniform_int_distribution<int> pick_user(0, 499), pick_local(0, 99), pick_count(1, 3),
      percent(0, 99);

  // Which messages go to which typo domain, spread at random over the period.
  std::vector<int> kinds(o.messages, -1);
  for (std::size_t k = 0; k < o.typos.size(); ++k) {
    kinds.insert(kinds.end(), static_cast<std::size_t>(o.typos[k].messages), static_cast<int>(k));
  }
  std::shuffle(kinds.begin(), kinds.end(), rng);
  std::vector<int> typo_sent(o.typos.size(), 0);

  Clock start = ParseStart(o.start);
  const double step = static_cast<double>(o.days) * 86400.0 / static_cast<double>(kinds.size() + 1);
  auto ordinary = [&]() {
    const std::string& d = domains[pick_domain(rng)].first;
    return Recipient{"u" + std::to_string(pick_local(rng)) + "@" + d, "mx1." + d, -1};
  };
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    Clock t = start + std::chrono::seconds(static_cast<long long>(step * static_cast<double>(i)));
    std::vector<Recipient> rcpts;
    std::string sender;
    int k = kinds[i];
    if (k < 0) {
      sender = "user" + std::to_string(pick_user(rng)) + "@example.org";
      int n = pick_count(rng);
      for (int j = 0; j < n; ++j) rcpts.push_back(ordinary());
    } else {
      const TypoTraffic& tt = o.typos[static_cast<std::size_t>(k)];
      int nth = typo_sent[static_cast<std::size_t>(k)]++;
      sender =
          "typo" + std::to_string(k) + "-s" + std::to_string(nth % tt.senders) + "@example.org";
      rcpts.push_back(
          {"person" + std::to_string(nth % 3) + "@" + tt.domain, "mail." + tt.domain, k});
      int p = percent(rng);
      if (p < 20) rcpts.push_back({"person9@" + tt.domain, "mail." + tt.domain, k});
      if (p >= 50) rcpts.push_back(ordinary());
    }
    w.Message(t, sender, rcpts, percent(rng) < 5);
    if (o.malformed_every > 0 && i % static_cast<std::size_t>(o.malformed_every) == 0) w.Garbled(t);
  }
  return truth;
}

}  // namespace sendguard::testing
