// Per-sender judging at scale: `--pairs` sender/recipient pairs
// (`--contacts` per sender), then recipients judged against their sender's
// history as the milter does. `--source store` writes an SQLite store and
// judges first through the bounded cache alone, then through the contact
// index written from the store (what `learn` does); `--source index` writes
// the index straight from the generator (for 10^8 pairs, whose SQLite store
// would take an hour to fill). Prints judgements per second on one core,
// p50/p99/max latency, the share flagged, write rates and peak RSS.
//
//   build/contacts_bench --pairs 1000000 --contacts 1000 --seconds 3
//   build/contacts_bench --pairs 100000000 --source index --seconds 10

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "contacts/address_judge.h"
#include "contacts/contact_index.h"
#include "store/stores.h"

namespace sendguard {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// A pronounceable word for `n`, one-to-one: "bako", "tiseru", ...
std::string Word(std::uint64_t n) {
  static const char kConsonants[] = "bcdfghjklmnprstvz";
  static const char kVowels[] = "aeiou";
  std::string w;
  do {
    w += kConsonants[n % 17];
    n /= 17;
    w += kVowels[n % 5];
    n /= 5;
  } while (n > 0);
  return w;
}

// Person i: a name-like local part (so name look-ups are exercised) at one
// of 5,000 partner domains.
std::string Person(std::uint64_t i) {
  return Word(i) + "." + Word(i % 7919 + 11) + "@partner" + std::to_string(i % 5000) + ".com";
}
std::string Sender(std::uint64_t i) { return "sender" + std::to_string(i) + "@own.example"; }

struct Shape {
  std::uint64_t senders, per_sender, people;
  std::uint64_t Contact(std::uint64_t s, std::uint64_t k) const {
    return (s * 7919 + k * 104729) % people;
  }
};

// Judges for `seconds`: senders by a Zipf-like law (a few write most of the
// mail); recipients 90% the sender's own contacts, 5% a slip of one, 5%
// someone else the organisation knows.
void Judge(const char* label, const Shape& shape, const ContactSource& source,
           const AddressJudge& judge, double seconds) {
  std::mt19937_64 rng(2);
  std::vector<double> weights(shape.senders);
  for (std::uint64_t s = 0; s < shape.senders; ++s) weights[s] = 1.0 / static_cast<double>(s + 1);
  std::discrete_distribution<std::uint64_t> pick_sender(weights.begin(), weights.end());
  std::vector<double> latencies;
  std::uint64_t typos = 0, slips = 0, judged = 0;
  const Clock::time_point start = Clock::now();
  while (Since(start) < seconds) {
    const std::uint64_t s = pick_sender(rng);
    std::string to = Person(shape.Contact(s, rng() % shape.per_sender));
    const int roll = static_cast<int>(rng() % 100);
    const bool slip = roll >= 90 && roll < 95;
    if (roll >= 95) {
      to = Person(rng() % shape.people);
    } else if (slip) {
      to.erase(2, 1);
    }
    const std::string from = Sender(s);
    const Clock::time_point t0 = Clock::now();
    Result<std::shared_ptr<const ContactView>> c = source.Contacts(from);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.status().message().c_str());
      std::exit(1);
    }
    const std::vector<std::string> all = {to};
    const std::vector<Address> visible = {{"", to}};
    std::vector<RecipientVerdict> v =
        judge.JudgeMessage(MessageRecipients{from, c->get(), all, visible, {}});
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    typos += slip && v[0].Has("address-typo");
    slips += slip;
    ++judged;
  }
  const double elapsed = Since(start);
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies[static_cast<std::size_t>(q * static_cast<double>(latencies.size() - 1))];
  };
  double judging_us = 0;
  for (double l : latencies) judging_us += l;
  // Two rates: over the whole loop (making up each request included), and
  // over the time spent judging alone (what a milter thread spends).
  std::printf(
      "%-12s judgements/s (one core) %7.0f loop, %7.0f judging   p50 %5.1f us   p99 %6.1f us   "
      "max %5.0f us   slips caught %.1f%%\n",
      label, static_cast<double>(judged) / elapsed, static_cast<double>(judged) / judging_us * 1e6,
      at(0.5), at(0.99), latencies.back(),
      100.0 * static_cast<double>(typos) / static_cast<double>(std::max<std::uint64_t>(1, slips)));
}

int Run(std::uint64_t pairs, std::uint64_t per_sender, double seconds, std::size_t cache_mb,
        bool from_store, const std::string& keep) {
  Shape shape;
  shape.per_sender = per_sender;
  shape.senders = std::max<std::uint64_t>(1, pairs / per_sender);
  shape.people = std::max<std::uint64_t>(per_sender * 4, pairs / 20);
  const std::string base =
      (std::filesystem::temp_directory_path() / ("contacts_bench_" + std::to_string(::getpid())))
          .string();
  const std::string db = base + ".db", index = keep.empty() ? ContactIndexPath(db) : keep;
  std::mt19937_64 rng(1);
  auto contacts_of = [&](std::uint64_t s) {
    std::vector<Contact> cs;
    cs.reserve(per_sender);
    for (std::uint64_t k = 0; k < per_sender; ++k) {
      cs.push_back({Person(shape.Contact(s, k)), 1 + rng() % 20, "", "", {}});
    }
    return cs;
  };
  std::printf("pairs %llu (%llu senders x %llu contacts, %llu addresses)\n",
              static_cast<unsigned long long>(shape.senders * per_sender),
              static_cast<unsigned long long>(shape.senders),
              static_cast<unsigned long long>(per_sender),
              static_cast<unsigned long long>(shape.people));
  std::unique_ptr<ContactStore> store;
  if (from_store) {
    Result<Stores> stores = OpenStores(db, {.contacts = true});
    if (!stores.ok()) {
      std::fprintf(stderr, "%s\n", stores.status().message().c_str());
      return 1;
    }
    store = std::move(stores->contacts);
    const Clock::time_point t = Clock::now();
    ContactBatch batch;
    for (std::uint64_t s = 0; s < shape.senders; ++s) {
      for (Contact& c : contacts_of(s)) {
        batch.contacts.push_back({Sender(s), std::move(c.address), c.messages, "", ""});
      }
      if (batch.contacts.size() >= 200000 || s + 1 == shape.senders) {
        if (Status st = store->AddContacts(batch); !st.ok()) {
          std::fprintf(stderr, "%s\n", st.message().c_str());
          return 1;
        }
        batch = ContactBatch{};
      }
    }
    std::printf("store written at %.0f pairs/s\n",
                static_cast<double>(shape.senders * per_sender) / Since(t));
  }
  History history;
  for (std::uint64_t p = 0; p < shape.people; ++p) history.Add(Person(p), 5);
  history.Finish();
  RecipientOptions options;
  options.own_domains = {"own.example"};
  options.bundled_domains = false;
  RecipientAnalyzer analyzer(options, history);
  AddressJudge judge(analyzer, history);
  bench::PinToOneCore();

  if (from_store) {
    Result<Stores> reader = OpenStores(db, {.contacts = true});
    if (!reader.ok()) return 1;
    Result<std::shared_ptr<IndexedContacts>> cached =
        OpenContacts(std::move(reader->contacts), index, cache_mb << 20);
    if (!cached.ok()) return 1;
    Judge("cache only", shape, **cached, judge, seconds);
    const Clock::time_point t = Clock::now();
    Result<std::uint64_t> written = WriteContactIndex(*store, index);
    if (!written.ok()) {
      std::fprintf(stderr, "%s\n", written.status().message().c_str());
      return 1;
    }
    std::printf("index written from the store at %.0f pairs/s\n",
                static_cast<double>(*written) / Since(t));
  } else if (keep.empty() || !std::filesystem::exists(keep)) {
    const Clock::time_point t = Clock::now();
    Result<std::unique_ptr<ContactIndexWriter>> w = ContactIndexWriter::Create(index);
    if (!w.ok()) return 1;
    for (std::uint64_t s = 0; s < shape.senders; ++s) {
      if (!(*w)->Add(Sender(s), SenderContacts(contacts_of(s))).ok()) return 1;
    }
    if (!(*w)->Finish(0).ok()) return 1;
    std::printf("index written at %.0f pairs/s\n",
                static_cast<double>(shape.senders * per_sender) / Since(t));
  }
  std::error_code ec;
  std::printf("index %.0f MB\n", static_cast<double>(std::filesystem::file_size(index, ec)) / 1e6);
  {
    Result<Stores> reader = OpenStores(db, {.contacts = true});
    if (!reader.ok()) return 1;
    Result<std::shared_ptr<IndexedContacts>> indexed =
        OpenContacts(std::move(reader->contacts), index, cache_mb << 20);
    if (!indexed.ok() || (*indexed)->index() == nullptr) {
      std::fprintf(stderr, "no index\n");
      return 1;
    }
    Judge("index, cold", shape, **indexed, judge, seconds);
    const Clock::time_point t = Clock::now();
    const std::size_t warmed = (*indexed)->index()->Warm();
    std::printf("index warmed: %.0f MB in %.1f s\n", static_cast<double>(warmed) / 1e6, Since(t));
    Judge("index, warm", shape, **indexed, judge, seconds);
  }
  std::printf("peak RSS %.1f MB (the mapped index's pages included)\n", bench::PeakRssMb());
  for (const std::string& f : {db, db + "-wal", db + "-shm"}) std::filesystem::remove(f, ec);
  if (keep.empty()) std::filesystem::remove(index, ec);
  return 0;
}

}  // namespace
}  // namespace sendguard

int main(int argc, char** argv) {
  std::uint64_t pairs = 1000000, contacts = 1000;
  double seconds = 3;
  std::size_t cache_mb = 256;
  bool from_store = true;
  std::string keep;  // --keep-index PATH: written once, reused by later runs
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--pairs") pairs = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--contacts") contacts = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--seconds") seconds = std::strtod(argv[i + 1], nullptr);
    if (flag == "--cache-mb") cache_mb = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--source") from_store = std::string(argv[i + 1]) != "index";
    if (flag == "--keep-index") keep = argv[i + 1];
  }
  return sendguard::Run(pairs, std::max<std::uint64_t>(1, contacts), seconds, cache_mb, from_store,
                        keep);
}
