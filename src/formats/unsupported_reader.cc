#include "formats/unsupported_reader.h"

namespace sendguard {

void UnsupportedReader::Read(const Blob& blob, ReadContext& ctx) const {
  ctx.Defect("unsupported-document", blob.label);
}

}  // namespace sendguard
