// Hard limits applied while a message is parsed and its text extracted.
//
// Every limit is enforced; reaching one is recorded in the message's
// limit_hits() and processing continues with what is left within bounds. A
// limit never makes the parser crash, hang or drop the message.

#ifndef SENDGUARD_LIMITS_H_
#define SENDGUARD_LIMITS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace sendguard {

struct Limits {
  // Raw message size accepted for parsing; larger input is truncated to this.
  std::size_t max_message_bytes = 64u << 20;
  // Nesting of containers below the top message: attached messages and archives
  // (an archive inside an archive inside a message is depth 2).
  int max_depth = 8;
  // MIME parts in the whole tree, attached messages included.
  int max_parts = 1000;
  // Header fields in one message (its parts' and attached messages' header
  // blocks included).
  int max_header_fields = 10000;
  // Bytes of one header field, folded lines included.
  std::size_t max_header_bytes = 1u << 20;
  // Addresses in one address field (From, To, Cc, Bcc, Reply-To, Sender and
  // their Resent- forms), counted by their separating commas: the rest of
  // that field is not read (reported as "addresses"); the message is.
  int max_addresses = 1000;
  // Addresses in all address fields of one message: the rest of the message
  // is not read (reported as "total-addresses").
  int max_total_addresses = 10000;
  // Multiparts open inside each other, attached messages' included.
  int max_multipart_nesting = 50;
  // Members read from all archives of one message.
  int max_archive_members = 2000;
  // Decompressed bytes read from one archive member.
  std::size_t max_member_bytes = 32u << 20;
  // Decompressed bytes read from all archives of one message.
  std::size_t max_expanded_bytes = 128u << 20;
  // Decompressed bytes an archive may yield per compressed byte (zip bombs).
  // Applies once an archive has expanded beyond max_expansion_floor bytes.
  double max_expansion_ratio = 100.0;
  std::size_t max_expansion_floor = 1u << 20;
  // Text kept from all parts of one message.
  std::size_t max_text_bytes = 16u << 20;
  // PDF pages read from one document.
  int max_pdf_pages = 500;
  // Wall-clock budget for parsing and extraction of one message.
  std::chrono::milliseconds max_time{10000};
  // Pictures and PDF pages read by OCR in one message; the rest are recorded
  // as not inspected ("ocr-skipped").
  int ocr_pages = 20;
  // Time spent on OCR in one message, within max_time; pictures and pages
  // left when it is spent are recorded as not inspected ("ocr-skipped").
  std::chrono::milliseconds ocr_time{5000};
  // Pixels of one picture or rendered page handed to OCR: a larger one is
  // not decoded (memory), and is recorded as not inspected.
  std::uint64_t max_ocr_pixels = 25'000'000;
};

}  // namespace sendguard

#endif  // SENDGUARD_LIMITS_H_
