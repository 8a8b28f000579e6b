// BinHex 4.0 (RFC 1741): the encoding of classic Mac OS files in text.

#ifndef SENDGUARD_FORMATS_BINHEX_H_
#define SENDGUARD_FORMATS_BINHEX_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sendguard {

struct BinHexFile {
  std::string name = {};         // from the header, may be empty
  std::string data = {};         // the data fork
  std::string resource = {};     // the resource fork
  bool cut = false;              // a fork was cut at max_bytes
  bool ratio_cut = false;        // the expansion stopped at the ratio
  std::string_view defect = {};  // "binhex-corrupt", "binhex-truncated", "binhex-crc"
  std::size_t end = 0;           // offset in the text just past the block
};

// Decodes the BinHex data in `text` starting at `pos` (after the "(This
// file must be converted with BinHex 4.0)" line): white space, then ':',
// 6-bit characters with line breaks anywhere, and ':'. Each fork keeps at
// most `max_bytes`; run-length expansion stops once the expanded bytes pass
// both `floor` and `ratio` times the encoded bytes read. Header and fork
// CRCs are checked. Linear in the block's length.
BinHexFile DecodeBinHex(std::string_view text, std::size_t pos, std::size_t max_bytes, double ratio,
                        std::size_t floor);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_BINHEX_H_
