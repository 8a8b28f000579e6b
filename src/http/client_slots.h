// Connections open at once, per client address: one client (or one
// slow-reading attacker) may hold only so many of the server's workers.

#ifndef SENDGUARD_HTTP_CLIENT_SLOTS_H_
#define SENDGUARD_HTTP_CLIENT_SLOTS_H_

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sendguard {

class ClientSlots {
 public:
  // At most `per_client` connections of one address at once.
  explicit ClientSlots(std::size_t per_client) : per_client_(per_client) {}
  ClientSlots(const ClientSlots&) = delete;
  ClientSlots& operator=(const ClientSlots&) = delete;

  // A connection of one address, held while it is open.
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : owner_(other.owner_), address_(std::move(other.address_)) {
      other.owner_ = nullptr;
    }
    Slot& operator=(Slot&&) = delete;
    ~Slot();
    explicit operator bool() const { return owner_ != nullptr; }

   private:
    friend class ClientSlots;
    Slot(ClientSlots* owner, std::string address) : owner_(owner), address_(std::move(address)) {}
    ClientSlots* owner_ = nullptr;
    std::string address_;
  };

  // A slot for `address`, or an empty one when it already holds
  // `per_client`. Thread-safe.
  Slot Take(const std::string& address);
  // Connections `address` holds now.
  std::size_t Held(const std::string& address) const;

 private:
  void Give(const std::string& address);

  const std::size_t per_client_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::size_t> held_;
};

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_CLIENT_SLOTS_H_
