// The typed fields of a held message (corrections, reasons) as text for a
// store's columns, and read back out of a stored decision for messages held
// before the fields existed. Internal to src/store/.

#ifndef SENDGUARD_STORE_HELD_FIELDS_H_
#define SENDGUARD_STORE_HELD_FIELDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/quarantine_store.h"

namespace sendguard {

// The lines of a list of addresses as one text, and back ("" is none).
std::string JoinLines(const std::vector<std::string>& lines);
std::vector<std::string> SplitLines(std::string_view text);

using Corrections = std::vector<std::pair<std::string, std::string>>;

// `rows` as one text: fields joined by tabs, rows by newlines, with
// backslash, tab and newline inside fields escaped. Exact for any bytes.
std::string EncodeRows(const std::vector<std::vector<std::string>>& rows);
// The rows of EncodeRows's text, each with `fields` fields (missing ones
// empty, extra ones dropped). "" is no rows.
std::vector<std::vector<std::string>> DecodeRows(std::string_view text, std::size_t fields);

std::string EncodeCorrections(const Corrections& corrections);
Corrections DecodeCorrections(std::string_view text);
std::string EncodeReasons(const std::vector<HeldReason>& reasons);
std::vector<HeldReason> DecodeReasons(std::string_view text);

// Sets `m`'s corrections and reasons from its decision_json (the decision as
// scan prints it: {"recipients":[{"address","suggestion","reasons":[{"code",
// "detail"}]}]}): the suggestions of its held recipients and every reason.
// Leaves both empty when the decision is not of that shape.
void FillHeldFieldsFromDecision(HeldMessage* m);

}  // namespace sendguard

#endif  // SENDGUARD_STORE_HELD_FIELDS_H_
