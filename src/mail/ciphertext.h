// Telling ciphertext by its bytes, not by its label: a part is reported as
// encrypted (and left unread) only when its content really is encrypted, so
// that plain text under an "encrypted" label is read like any other part.

#ifndef SENDGUARD_MAIL_CIPHERTEXT_H_
#define SENDGUARD_MAIL_CIPHERTEXT_H_

#include <string_view>

namespace sendguard {

// Whether `data` starts with an OpenPGP packet that only encrypted messages
// start with (RFC 4880/9580, old or new packet format): a public-key or
// symmetric-key encrypted session key (tags 1, 3) or encrypted data (tags
// 9, 18, 20). ASCII-armoured messages are text and are told by the text
// reader.
bool IsPgpPackets(std::string_view data);

// Whether `data` is a CMS ContentInfo (DER or BER) holding EnvelopedData
// or AuthEnvelopedData (RFC 5652, 5083): what S/MIME encrypts into.
bool IsCmsEnveloped(std::string_view data);

// Whether `data` is a CMS ContentInfo holding SignedData (RFC 5652): an
// S/MIME signature.
bool IsCmsSignedData(std::string_view data);

// Whether `data` starts with an OpenPGP signature packet (tag 2), as a
// detached signature does.
bool IsPgpSignature(std::string_view data);

}  // namespace sendguard

#endif  // SENDGUARD_MAIL_CIPHERTEXT_H_
