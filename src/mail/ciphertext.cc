#include "mail/ciphertext.h"

namespace sendguard {

namespace {

// The tag of the first OpenPGP packet (old or new format), or -1.
int PgpTag(std::string_view data) {
  if (data.size() < 2) return -1;
  const auto b = static_cast<unsigned char>(data[0]);
  if ((b & 0x80) == 0) return -1;
  return (b & 0x40) != 0 ? (b & 0x3f) : ((b >> 2) & 0x0f);
}

// What follows the outer SEQUENCE header of a CMS ContentInfo, SEQUENCE {
// OBJECT IDENTIFIER contentType, [0] content }: the OID comes right after the
// outer length (short, long or indefinite form). Empty when `data` is no
// SEQUENCE.
std::string_view ContentInfoBody(std::string_view data) {
  if (data.size() < 4 || static_cast<unsigned char>(data[0]) != 0x30) return {};
  std::size_t at = 1;
  const auto len = static_cast<unsigned char>(data[at++]);
  if (len > 0x80) at += len & 0x7f;  // long form: that many length bytes
  if (at >= data.size()) return {};
  return data.substr(at);
}

}  // namespace

bool IsPgpPackets(std::string_view data) {
  const int tag = PgpTag(data);
  return tag == 1 || tag == 3 || tag == 9 || tag == 18 || tag == 20;
}

bool IsPgpSignature(std::string_view data) { return PgpTag(data) == 2; }

bool IsCmsSignedData(std::string_view data) {
  // 1.2.840.113549.1.7.2 (signedData).
  constexpr std::string_view kSigned("\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02", 11);
  return ContentInfoBody(data).substr(0, kSigned.size()) == kSigned;
}

bool IsCmsEnveloped(std::string_view data) {
  std::string_view rest = ContentInfoBody(data);
  if (rest.empty()) return false;
  // 1.2.840.113549.1.7.3 (envelopedData), 1.2.840.113549.1.9.16.1.23 (authEnvelopedData).
  constexpr std::string_view kEnveloped("\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03", 11);
  constexpr std::string_view kAuthEnveloped("\x06\x0b\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x17",
                                            13);
  return rest.substr(0, kEnveloped.size()) == kEnveloped ||
         rest.substr(0, kAuthEnveloped.size()) == kAuthEnveloped;
}

}  // namespace sendguard
