// The console's files (web/), compiled into the binary so that the server
// needs nothing on disk and serves exactly what was built and tested.

#ifndef SENDGUARD_HTTP_WEB_ASSETS_H_
#define SENDGUARD_HTTP_WEB_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace sendguard {

struct WebAsset {
  const char* path;  // "/index.html", "/console.js", ...
  const char* content_type;
  std::string_view body;
};

extern const WebAsset kWebAssets[];
extern const std::size_t kWebAssetCount;

// The asset at `path`, or nullptr.
inline const WebAsset* FindWebAsset(std::string_view path) {
  for (std::size_t i = 0; i < kWebAssetCount; ++i) {
    if (kWebAssets[i].path == path) return &kWebAssets[i];
  }
  return nullptr;
}

}  // namespace sendguard

#endif  // SENDGUARD_HTTP_WEB_ASSETS_H_
