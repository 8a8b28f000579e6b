// Compressed RTF (MS-OXRTFCP): the form Outlook stores a message's RTF body
// in (PR_RTF_COMPRESSED in .msg files and TNEF streams), decompressed with
// libytnef after its header has been checked here.

#ifndef SENDGUARD_FORMATS_COMPRESSED_RTF_H_
#define SENDGUARD_FORMATS_COMPRESSED_RTF_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sendguard {

// The RTF held in `data`, or nullopt when `data` is not compressed RTF, is
// damaged, or declares more than `max_bytes` of RTF.
std::optional<std::string> DecompressRtf(std::string_view data, std::size_t max_bytes);

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_COMPRESSED_RTF_H_
