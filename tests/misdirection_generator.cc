#include "tests/misdirection_generator.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace sendguard::testing {
namespace {

const char* const kFirst[] = {
    "james",   "mary",    "robert",  "patricia", "john",    "jennifer",  "michael", "linda",
    "david",   "barbara", "william", "susan",    "richard", "jessica",   "joseph",  "sarah",
    "thomas",  "karen",   "charles", "nancy",    "daniel",  "lisa",      "matthew", "betty",
    "anthony", "sandra",  "mark",    "ashley",   "donald",  "kimberly",  "steven",  "emily",
    "paul",    "donna",   "andrew",  "michelle", "joshua",  "carol",     "kenneth", "amanda",
    "kevin",   "melissa", "brian",   "deborah",  "george",  "stephanie", "timothy", "rebecca"};
const char* const kLast[] = {
    "smith",     "johnson",  "williams",  "brown",   "jones",    "garcia",   "miller",   "davis",
    "rodriguez", "martinez", "hernandez", "lopez",   "gonzalez", "wilson",   "anderson", "thomas",
    "taylor",    "moore",    "jackson",   "martin",  "lee",      "perez",    "thompson", "white",
    "harris",    "sanchez",  "clark",     "ramirez", "lewis",    "robinson", "walker",   "young",
    "allen",     "king",     "wright",    "scott",   "torres",   "nguyen",   "hill",     "flores"};
// Names of the new colleagues: none of them is used for anyone else.
const char* const kNewFirst[] = {"oluwaseun", "xiaoming", "bartholomew", "ingeborg", "thaddeus",
                                 "radhika",   "zbigniew", "euphemia",    "kwabena",  "svetlana"};
const char* const kNewLast[] = {"okonkwo",  "vanderberg", "zielinski",  "abernathy",   "quispe",
                                "oyelaran", "hakkinen",   "przybylski", "fairweather", "mbeki"};
const char* const kDomains[] = {"contoso.com",
                                "fabrikam.com",
                                "northwindtraders.com",
                                "adatum.com",
                                "litwareinc.com",
                                "proseware.com",
                                "wingtiptoys.com",
                                "tailspintoys.com",
                                "fourthcoffee.com",
                                "lucernepublishing.com",
                                "margiestravel.com",
                                "treyresearch.net",
                                "woodgrovebank.com",
                                "alpineskihouse.com",
                                "blueyonderairlines.com",
                                "humongousinsurance.com",
                                "cohowinery.com",
                                "wideworldimporters.com",
                                "adventure-works.com",
                                "relecloud.com"};
const char* const kRoles[] = {"info", "sales", "support", "contact", "office", "billing"};
const char* const kLists[] = {"ops-team", "all-staff", "watch-officers", "logistics-list"};
const char* const kKeyRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

struct Person {
  std::string first, last, address;
  std::string Name() const {
    std::string n = first + " " + last;
    n[0] = static_cast<char>(n[0] - 'a' + 'A');
    n[first.size() + 1] = static_cast<char>(n[first.size() + 1] - 'a' + 'A');
    return n;
  }
};

std::string LocalOf(const std::string& a) { return a.substr(0, a.find('@')); }
std::string DomainOf(const std::string& a) { return a.substr(a.find('@') + 1); }

// Optimal string alignment distance (the generator's own, for hygiene).
int Distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

class Generator {
 public:
  Generator(const MisdirectionOptions& o, std::ostream& log, std::ostream& mbox)
      : o_(o), log_(log), mbox_(mbox), rng_(o.seed) {}

  MisdirectionSet Run() {
    for (const char* l : kLists) set_.mailing_lists.push_back(std::string(l) + "@own.mil");
    MakePeople();
    MakeSenders();
    MakeTwinsAndSecondAddresses();
    MakeNamesakes();
    MakeGroups();
    WriteAll();
    MakeSlips();
    MakeNegatives();
    return std::move(set_);
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <typename T, std::size_t N>
  const char* PickOf(T (&a)[N]) {
    return a[Pick(static_cast<int>(N))];
  }

  std::string LocalFor(const std::string& first, const std::string& last) {
    switch (Pick(5)) {
      case 0:
        return first.substr(0, 1) + last;
      case 1:
        return first + "_" + last;
      default:
        return first + "." + last;
    }
  }

  void MakePeople() {
    for (const char* d : kDomains) {
      std::set<std::string> names;
      while (names.size() < 30) {
        std::string first = PickOf(kFirst), last = PickOf(kLast);
        if (!names.insert(first + " " + last).second) continue;
        Person p{first, last, LocalFor(first, last) + "@" + d};
        if (!addresses_.insert(p.address).second) continue;
        people_.push_back(p);
      }
    }
  }

  void MakeSenders() {
    for (int i = 0; i < o_.senders; ++i) {
      std::string s =
          std::string(PickOf(kFirst)) + "." + PickOf(kLast) + std::to_string(i) + "@own.mil";
      senders_.push_back(s);
      std::set<int> mine;
      while (static_cast<int>(mine.size()) < o_.contacts) mine.insert(Pick(people_.size()));
      for (int p : mine) Mail(i, people_[p], 2 + Pick(10));
      // Some of the organisation's lists.
      Mail(i, Person{"", "", set_.mailing_lists[i % 4]}, 1 + Pick(3));
    }
  }

  // A message count from sender `s` to `p`, written out later.
  void Mail(int s, const Person& p, int messages) {
    plan_.push_back({s, p, messages});
    sent_[s].insert(p.address);
    known_[p.address] += messages;
    if (!p.first.empty()) named_[s][p.address] = p;
  }

  // Twins: two real people one slip apart at one domain, both mailed by
  // one sender. Second addresses: one person at two addresses, both mailed.
  void MakeTwinsAndSecondAddresses() {
    for (int n = 0; n < o_.negatives_each; ++n) {
      const int s = Pick(o_.senders);
      const Person& a = people_[Pick(people_.size())];
      std::string local = LocalOf(a.address);
      std::string twin;
      for (int tries = 0; tries < 20 && twin.empty(); ++tries) {
        std::string t = local;
        const std::size_t at = Pick(t.size());
        if (t[at] < 'a' || t[at] > 'z') continue;
        t[at] = static_cast<char>('a' + Pick(26));
        const std::string addr = t + "@" + DomainOf(a.address);
        if (t != local && !addresses_.contains(addr)) twin = addr;
      }
      if (twin.empty()) continue;
      addresses_.insert(twin);
      Person b{a.first, a.last + "x", twin};  // another person, by the name
      Mail(s, a, 3 + Pick(5));
      Mail(s, b, 3 + Pick(5));
      set_.negatives.push_back({"twin", senders_[s], twin, "", "", {}});
    }
    for (int n = 0; n < o_.negatives_each; ++n) {
      const int s = Pick(o_.senders);
      const Person& p = people_[Pick(people_.size())];
      const std::string second = p.first + "." + p.last + std::to_string(n) + "@personalmail.net";
      if (!addresses_.insert(second).second) continue;
      Mail(s, p, 3 + Pick(5));
      Mail(s, Person{p.first, p.last, second}, 2 + Pick(3));
      set_.negatives.push_back({"two-addresses", senders_[s], second, p.Name(), "", {}});
    }
  }

  // A namesake at another domain, mailed by another sender: the address an
  // autocomplete may pick instead of a sender's contact.
  void MakeNamesakes() {
    int made = 0;
    for (int tries = 0; made < o_.autocomplete && tries < o_.autocomplete * 20; ++tries) {
      const int s = Pick(o_.senders);
      auto& named = named_[s];
      auto it = named.begin();
      std::advance(it, Pick(named.size()));
      const Person c = it->second;
      if (c.address.find("@own.mil") != std::string::npos) continue;
      // The sender knows the name: from the mailbox, or spelled by the local part.
      const bool from_mailbox = s % 2 == 1;
      const std::string local = LocalOf(c.address);
      if (!from_mailbox && local != c.first + "." + c.last && local != c.first + "_" + c.last) {
        continue;
      }
      std::string other = kDomains[Pick(std::size(kDomains))];
      if (other == DomainOf(c.address)) continue;
      const std::string namesake = c.first + "." + c.last + "@" + other;
      if (addresses_.contains(namesake)) continue;
      // The sender must be the only one of its contacts by that name.
      int same = 0;
      for (const auto& [a, q] : named) same += q.first == c.first && q.last == c.last;
      if (same != 1) continue;
      addresses_.insert(namesake);
      const int s2 = (s + 1 + Pick(o_.senders - 1)) % o_.senders;
      Mail(s2, Person{c.first, c.last, namesake}, 2 + Pick(4));
      set_.positives.push_back({"autocomplete", senders_[s], namesake, c.Name(), c.address, {}});
      ++made;
    }
  }

  // Three external contacts a sender mails together, with a lookalike of
  // one added (the same local part at another partner: a positive), another
  // contact of the sender added and a stranger added (negatives: the
  // stranger is unusual but low).
  void MakeGroups() {
    for (int n = 0; n < o_.groups; ++n) {
      const int s = Pick(o_.senders);
      std::vector<std::string> external;
      for (const std::string& a : sent_[s]) {
        if (a.find("@own.mil") == std::string::npos && named_[s].contains(a)) external.push_back(a);
      }
      if (external.size() < 5) continue;
      std::shuffle(external.begin(), external.end(), rng_);
      const std::vector<std::string> group(external.begin(), external.begin() + 3);
      const std::string member = group[Pick(3)];
      const std::string other = kDomains[Pick(std::size(kDomains))];
      const std::string lookalike = LocalOf(member) + "@" + other;
      if (other == DomainOf(member) || addresses_.contains(lookalike)) continue;
      bool near_other = false;  // one slip from someone real there: a guess either way
      for (const std::string& a : addresses_) {
        near_other |= DomainOf(a) == other && Distance(LocalOf(a), LocalOf(lookalike)) <= 1;
      }
      if (near_other) continue;
      addresses_.insert(lookalike);
      groups_.push_back({s, group, 2 + Pick(4)});
      set_.positives.push_back({"added-lookalike", senders_[s], lookalike, "", member, group});
      set_.negatives.push_back({"added-known", senders_[s], external[3], "", "", group});
      const std::string stranger = std::string(kNewFirst[n % 10]) + "." + kNewLast[(n / 10) % 10] +
                                   std::to_string(n) + "@" + kDomains[Pick(std::size(kDomains))];
      if (!addresses_.insert(stranger).second) continue;
      set_.negatives.push_back({"added-stranger", senders_[s], stranger, "", "", group});
    }
  }

  // One message from `sender` to every address of `to`.
  void WriteMessage(int qid, int sender, const std::vector<std::string>& to,
                    const std::vector<std::string>& names) {
    const int day = 1 + (qid % 28);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "2026-10-%02dT%02d:%02d:%02d.000000+00:00", day, qid % 24,
                  qid % 60, (qid / 7) % 60);
    if (sender % 2 == 0) {
      char id[16];
      std::snprintf(id, sizeof id, "%X", qid);
      log_ << stamp << " mx postfix/qmgr[2103]: " << id << ": from=<" << senders_[sender]
           << ">, size=1200, nrcpt=" << to.size() << " (queue active)\n";
      for (const std::string& a : to) {
        log_ << stamp << " mx postfix/smtp[2104]: " << id << ": to=<" << a
             << ">, relay=mx.example[198.51.100.7]:25, delay=0.5, delays=0.1/0/0.2/0.2, "
                "dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
      }
      return;
    }
    mbox_ << "From " << senders_[sender] << " Sat Oct  3 10:00:00 2026\n"
          << "From: " << senders_[sender] << "\nTo: ";
    for (std::size_t i = 0; i < to.size(); ++i) {
      mbox_ << (i > 0 ? ", " : "") << (names[i].empty() ? "" : "\"" + names[i] + "\" ") << "<"
            << to[i] << ">";
    }
    mbox_ << "\nSubject: m" << qid << "\nDate: Sat, " << day
          << " Oct 2026 10:00:00 +0000\nMessage-ID: <" << qid << "@own.mil>\n\nhello\n\n";
  }

  void WriteAll() {
    int qid = 0x10000;
    for (const Planned& p : plan_) {
      for (int m = 0; m < p.messages; ++m) {
        WriteMessage(qid++, p.sender, {p.to.address}, {p.to.first.empty() ? "" : p.to.Name()});
      }
    }
    for (const Group& g : groups_) {
      std::vector<std::string> names;
      for (const std::string& a : g.to) names.push_back(named_[g.sender][a].Name());
      for (int m = 0; m < g.messages; ++m) WriteMessage(qid++, g.sender, g.to, names);
    }
  }

  // Whether `typed` at `domain` is one slip from another known address
  // there than `meant` (then the right suggestion is a guess).
  bool Ambiguous(const std::string& typed, const std::string& meant) {
    const std::string domain = DomainOf(meant);
    for (const std::string& a : addresses_) {
      if (a == meant || DomainOf(a) != domain) continue;
      if (Distance(LocalOf(a), LocalOf(typed)) <= 1) return true;
    }
    return false;
  }

  std::string Slip(const std::string& local, const std::string& kind) {
    std::string t = local;
    const std::size_t i = Pick(t.size());
    if (kind == "omission") {
      t.erase(i, 1);
    } else if (kind == "transposition") {
      if (i + 1 >= t.size() || t[i] == t[i + 1]) return local;
      std::swap(t[i], t[i + 1]);
    } else if (kind == "repetition") {
      t.insert(i, 1, t[i]);
    } else if (kind == "keyboard") {
      for (const char* row : kKeyRows) {
        const std::string r = row;
        const std::size_t k = r.find(t[i]);
        if (k == std::string::npos) continue;
        t[i] = k + 1 < r.size() && (k == 0 || Pick(2)) ? r[k + 1] : r[k - 1];
        return t;
      }
      return local;
    } else {  // replacement
      if (t[i] < 'a' || t[i] > 'z') return local;
      t[i] = static_cast<char>('a' + Pick(26));
    }
    return t;
  }

  void MakeSlips() {
    const char* kinds[] = {"omission", "transposition", "repetition", "keyboard", "replacement"};
    int made = 0;
    for (int tries = 0; made < o_.slips && tries < o_.slips * 20; ++tries) {
      const int s = Pick(o_.senders);
      auto it = sent_[s].begin();
      std::advance(it, Pick(sent_[s].size()));
      const std::string meant = *it;
      if (meant.find("@own.mil") != std::string::npos) continue;
      const std::string kind = kinds[made % 5];
      const std::string local = LocalOf(meant);
      const std::string typed = Slip(local, kind) + "@" + DomainOf(meant);
      if (LocalOf(typed) == local || LocalOf(typed).size() < 3 || addresses_.contains(typed) ||
          Ambiguous(typed, meant)) {
        continue;
      }
      set_.positives.push_back({kind, senders_[s], typed, "", meant, {}});
      ++made;
    }
  }

  void MakeNegatives() {
    for (int n = 0; n < o_.negatives_each; ++n) {
      const int s = Pick(o_.senders);
      // A role address at a partner nobody wrote to at that address.
      set_.negatives.push_back(
          {"role",
           senders_[s],
           std::string(PickOf(kRoles)) + "@" + kDomains[Pick(std::size(kDomains))],
           "",
           "",
           {}});
      // A new colleague at a known partner, far from every known local part.
      const std::string first = PickOf(kNewFirst), last = PickOf(kNewLast);
      const std::string domain = kDomains[Pick(std::size(kDomains))];
      const std::string address = first + "." + last + "@" + domain;
      bool far = !addresses_.contains(address);
      for (const std::string& a : addresses_) {
        if (DomainOf(a) == domain && Distance(LocalOf(a), LocalOf(address)) < 3) far = false;
      }
      if (far) {
        std::string name = first + " " + last;
        set_.negatives.push_back({"new-colleague", senders_[s], address, name, "", {}});
      }
      // One of the organisation's lists; and a contact the sender knows.
      set_.negatives.push_back({"mailing-list",
                                senders_[s],
                                set_.mailing_lists[Pick(set_.mailing_lists.size())],
                                "",
                                "",
                                {}});
      auto it = sent_[s].begin();
      std::advance(it, Pick(sent_[s].size()));
      set_.negatives.push_back({"known-contact", senders_[s], *it, "", "", {}});
    }
  }

  struct Planned {
    int sender;
    Person to;
    int messages;
  };
  struct Group {
    int sender;
    std::vector<std::string> to;
    int messages;
  };
  const MisdirectionOptions& o_;
  std::ostream& log_;
  std::ostream& mbox_;
  std::mt19937_64 rng_;
  MisdirectionSet set_;
  std::vector<Person> people_;
  std::vector<std::string> senders_;
  std::set<std::string> addresses_;
  std::vector<Planned> plan_;
  std::vector<Group> groups_;
  std::map<int, std::set<std::string>> sent_;
  std::map<int, std::map<std::string, Person>> named_;
  std::map<std::string, int> known_;
};

}  // namespace

MisdirectionSet WriteMisdirectionHistory(const MisdirectionOptions& options, std::ostream& log,
                                         std::ostream& mbox) {
  return Generator(options, log, mbox).Run();
}

}  // namespace sendguard::testing
