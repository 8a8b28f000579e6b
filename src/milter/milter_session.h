// The milter protocol (version 6, as Sendmail and Postfix speak it) for one
// MTA connection, without sockets: packets in, replies out. Each message is
// fed to a FilterTransaction and its Verdict becomes the end-of-message
// replies. The MTA is asked to skip what the filter does not use (HELO,
// DATA, unknown commands, every macro but the queue id) and not to wait for
// replies before end of message, so a message costs one round trip.
//
// A packet is a 4-byte big-endian length, a command byte and its data.

#ifndef SENDGUARD_MILTER_MILTER_SESSION_H_
#define SENDGUARD_MILTER_MILTER_SESSION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "milter/filter.h"

namespace sendguard {

class MilterSession {
 public:
  // Larger packets end the connection (Postfix sends at most 64 KB of body
  // per packet).
  static constexpr std::uint32_t kMaxPacket = 4 << 20;

  explicit MilterSession(const FilterServices& services) : services_(services) {}

  // Handles every complete packet at the front of `*in` (removing them) and
  // appends the replies to `*out`. Returns false when the connection is to
  // be closed: the MTA quit, or sent something that is not the protocol
  // (the MTA then applies its milter_default_action, tempfail).
  bool Process(std::string* in, std::string* out);

 private:
  bool Handle(char command, std::string_view data, std::string* out);
  bool Negotiate(std::string_view data, std::string* out);
  void EndOfMessage(std::string_view data, std::string* out);
  // Replies "continue" unless the MTA agreed not to wait for this step.
  void Continue(std::uint32_t no_reply_flag, std::string* out) const;

  const FilterServices& services_;
  std::uint32_t steps_ = 0;  // negotiated SMFIP_* flags
  bool negotiated_ = false;
  std::unique_ptr<FilterTransaction> tx_;
  std::string queue_id_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MILTER_MILTER_SESSION_H_
