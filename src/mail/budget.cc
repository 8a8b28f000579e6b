#include "mail/budget.h"

#include <algorithm>

#include "mail/charset.h"

namespace sendguard {
namespace {

std::string EncryptedDetail(std::string_view kind) {
  if (kind == "smime") return "S/MIME-encrypted content could not be read";
  if (kind == "pgp") return "PGP-encrypted content could not be read";
  if (kind == "zip-password" || kind == "archive-password") {
    return "a password-protected archive could not be opened";
  }
  if (kind == "pdf-password") return "a password-protected PDF could not be read";
  return "encrypted content (" + std::string(kind) + ") could not be read";
}

}  // namespace

Budget::Budget(const Limits& limits, MessageData* out)
    : limits_(limits), out_(out), deadline_(std::chrono::steady_clock::now() + limits.max_time) {}

bool Budget::HasTime(std::string_view where) {
  if (out_of_time_) return false;
  if (std::chrono::steady_clock::now() < deadline_) return true;
  out_of_time_ = true;
  Hit("time", where,
      "processing time limit of " + std::to_string(limits_.max_time.count()) + " ms reached");
  return false;
}

bool Budget::TakeOcrPage() {
  if (ocr_pages_ >= limits_.ocr_pages) return false;
  ++ocr_pages_;
  return true;
}

std::chrono::steady_clock::time_point Budget::OcrDeadline() const {
  return std::min(deadline_, std::chrono::steady_clock::now() + OcrTimeLeft());
}

bool Budget::AllowDepth(int depth, std::string_view where) {
  if (depth <= limits_.max_depth) return true;
  Hit("depth", where,
      "nesting deeper than " + std::to_string(limits_.max_depth) + " levels was not opened");
  return false;
}

bool Budget::TakePart(std::string_view where) {
  if (++parts_ <= limits_.max_parts) return true;
  Hit("parts", where,
      "more than " + std::to_string(limits_.max_parts) + " MIME parts; the rest were not read");
  return false;
}

bool Budget::TakeArchiveMember(std::string_view where) {
  if (++members_ <= limits_.max_archive_members) return true;
  Hit("archive-members", where,
      "more than " + std::to_string(limits_.max_archive_members) +
          " archive members in the message; the rest were not read");
  return false;
}

bool Budget::TakeExpanded(std::size_t n, std::string_view where) {
  expanded_ += n;
  if (expanded_ <= limits_.max_expanded_bytes) return true;
  Hit("expanded-size", where,
      "archives expanded beyond " + std::to_string(limits_.max_expanded_bytes) +
          " bytes in total; the rest was not read");
  return false;
}

void Budget::AddText(std::string source, std::string text, int part) {
  bool blank = std::all_of(text.begin(), text.end(),
                           [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  if (blank) return;
  if (text_bytes_ >= limits_.max_text_bytes) {
    Hit("text-size", source, "extracted text limit reached; this text was not kept");
    return;
  }
  std::size_t room = limits_.max_text_bytes - text_bytes_;
  if (text.size() > room) {
    // Cut on a character boundary so the text stays valid UTF-8.
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    Hit("text-size", source,
        "extracted text limit of " + std::to_string(limits_.max_text_bytes) +
            " bytes reached; this text was cut");
  }
  text_bytes_ += text.size();
  out_->texts.push_back(TextSegment{std::move(source), std::move(text), part});
}

void Budget::Hit(std::string_view limit, std::string_view where, std::string detail) {
  for (const LimitHit& h : out_->limit_hits) {
    if (h.limit == limit && h.where == where) return;
  }
  out_->limit_hits.push_back(LimitHit{std::string(limit), SanitizeUtf8(where), detail});
  Unread("limit", where, std::move(detail));
}

void Budget::Encrypted(std::string_view kind, std::string_view where) {
  for (const EncryptedPart& e : out_->encrypted) {
    if (e.kind == kind && e.where == where) return;
  }
  out_->encrypted.push_back(EncryptedPart{std::string(kind), SanitizeUtf8(where)});
  Unread("encrypted", where, EncryptedDetail(kind));
}

void Budget::Defect(std::string_view code, std::string_view where) {
  for (const struct Defect& d : out_->defects) {
    if (d.code == code && d.where == where) return;
  }
  out_->defects.push_back(sendguard::Defect{std::string(code), SanitizeUtf8(where)});
}

void Budget::Unread(std::string_view kind, std::string_view where, std::string detail) {
  const std::string place = SanitizeUtf8(where);
  for (const Uninspected& u : out_->uninspected) {
    if (u.kind == kind && u.where == place && u.detail == detail) return;
  }
  out_->uninspected.push_back(Uninspected{std::string(kind), place, std::move(detail)});
}

void Budget::AddPositions(GeoPositions positions) {
  positions.where = SanitizeUtf8(positions.where);
  out_->positions.push_back(std::move(positions));
}

int MessageBudget::NextPartIndex() const { return static_cast<int>(out().parts.size()); }

int MessageBudget::AddPart(Part part) {
  std::vector<Part>& parts = out().parts;
  if (static_cast<int>(parts.size()) >= parts_granted()) return -1;
  parts.push_back(std::move(part));
  return static_cast<int>(parts.size()) - 1;
}

void MessageBudget::SetTopMessage(TopMessageFields fields) {
  MessageData& d = out();
  d.headers = std::move(fields.headers);
  d.from = std::move(fields.from);
  d.to = std::move(fields.to);
  d.cc = std::move(fields.cc);
  d.bcc = std::move(fields.bcc);
  d.reply_to = std::move(fields.reply_to);
  d.subject = std::move(fields.subject);
  d.message_id = std::move(fields.message_id);
  d.date = std::move(fields.date);
}

}  // namespace sendguard
