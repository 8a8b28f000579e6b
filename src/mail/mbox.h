// Splitting an mbox file into messages.

#ifndef SENDGUARD_MAIL_MBOX_H_
#define SENDGUARD_MAIL_MBOX_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

// True when `data` starts like an mbox ("From " separator line) or
// `filename` has an mbox extension (.mbox, .mbx).
bool LooksLikeMbox(std::string_view data, std::string_view filename = {});

// Iterates over the messages of an mbox held in memory. Messages are
// separated by lines starting with "From " (mboxo/mboxrd writers escape such
// lines inside bodies); the separator line and the blank line before it are
// not part of a message. Lines quoted as ">From " (mboxrd) are unquoted.
// Reads any input without failing: text before the first separator is a
// message of its own, and a body line that was not escaped starts a new
// message, so no text is ever lost.
class MboxReader {
 public:
  explicit MboxReader(std::string_view data) : data_(data) {}

  // Stores the next message in `*out` and returns true, or returns false at
  // the end. `*out` stays valid until the next call.
  bool Next(std::string_view* out);

  // 1-based number of the message last returned.
  int index() const { return index_; }
  // Byte offset of the separator line of the message last returned.
  std::size_t offset() const { return offset_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
  int index_ = 0;
  std::size_t offset_ = 0;
  std::string unquoted_;
};

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_MBOX_H_
