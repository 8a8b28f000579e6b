#include "formats/message_reader.h"

namespace sendguard {

void MessageReader::Read(const Blob& blob, ReadContext& ctx) const { ctx.RecurseMessage(blob); }

}  // namespace sendguard
