#include "milter/milter_session.h"

#include <algorithm>

namespace sendguard {
namespace {

// Protocol constants (libmilter's mfdef.h / mfapi.h).
constexpr std::uint32_t kVersion = 6;
constexpr std::uint32_t kAddHeaders = 0x01, kDeleteRecipients = 0x08, kQuarantine = 0x20,
                        kSetSymbolList = 0x100;
constexpr std::uint32_t kNoHelo = 0x02, kNoUnknown = 0x100, kNoData = 0x200, kNrConnect = 0x1000,
                        kNrHelo = 0x2000, kNrMail = 0x4000, kNrRcpt = 0x8000, kNrData = 0x10000,
                        kNrUnknown = 0x20000, kNrHeader = 0x80, kNrEoh = 0x40000, kNrBody = 0x80000,
                        kHeaderLeadingSpace = 0x100000;
constexpr std::uint32_t kStageEom = 5;

std::uint32_t ReadU32(std::string_view s) {
  return (std::uint32_t{static_cast<unsigned char>(s[0])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(s[1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(s[2])} << 8) |
         std::uint32_t{static_cast<unsigned char>(s[3])};
}

void PutU32(std::uint32_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

void Packet(char command, std::string_view data, std::string* out) {
  PutU32(static_cast<std::uint32_t>(data.size() + 1), out);
  out->push_back(command);
  out->append(data);
}

// The NUL-terminated string at the front of `*data`, removed from it.
std::string_view TakeString(std::string_view* data) {
  std::size_t nul = data->find('\0');
  std::string_view s = data->substr(0, nul);
  data->remove_prefix(nul == std::string_view::npos ? data->size() : nul + 1);
  return s;
}

}  // namespace

void MilterSession::Continue(std::uint32_t no_reply_flag, std::string* out) const {
  if ((steps_ & no_reply_flag) == 0) Packet('c', {}, out);
}

bool MilterSession::Process(std::string* in, std::string* out) {
  std::size_t pos = 0;
  bool open = true;
  while (open && in->size() - pos >= 5) {
    std::uint32_t len = ReadU32(std::string_view(*in).substr(pos, 4));
    if (len == 0 || len > kMaxPacket) return false;
    if (in->size() - pos - 4 < len) break;  // wait for the rest
    std::string_view packet(in->data() + pos + 4, len);
    pos += 4 + len;
    open = Handle(packet[0], packet.substr(1), out);
  }
  in->erase(0, pos);
  return open;
}

bool MilterSession::Negotiate(std::string_view data, std::string* out) {
  if (data.size() < 12) return false;
  const std::uint32_t version = ReadU32(data), actions = ReadU32(data.substr(4)),
                      steps = ReadU32(data.substr(8));
  if (version < 2) return false;
  const std::uint32_t wanted = kNoHelo | kNoUnknown | kNoData | kNrConnect | kNrMail | kNrRcpt |
                               kNrHeader | kNrEoh | kNrBody | kHeaderLeadingSpace;
  steps_ = steps & wanted;
  const std::uint32_t our_actions =
      actions & (kAddHeaders | kDeleteRecipients | kQuarantine | kSetSymbolList);
  std::string reply;
  PutU32(std::min(version, kVersion), &reply);
  PutU32(our_actions, &reply);
  PutU32(steps_, &reply);
  if ((our_actions & kSetSymbolList) != 0) {
    // Only the queue id, at end of message: no macro traffic before it.
    for (std::uint32_t stage = 0; stage <= 6; ++stage) {
      PutU32(stage, &reply);
      if (stage == kStageEom) reply.append("i");
      reply.push_back('\0');
    }
  }
  Packet('O', reply, out);
  negotiated_ = true;
  return true;
}

bool MilterSession::Handle(char command, std::string_view data, std::string* out) {
  if (!negotiated_ && command != 'O') return false;
  switch (command) {
    case 'O':
      return Negotiate(data, out);
    case 'D': {  // macros: stage byte, then name/value pairs; never answered
      if (data.empty()) return true;
      const char stage = data[0];
      data.remove_prefix(1);
      while (!data.empty()) {
        std::string_view name = TakeString(&data), value = TakeString(&data);
        if (stage == 'E' && (name == "i" || name == "{i}")) queue_id_ = std::string(value);
      }
      return true;
    }
    case 'C':
      Continue(kNrConnect, out);
      return true;
    case 'H':
      Continue(kNrHelo, out);
      return true;
    case 'T':
      Continue(kNrData, out);
      return true;
    case 'U':
      Continue(kNrUnknown, out);
      return true;
    case 'M': {
      tx_ = std::make_unique<FilterTransaction>(services_);
      queue_id_.clear();
      tx_->MailFrom(TakeString(&data));
      Continue(kNrMail, out);
      return true;
    }
    case 'R':
      if (tx_) tx_->Rcpt(TakeString(&data));
      Continue(kNrRcpt, out);
      return true;
    case 'L': {
      std::string_view name = TakeString(&data), value = TakeString(&data);
      // With SMFIP_HDR_LEADSPC the value is exactly what followed the colon.
      if ((steps_ & kHeaderLeadingSpace) != 0 && !value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
      }
      if (tx_) tx_->Header(name, value);
      Continue(kNrHeader, out);
      return true;
    }
    case 'N':
      if (tx_) tx_->EndOfHeaders();
      Continue(kNrEoh, out);
      return true;
    case 'B':
      if (tx_) tx_->Body(data);
      Continue(kNrBody, out);
      return true;
    case 'E':
      EndOfMessage(data, out);
      return true;
    case 'A':  // abort this message; the connection stays
      tx_.reset();
      return true;
    case 'K':  // quit, and a new connection follows on this socket
      tx_.reset();
      negotiated_ = false;
      steps_ = 0;
      return true;
    case 'Q':
      return false;
    default:
      return false;  // not the protocol we speak: close, the MTA tempfails
  }
}

void MilterSession::EndOfMessage(std::string_view data, std::string* out) {
  if (!tx_) {
    // A message whose start was never seen must not pass unchecked.
    std::string reply = "451 4.3.0 sendguard could not check this message, please try again";
    reply.push_back('\0');
    Packet('y', reply, out);
    return;
  }
  if (!data.empty()) tx_->Body(data);  // a final body chunk may ride on end of body
  tx_->SetQueueId(queue_id_);
  Verdict v = tx_->Finish();
  tx_.reset();
  for (const auto& [name, value] : v.add_headers) {
    std::string d = name;
    d.push_back('\0');
    d += value;
    d.push_back('\0');
    Packet('h', d, out);
  }
  for (const std::string& r : v.delete_recipients) {
    std::string d = "<" + r + ">";
    d.push_back('\0');
    Packet('-', d, out);
  }
  switch (v.kind) {
    case Verdict::Kind::kAccept:
      Packet('a', {}, out);
      return;
    case Verdict::Kind::kDiscard:
      Packet('d', {}, out);
      return;
    case Verdict::Kind::kReject:
    case Verdict::Kind::kTempfail: {
      std::string reply = v.code + " " + v.xcode + " " + v.text;
      reply.push_back('\0');
      Packet('y', reply, out);
      return;
    }
  }
  Packet('t', {}, out);
}

}  // namespace sendguard
