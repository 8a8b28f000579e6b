#include "mail/mbox.h"

#include "util/strings.h"

namespace sendguard {
namespace {

constexpr std::string_view kFrom = "From ";

bool StartsWithAt(std::string_view s, std::size_t pos, std::string_view p) {
  return s.size() >= pos + p.size() && s.compare(pos, p.size(), p) == 0;
}

// Position of the next separator line at or after `pos`: any line starting
// with "From " (writers escape such lines in bodies). npos when none.
std::size_t FindSeparator(std::string_view s, std::size_t pos) {
  std::size_t hit = s.find("\nFrom ", pos);
  return hit == std::string_view::npos ? hit : hit + 1;
}

// Removes one '>' from lines of the form ">+From ".
void Unquote(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  std::size_t pos = 0;
  while (pos < in.size()) {
    std::size_t end = in.find('\n', pos);
    end = end == std::string_view::npos ? in.size() : end + 1;
    std::string_view line = in.substr(pos, end - pos);
    std::size_t gt = line.find_first_not_of('>');
    if (gt != std::string_view::npos && gt > 0 && StartsWithAt(line, gt, kFrom)) {
      line.remove_prefix(1);
    }
    out->append(line);
    pos = end;
  }
}

}  // namespace

bool LooksLikeMbox(std::string_view data, std::string_view filename) {
  std::string ext = Extension(filename);
  return StartsWithAt(data, 0, kFrom) || ext == "mbox" || ext == "mbx";
}

bool MboxReader::Next(std::string_view* out) {
  while (pos_ < data_.size()) {
    std::size_t start = pos_;
    offset_ = start;
    if (StartsWithAt(data_, start, kFrom)) {
      std::size_t eol = data_.find('\n', start);
      if (eol == std::string_view::npos) {
        pos_ = data_.size();
        continue;  // a separator with nothing after it
      }
      start = eol + 1;
    }
    std::size_t next = FindSeparator(data_, start);
    std::size_t end = next == std::string_view::npos ? data_.size() : next;
    pos_ = end;
    std::string_view msg = data_.substr(start, end - start);
    // The empty line before the next separator belongs to the mbox, not the message.
    if (next != std::string_view::npos) {
      if (msg.size() >= 2 && msg.substr(msg.size() - 2) == "\r\n") {
        msg.remove_suffix(2);
      } else if (!msg.empty() && msg.back() == '\n') {
        msg.remove_suffix(1);
      }
    }
    if (msg.empty()) continue;
    ++index_;
    if (msg.find("\n>") != std::string_view::npos || msg.substr(0, 1) == ">") {
      Unquote(msg, &unquoted_);
      *out = unquoted_;
    } else {
      *out = msg;
    }
    return true;
  }
  return false;
}

}  // namespace sendguard
