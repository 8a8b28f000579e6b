#include "mail/mime_prescan.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "mail/gmime_init.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// Bytes of a Content-Type value kept to find its type and boundary.
constexpr std::size_t kMaxContentType = 8192;

bool IsAddressField(std::string_view name) {
  constexpr std::string_view kResent = "resent-";
  if (name.size() > kResent.size() && EqualsIgnoreCase(name.substr(0, kResent.size()), kResent)) {
    name.remove_prefix(kResent.size());
  }
  for (std::string_view f : {"from", "to", "cc", "bcc", "reply-to", "sender"}) {
    if (EqualsIgnoreCase(name, f)) return true;
  }
  return false;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// What a header block's Content-Type makes of the body after it, read as
// GMime reads it. A part of a multipart/digest is a message by default.
struct BodyKind {
  bool message = false;    // an attached message: another header block follows
  bool multipart = false;  // parts separated by `boundary`
  bool digest = false;     // a multipart/digest
  std::string boundary = {};
};

BodyKind KindOf(const std::string* content_type, bool in_digest) {
  BodyKind k;
  if (content_type == nullptr) {
    k.message = in_digest;
    return k;
  }
  EnsureGMimeInitialized();
  GMimeContentType* ct = g_mime_content_type_parse(nullptr, content_type->c_str());
  if (ct == nullptr) return k;
  if (g_mime_content_type_is_type(ct, "multipart", "*")) {
    const char* b = g_mime_content_type_get_parameter(ct, "boundary");
    if (b != nullptr && *b != '\0') {
      k.multipart = true;
      k.boundary = b;
      k.digest = g_mime_content_type_is_type(ct, "multipart", "digest");
    }
  } else {
    k.message = g_mime_content_type_is_type(ct, "message", "rfc822") ||
                g_mime_content_type_is_type(ct, "message", "news") ||
                g_mime_content_type_is_type(ct, "message", "global");
  }
  g_object_unref(ct);
  return k;
}

class Prescanner {
 public:
  Prescanner(std::string_view raw, const PrescanLimits& limits) : raw_(raw), limits_(limits) {}

  PrescanCut Run() {
    std::size_t pos = 0;
    if (limits_.addresses_per_field <= 0) limits_.addresses_per_field = 1 << 30;
    while (pos < raw_.size()) {
      const void* nl = std::memchr(raw_.data() + pos, '\n', raw_.size() - pos);
      const std::size_t end =
          nl == nullptr ? raw_.size() : static_cast<const char*>(nl) - raw_.data();
      const std::size_t next = nl == nullptr ? end : end + 1;
      std::string_view line = raw_.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const bool go_on = headers_ ? HeaderLine(pos, next, line) : BodyLine(pos, line);
      if (!go_on) break;
      pos = next;
    }
    EndField();
    return cut_;
  }

 private:
  struct Open {
    std::string boundary;
    bool digest;
  };

  // Records the cut; returns false so the scan stops.
  bool Cut(std::size_t offset, const char* limit) {
    cut_.offset = offset;
    cut_.limit = limit;
    return false;
  }

  // The field being read ended: an address list cut short is recorded.
  void EndField() {
    if (dropping_) {
      cut_.dropped.push_back(DroppedAddresses{drop_begin_, field_end_, field_name_});
      dropping_ = false;
    }
    in_field_ = false;
  }

  void NewBlock(bool in_digest) {
    EndField();
    headers_ = true;
    in_field_ = false;
    in_digest_ = in_digest;
    has_content_type_ = false;
    content_type_.clear();
  }

  // A part begins at `offset` (a boundary line or an attached message).
  bool StartPart(std::size_t offset, bool in_digest) {
    if (++parts_ > limits_.parts) return Cut(offset, "parts");
    NewBlock(in_digest);
    block_start_ = offset;
    return true;
  }

  // The header block ended; what follows at `next` is its body.
  bool EndHeaders(std::size_t next) {
    EndField();
    headers_ = false;
    BodyKind k = KindOf(has_content_type_ ? &content_type_ : nullptr, in_digest_);
    if (k.multipart) {
      if (static_cast<int>(open_.size()) >= limits_.nesting) return Cut(block_start_, "nesting");
      longest_ = std::max(longest_, k.boundary.size());
      by_boundary_[k.boundary].push_back(open_.size());
      open_.push_back(Open{std::move(k.boundary), k.digest});
      return true;
    }
    if (k.message) return StartPart(next, false);
    return true;
  }

  bool HeaderLine(std::size_t start, std::size_t next, std::string_view line) {
    if (line.empty()) return EndHeaders(next);
    if (line.front() == ' ' || line.front() == '\t') {
      return !in_field_ || FieldBytes(start, start + line.size());
    }
    const std::size_t colon = line.find(':');
    const std::string_view name =
        colon == std::string_view::npos ? std::string_view() : TrimRight(line.substr(0, colon));
    if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
      if (start == 0 && line.substr(0, 5) == "From ") return true;  // an mbox separator
      // Not a header line: the block ended without a blank line and this
      // line is the first of its body.
      if (!EndHeaders(start)) return false;
      return headers_ ? HeaderLine(start, next, line) : BodyLine(start, line);
    }
    return NewField(start, name, start + colon + 1, start + line.size());
  }

  bool NewField(std::size_t start, std::string_view name, std::size_t value, std::size_t end) {
    EndField();
    if (++fields_ > limits_.header_fields) return Cut(start, "header-fields");
    in_field_ = true;
    field_start_ = start;
    address_field_ = IsAddressField(name);
    content_type_field_ = !has_content_type_ && EqualsIgnoreCase(name, "content-type");
    has_content_type_ |= content_type_field_;
    if (address_field_) {
      quoted_ = escaped_ = false;
      comment_depth_ = 0;
      field_addresses_ = 1;
      field_name_ = std::string(name);
      if (++addresses_ > limits_.addresses) return Cut(start, "total-addresses");
    }
    return FieldBytes(value, end);
  }

  // Bytes [from, to) of the current field, on one line.
  bool FieldBytes(std::size_t from, std::size_t to) {
    field_end_ = to;
    // Dropped addresses are never kept, so they do not count towards the
    // field's size.
    if (dropping_) return true;
    const bool too_long = to - field_start_ > limits_.header_bytes;
    const std::size_t allowed = too_long ? field_start_ + limits_.header_bytes : to;
    if (address_field_ && !CountAddresses(from, std::max(from, allowed))) return false;
    if (dropping_) return true;
    if (content_type_field_ && content_type_.size() < kMaxContentType) {
      content_type_.append(raw_.substr(from, std::min(to - from, kMaxContentType)));
      content_type_ += ' ';
    }
    if (too_long) return Cut(allowed, "header-size");
    return true;
  }

  // Counts the commas that separate addresses, outside quoted strings and
  // comments.
  bool CountAddresses(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const char c = raw_[i];
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\' && (quoted_ || comment_depth_ > 0)) {
        escaped_ = true;
      } else if (quoted_) {
        quoted_ = c != '"';
      } else if (comment_depth_ > 0) {
        comment_depth_ += c == '(' ? 1 : c == ')' ? -1 : 0;
      } else if (c == '"') {
        quoted_ = true;
      } else if (c == '(') {
        comment_depth_ = 1;
      } else if (c == ',' && !dropping_) {
        if (++field_addresses_ > limits_.addresses_per_field) {
          dropping_ = true;  // the rest of the field goes
          drop_begin_ = i;
          return true;
        }
        if (++addresses_ > limits_.addresses) return Cut(i, "total-addresses");
      }
    }
    return true;
  }

  // The innermost open multipart whose boundary is `b`, or -1.
  long Innermost(std::string_view b) const {
    auto it = by_boundary_.find(std::string(b));
    return it == by_boundary_.end() ? -1 : static_cast<long>(it->second.back());
  }

  // Closes the open multiparts from `depth` inward.
  void CloseFrom(std::size_t depth) {
    while (open_.size() > depth) {
      auto it = by_boundary_.find(open_.back().boundary);
      it->second.pop_back();
      if (it->second.empty()) by_boundary_.erase(it);
      open_.pop_back();
    }
  }

  // A line "--boundary" starts a part of the innermost multipart with that
  // boundary, "--boundary--" closes it; either closes the multiparts inside
  // it. Looked up by the line, so the cost does not grow with the nesting.
  bool BodyLine(std::size_t start, std::string_view line) {
    if (open_.empty() || line.size() < 2 || line[0] != '-' || line[1] != '-') return true;
    const std::string_view tail = TrimRight(line.substr(2));
    if (tail.size() > longest_ + 2) return true;
    const long part = Innermost(tail);
    const long close = tail.size() >= 2 && tail.substr(tail.size() - 2) == "--"
                           ? Innermost(tail.substr(0, tail.size() - 2))
                           : -1;
    if (part < 0 && close < 0) return true;
    if (close > part) {
      CloseFrom(static_cast<std::size_t>(close));
      return true;
    }
    CloseFrom(static_cast<std::size_t>(part) + 1);
    return StartPart(start, open_.back().digest);
  }

  std::string_view raw_;
  PrescanLimits limits_;
  PrescanCut cut_;
  std::vector<Open> open_;  // multiparts whose closing boundary is still to come
  // Their indexes in open_ by boundary, innermost last.
  std::unordered_map<std::string, std::vector<std::size_t>> by_boundary_;
  std::size_t longest_ = 0;  // the longest boundary opened
  int parts_ = 1;            // the top message's body
  int fields_ = 0;
  int addresses_ = 0;
  // The header block being read, and where its part began.
  bool headers_ = true;
  std::size_t block_start_ = 0;
  bool in_digest_ = false;
  bool has_content_type_ = false;
  std::string content_type_;
  // Its field being read.
  bool in_field_ = false;
  bool address_field_ = false;
  bool content_type_field_ = false;
  std::size_t field_start_ = 0;
  // Address syntax, within an address field.
  bool quoted_ = false;
  bool escaped_ = false;
  int comment_depth_ = 0;
  int field_addresses_ = 0;
  // Its addresses past addresses_per_field, being dropped.
  bool dropping_ = false;
  std::size_t drop_begin_ = 0;
  std::size_t field_end_ = 0;
  std::string field_name_;
};

}  // namespace

PrescanCut PrescanMessage(std::string_view raw, const PrescanLimits& limits) {
  return Prescanner(raw, limits).Run();
}

std::string_view WithinLimits(std::string_view raw, const PrescanCut& cut, std::string* storage) {
  if (cut.cut()) raw = raw.substr(0, cut.offset);
  if (cut.dropped.empty()) return raw;
  storage->clear();
  storage->reserve(raw.size());
  std::size_t at = 0;
  for (const DroppedAddresses& d : cut.dropped) {
    if (d.begin >= raw.size()) break;
    storage->append(raw.substr(at, d.begin - at));
    at = std::min(d.end, raw.size());
  }
  storage->append(raw.substr(std::min(at, raw.size())));
  return *storage;
}

}  // namespace sendguard
