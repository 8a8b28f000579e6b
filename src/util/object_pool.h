// A process-wide pool of objects that are costly to make and may be used by
// one thread at a time (ICU converters and transliterators): a thread
// borrows one, uses it alone and gives it back for the next borrower,
// instead of every thread (one per milter connection) making its own.

#ifndef SENDGUARD_UTIL_OBJECT_POOL_H_
#define SENDGUARD_UTIL_OBJECT_POOL_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sendguard {

// Idle objects are kept by key (a charset name, or one key for objects that
// are all alike): at most `max_keys` keys, beyond which every idle object is
// dropped and keeping starts over, and at most `max_idle` idle objects per
// key, beyond which returned ones are destroyed. Thread-safe. A pool must
// outlive its loans.
template <typename T, typename Deleter = std::default_delete<T>>
class ObjectPool {
 public:
  using Ptr = std::unique_ptr<T, Deleter>;

  // An object borrowed from the pool, given back when the loan ends.
  class Loan {
   public:
    Loan() = default;
    Loan(Loan&& other) noexcept = default;
    Loan& operator=(Loan&& other) noexcept {
      if (this != &other) {
        GiveBack();
        pool_ = std::exchange(other.pool_, nullptr);
        key_ = std::move(other.key_);
        object_ = std::move(other.object_);
      }
      return *this;
    }
    ~Loan() { GiveBack(); }

    T* get() const { return object_.get(); }
    T* operator->() const { return object_.get(); }
    T& operator*() const { return *object_; }
    explicit operator bool() const { return object_ != nullptr; }

   private:
    friend class ObjectPool;
    Loan(ObjectPool* pool, std::string key, Ptr object)
        : pool_(pool), key_(std::move(key)), object_(std::move(object)) {}
    void GiveBack() {
      if (pool_ != nullptr && object_ != nullptr)
        pool_->Return(std::move(key_), std::move(object_));
      pool_ = nullptr;
    }

    ObjectPool* pool_ = nullptr;
    std::string key_;
    Ptr object_;
  };

  explicit ObjectPool(std::size_t max_keys = 64, std::size_t max_idle = 64)
      : max_keys_(max_keys), max_idle_(max_idle) {}
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;

  // An idle object kept under `key`, else a new one from `make()` (called
  // without the pool's lock held), which returns a Ptr. A null Ptr makes an
  // empty loan, and nothing is kept.
  template <typename Make>
  Loan Borrow(std::string_view key, Make&& make) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = idle_.find(key);
      if (it != idle_.end() && !it->second.empty()) {
        Ptr object = std::move(it->second.back());
        it->second.pop_back();
        return Loan(this, std::string(key), std::move(object));
      }
    }
    return Loan(this, std::string(key), std::forward<Make>(make)());
  }

  // Idle objects kept, over all keys.
  std::size_t idle() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::size_t n = 0;
    for (const auto& [key, objects] : idle_) n += objects.size();
    return n;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, std::vector<Ptr>, Hash, std::equal_to<>>;

  void Return(std::string key, Ptr object) {
    Map dropped;  // destroyed after the lock is released
    std::lock_guard<std::mutex> lock(mu_);
    auto it = idle_.find(key);
    if (it == idle_.end()) {
      if (idle_.size() >= max_keys_) dropped.swap(idle_);
      it = idle_.emplace(std::move(key), std::vector<Ptr>()).first;
    }
    if (it->second.size() < max_idle_) it->second.push_back(std::move(object));
  }

  const std::size_t max_keys_, max_idle_;
  mutable std::mutex mu_;
  Map idle_;
};

}  // namespace sendguard

#endif  // SENDGUARD_UTIL_OBJECT_POOL_H_
