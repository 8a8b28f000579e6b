#include "mail/extractor.h"

namespace sendguard {

ContentKind Extractor::Extract(const Blob& blob) {
  ContentKind kind = Sniff(blob.data, blob.content_type, blob.filename);
  if (!budget_.HasTime(blob.label)) return kind;
  const DocumentReader* reader = registry_.Find(blob, kind);
  if (reader == nullptr) return kind;
  if (reader->IsContainer() && !budget_.AllowDepth(blob.depth + 1, blob.label)) return kind;
  ReadContext ctx(*this, budget_, blob, kind);
  reader->Read(blob, ctx);
  return kind;
}

}  // namespace sendguard
