// Per-sender judging at scale: a store of `--pairs` sender/recipient pairs
// (`--contacts` per sender), then recipients judged against their sender's
// history through the bounded cache, as the milter does. Prints judgements
// per second on one core, p50/p99 latency, cache hits, store size and peak
// RSS, and the store's write rate.
//
//   build/contacts_bench --pairs 1000000 --contacts 1000 --seconds 3

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
#include "store/stores.h"

namespace sendguard {
namespace {

using Clock = std::chrono::steady_clock;

std::string Person(std::uint64_t i) {
  return "person" + std::to_string(i) + ".name@partner" + std::to_string(i % 5000) + ".example";
}
std::string Sender(std::uint64_t i) { return "sender" + std::to_string(i) + "@own.example"; }

int Run(std::uint64_t pairs, std::uint64_t per_sender, double seconds, std::size_t cache_mb) {
  const std::uint64_t senders = std::max<std::uint64_t>(1, pairs / per_sender);
  const std::uint64_t people = std::max<std::uint64_t>(per_sender * 4, pairs / 20);
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("contacts_bench_" + std::to_string(::getpid()) + ".db"))
                               .string();
  std::mt19937_64 rng(1);
  Result<Stores> stores = OpenStores(path, {.history = true, .contacts = true});
  if (!stores.ok()) {
    std::fprintf(stderr, "%s\n", stores.status().message().c_str());
    return 1;
  }
  // Each sender writes to `per_sender` people of the pool.
  const Clock::time_point load_start = Clock::now();
  ContactBatch batch;
  for (std::uint64_t s = 0; s < senders; ++s) {
    for (std::uint64_t k = 0; k < per_sender; ++k) {
      const std::uint64_t p = (s * 7919 + k * 104729) % people;
      batch.contacts.push_back({Sender(s), Person(p), 1 + rng() % 20, "", ""});
    }
    if (batch.contacts.size() >= 200000 || s + 1 == senders) {
      if (Status st = stores->contacts->AddContacts(batch); !st.ok()) {
        std::fprintf(stderr, "%s\n", st.message().c_str());
        return 1;
      }
      batch = ContactBatch{};
    }
  }
  const double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();
  History history;
  for (std::uint64_t p = 0; p < people; ++p) history.Add(Person(p), 5);
  history.Finish();
  RecipientOptions options;
  options.own_domains = {"own.example"};
  options.bundled_domains = false;
  RecipientAnalyzer analyzer(options, history);
  AddressJudge judge(analyzer, history);
  std::shared_ptr<ContactSource> source =
      CachedContacts(std::move(stores->contacts), cache_mb << 20);

  bench::PinToOneCore();
  // Senders by a Zipf-like law (a few write most of the mail); recipients:
  // 90% the sender's own contacts, 5% a slip of one, 5% someone else.
  std::vector<double> weights(senders);
  for (std::uint64_t s = 0; s < senders; ++s) weights[s] = 1.0 / static_cast<double>(s + 1);
  std::discrete_distribution<std::uint64_t> pick_sender(weights.begin(), weights.end());
  std::vector<double> latencies;
  std::uint64_t flagged = 0, judged = 0;
  const Clock::time_point start = Clock::now();
  while (std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
    const std::uint64_t s = pick_sender(rng);
    const std::uint64_t k = rng() % per_sender;
    std::string to = Person((s * 7919 + k * 104729) % people);
    const int roll = static_cast<int>(rng() % 100);
    if (roll >= 95) {
      to = Person(rng() % people);
    } else if (roll >= 90) {
      to.erase(2, 1);
    }
    const std::string from = Sender(s);
    const Clock::time_point t0 = Clock::now();
    Result<std::shared_ptr<const SenderContacts>> c = source->Contacts(from);
    if (!c.ok()) return 1;
    const std::vector<std::string> all = {to};
    const std::vector<Address> visible = {{"", to}};
    std::vector<RecipientVerdict> v =
        judge.JudgeMessage(MessageRecipients{from, c->get(), all, visible, {}});
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    flagged += v[0].Has("address-typo");
    ++judged;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies.begin(), latencies.end());
  auto at = [&](double q) {
    return latencies[static_cast<std::size_t>(q * (latencies.size() - 1))];
  };
  std::error_code ec;
  const double db_mb = static_cast<double>(std::filesystem::file_size(path, ec)) / 1e6;
  std::printf(
      "pairs %llu (%llu senders x %llu contacts, %llu addresses): store written at %.0f "
      "pairs/s, %.0f MB\n"
      "judgements/s (one core) %.0f   p50 %.1f us   p99 %.1f us   max %.0f us   "
      "address-typo %.1f%%\n",
      static_cast<unsigned long long>(senders * per_sender),
      static_cast<unsigned long long>(senders), static_cast<unsigned long long>(per_sender),
      static_cast<unsigned long long>(people), static_cast<double>(senders * per_sender) / load_s,
      db_mb, static_cast<double>(judged) / elapsed, at(0.5), at(0.99), latencies.back(),
      100.0 * static_cast<double>(flagged) / static_cast<double>(judged));
  std::printf("peak RSS %.1f MB\n", bench::PeakRssMb());
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
  return 0;
}

}  // namespace
}  // namespace sendguard

int main(int argc, char** argv) {
  std::uint64_t pairs = 1000000, contacts = 1000;
  double seconds = 3;
  std::size_t cache_mb = 256;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--pairs") pairs = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--contacts") contacts = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--seconds") seconds = std::strtod(argv[i + 1], nullptr);
    if (flag == "--cache-mb") cache_mb = std::strtoull(argv[i + 1], nullptr, 10);
  }
  return sendguard::Run(pairs, std::max<std::uint64_t>(1, contacts), seconds, cache_mb);
}
