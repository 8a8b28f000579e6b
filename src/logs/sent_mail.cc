#include "logs/sent_mail.h"

#include <sys/stat.h>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <unordered_map>
#include <vector>

#include "logs/line_reader.h"
#include "mail/display_name.h"
#include "mail/message_source.h"
#include "sendguard/parser.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// The envelope senders of recent messages, by queue id, in fixed memory: a
// direct-mapped table of (queue id hash, sender number) slots and the
// distinct senders. A message whose slot was taken by a later one before
// its delivery was logged gets no sender (never another message's).
class SenderTable {
 public:
  explicit SenderTable(std::size_t slots)
      : slots_(std::bit_ceil(std::max<std::size_t>(slots, 1024))) {}

  void Put(std::string_view queue_id, std::string_view sender) {
    if (names_.size() >= kMaxNames) {  // a flood of distinct senders: start over
      ids_.clear();
      names_.clear();
      std::fill(slots_.begin(), slots_.end(), Slot{});
    }
    auto [it, inserted] =
        ids_.try_emplace(std::string(sender), static_cast<std::uint32_t>(names_.size()));
    if (inserted) names_.push_back(&it->first);
    std::uint64_t h = HashOf(queue_id);
    slots_[h & (slots_.size() - 1)] = Slot{h, it->second + 1};
  }

  std::string_view Get(std::string_view queue_id) const {
    std::uint64_t h = HashOf(queue_id);
    const Slot& slot = slots_[h & (slots_.size() - 1)];
    if (slot.hash != h || slot.sender == 0) return {};
    return *names_[slot.sender - 1];
  }

 private:
  static constexpr std::size_t kMaxNames = 1 << 20;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t sender = 0;  // 1 + index into names_; 0 for none
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static std::uint64_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s) | 1; }

  std::vector<Slot> slots_;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<const std::string*> names_;
};

YearHint HintFor(const std::string& path, const ReadOptions& options) {
  if (options.year) return *options.year;
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return YearHintFor(0);
  return YearHintFor(st.st_mtime);
}

Status ReadLog(const std::string& path, LogFormat format, const ReadOptions& options,
               const SentVisitor& visit, ReadStats* stats) {
  std::optional<SenderTable> senders;
  if (options.senders) senders.emplace(options.sender_window);
  SentRecipient event;
  event.year = HintFor(path, options);
  std::uint64_t next_progress = stats->lines + options.progress_every;
  stats->file_bytes = 0;
  Status s = ForEachLine(path, [&](std::string_view line) {
    ++stats->lines;
    stats->bytes += line.size() + 1;
    stats->file_bytes += line.size() + 1;
    if (options.progress && stats->lines >= next_progress) {
      options.progress(path, *stats);
      next_progress = stats->lines + options.progress_every;
    }
    LogLine l = ParseLogLine(line, format);
    switch (l.kind) {
      case LogLineKind::kOther:
        return;
      case LogLineKind::kMalformed:
        ++stats->malformed;
        return;
      case LogLineKind::kSender:
        if (senders) senders->Put(l.queue_id, l.address);
        return;
      case LogLineKind::kSent:
        break;
    }
    ++stats->deliveries;
    event.message = l.queue_id;
    event.sender = senders ? senders->Get(l.queue_id) : std::string_view();
    event.recipient = l.address;
    event.relay = l.relay;
    event.stamp = l.time;
    visit(event);
  });
  if (options.progress) options.progress(path, *stats);
  return s;
}

Status ReadMailbox(const std::string& path, const ReadOptions& options, const SentVisitor& visit,
                   ReadStats* stats) {
  Limits limits;
  limits.max_depth = 0;
  limits.max_text_bytes = 0;
  Status error;
  ForEachMessage(
      path,
      [&](const std::string& source, std::string_view raw) {
        ++stats->messages;
        Result<Message> m = ParseMessage(raw, {}, limits);
        if (!m.ok()) {
          ++stats->unreadable;
          return;
        }
        SentRecipient event;
        event.from_log = false;
        event.message = source;
        if (!m->from().empty()) event.sender = m->from().front().address;
        event.stamp = m->date();
        for (const std::string& r : m->recipients()) {
          ++stats->deliveries;
          event.recipient = r;
          event.name = DisplayNameOf(*m, r);
          visit(event);
        }
      },
      [&](const std::string&, const Status& s) { error = s; });
  if (options.progress) options.progress(path, *stats);
  return error;
}

}  // namespace

std::optional<std::string> SentRecipient::Time() const {
  return from_log ? NormalizeLogTime(stamp, year) : NormalizeMessageDate(stamp);
}

std::optional<SentFormat> ParseSentFormat(std::string_view name) {
  if (name == "postfix") return SentFormat{LogFormat::kPostfix};
  if (name == "exim") return SentFormat{LogFormat::kExim};
  if (name == "sendmail") return SentFormat{LogFormat::kSendmail};
  if (name == "mbox" || name == "maildir") return SentFormat{};
  return std::nullopt;
}

Result<SentFormat> DetectSentFormat(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return SentFormat{};
  Result<std::string> head = ReadHead(path, 16384);  // enough to tell the format
  if (!head.ok()) return head.status();
  if (head->rfind("From ", 0) == 0) return SentFormat{};
  if (std::optional<LogFormat> log = DetectLogFormat(*head)) return SentFormat{log};
  return InvalidArgumentError(path + ": cannot tell the format; give --format");
}

Status ReadSentMail(const std::string& path, SentFormat format, const ReadOptions& options,
                    const SentVisitor& visit, ReadStats* stats) {
  if (!format.log) return ReadMailbox(path, options, visit, stats);
  return ReadLog(path, *format.log, options, visit, stats);
}

}  // namespace sendguard
