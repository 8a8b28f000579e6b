#include "mail/part_source.h"

#include <algorithm>

namespace sendguard {
namespace {

// The encoded bytes of a part's content. GMime's parser keeps them as a
// bounded window on the message buffer, which is returned without a copy;
// any other stream is read into `*storage`.
std::string_view EncodedBytes(GMimeStream* stream, std::string* storage) {
  if (GMIME_IS_STREAM_MEM(stream)) {
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (array != nullptr) {
      gint64 len = static_cast<gint64>(array->len);
      gint64 start = std::clamp<gint64>(stream->bound_start, 0, len);
      gint64 end = stream->bound_end < 0 ? len : std::clamp<gint64>(stream->bound_end, start, len);
      return {reinterpret_cast<const char*>(array->data) + start,
              static_cast<std::size_t>(end - start)};
    }
  }
  // Read straight into `*storage`: a buffer on the stack would sit in every
  // frame of the (recursive) tree walk this is inlined into.
  g_mime_stream_reset(stream);
  constexpr std::size_t kChunk = 16384;
  for (;;) {
    std::size_t used = storage->size();
    storage->resize(used + kChunk);
    ssize_t n = g_mime_stream_read(stream, storage->data() + used, kChunk);
    storage->resize(used + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n <= 0) break;
  }
  g_mime_stream_reset(stream);
  return *storage;
}

}  // namespace

PartFields FieldsOf(GMimeObject* obj) {
  PartFields f;
  GMimeHeaderList* headers = g_mime_object_get_header_list(obj);
  const int n = headers == nullptr ? 0 : g_mime_header_list_get_count(headers);
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    if (name == nullptr || g_ascii_strncasecmp(name, "content-", 8) != 0) continue;
    std::vector<std::string>* into =
        g_ascii_strcasecmp(name + 8, "type") == 0                ? &f.content_type
        : g_ascii_strcasecmp(name + 8, "transfer-encoding") == 0 ? &f.transfer_encoding
        : g_ascii_strcasecmp(name + 8, "disposition") == 0       ? &f.disposition
                                                                 : nullptr;
    const char* raw = g_mime_header_get_raw_value(h);
    if (into != nullptr && raw != nullptr) into->push_back(raw);
  }
  return f;
}

std::string_view PartBytes(GMimePart* part, std::string* storage) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  GMimeStream* stream = wrapper == nullptr ? nullptr : g_mime_data_wrapper_get_stream(wrapper);
  return stream == nullptr ? std::string_view() : EncodedBytes(stream, storage);
}

std::string ContentBytes(GMimeObject* obj) {
  GMimeStream* stream = g_mime_stream_mem_new();
  g_mime_object_write_content_to_stream(obj, g_mime_format_options_get_default(), stream);
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  std::string out = array == nullptr ? std::string()
                                     : std::string(reinterpret_cast<const char*>(array->data),
                                                   static_cast<std::size_t>(array->len));
  g_object_unref(stream);
  return out;
}

}  // namespace sendguard
