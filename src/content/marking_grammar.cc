#include "content/marking_grammar.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include "content/classification_level.h"
#include "util/ascii.h"
#include "util/strings.h"

namespace sendguard {
namespace {

bool IsUpperOrDigit(char c) { return IsAsciiUpper(c) || IsAsciiDigit(c); }

// The blocks of the grammar, in the order they follow the classification.
enum Category { kNone, kNonUs, kSci, kSap, kAea, kFgi, kDissemination, kNonIcDissemination };

struct Control {
  std::string_view name;
  Category category;
};

// Controls of the CAPCO register (banner and portion forms).
constexpr Control kControls[] = {
    {"SI", kSci},
    {"TK", kSci},
    {"HCS", kSci},
    {"G", kSci},
    {"KDK", kSci},
    {"RSV", kSci},
    {"BUR", kSci},
    {"EL", kSci},
    {"COMINT", kSci},
    {"TALENT KEYHOLE", kSci},
    {"GAMMA", kSci},
    {"KLONDIKE", kSci},
    {"HVSACO", kSap},
    {"WAIVED", kSap},
    {"SAR", kSap},
    {"RD", kAea},
    {"FRD", kAea},
    {"CNWDI", kAea},
    {"SIGMA", kAea},
    {"TFNI", kAea},
    {"UCNI", kAea},
    {"DOD UCNI", kAea},
    {"DOE UCNI", kAea},
    {"DCNI", kAea},
    {"DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION", kAea},
    {"DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION", kAea},
    {"RESTRICTED DATA", kAea},
    {"FORMERLY RESTRICTED DATA", kAea},
    {"FGI", kFgi},
    {"NATO", kFgi},
    {"COSMIC", kFgi},
    {"ATOMAL", kFgi},
    {"NOFORN", kDissemination},
    {"NF", kDissemination},
    {"ORCON", kDissemination},
    {"OC", kDissemination},
    {"ORCON-USGOV", kDissemination},
    {"OC-USGOV", kDissemination},
    {"IMCON", kDissemination},
    {"IMC", kDissemination},
    {"PROPIN", kDissemination},
    {"PR", kDissemination},
    {"RELIDO", kDissemination},
    {"REL", kDissemination},
    {"FISA", kDissemination},
    {"DSEN", kDissemination},
    {"RS", kDissemination},
    {"RISK SENSITIVE", kDissemination},
    {"DISPLAYONLY", kDissemination},
    {"RSEN", kDissemination},
    {"NOCONTRACT", kDissemination},
    {"EYES ONLY", kDissemination},
    {"FOUO", kDissemination},
    {"FOR OFFICIAL USE ONLY", kDissemination},
    {"DEA SENSITIVE", kNonIcDissemination},
    {"LIMDIS", kNonIcDissemination},
    {"DS", kNonIcDissemination},
    {"EXDIS", kNonIcDissemination},
    {"XD", kNonIcDissemination},
    {"NODIS", kNonIcDissemination},
    {"ND", kNonIcDissemination},
    {"SBU", kNonIcDissemination},
    {"SBU-NF", kNonIcDissemination},
    {"SBU NOFORN", kNonIcDissemination},
    {"LES", kNonIcDissemination},
    {"LES-NF", kNonIcDissemination},
    {"LES NOFORN", kNonIcDissemination},
    {"SSI", kNonIcDissemination},
    {"NNPI", kNonIcDissemination},
    {"ALT", kNonIcDissemination},
    {"ACCM", kNonIcDissemination},
};

// Controls that take a compartment, caveat or nickname after them
// ("SI-G ABCD", "SAR-BP", "RD-SIGMA 20", "ACCM-NICKNAME", "REL TO USA, GBR").
constexpr Control kPrefixes[] = {
    {"SI-", kSci},
    {"TK-", kSci},
    {"HCS-", kSci},
    {"KDK-", kSci},
    {"RSV-", kSci},
    {"SAR-", kSap},
    {"SPECIAL ACCESS REQUIRED-", kSap},
    {"RD-", kAea},
    {"FRD-", kAea},
    {"RESTRICTED DATA-", kAea},
    {"FORMERLY RESTRICTED DATA-", kAea},
    {"SIGMA ", kAea},
    {"FGI ", kFgi},
    {"REL TO ", kDissemination},
    {"RELEASABLE TO ", kDissemination},
    {"DISPLAY ONLY", kDissemination},
    {"ACCM-", kNonIcDissemination},
};

// Country trigraphs and tetragraphs that are common in REL TO lists, FGI
// and JOINT markings.
constexpr std::string_view kCountries[] = {
    "USA", "GBR", "CAN",  "AUS",  "NZL",  "DEU",  "FRA",  "ITA",  "ESP", "NLD", "BEL", "NOR",
    "DNK", "POL", "TUR",  "JPN",  "KOR",  "ISR",  "PRT",  "GRC",  "CZE", "HUN", "ROU", "BGR",
    "EST", "LVA", "LTU",  "SVK",  "SVN",  "HRV",  "ALB",  "FIN",  "SWE", "ISL", "LUX", "AUT",
    "CHE", "IRL", "FVEY", "ACGU", "NATO", "ISAF", "KFOR", "TEYE", "EU"};

// The category of a control on the register; kNone for any other token.
Category RegisteredCategory(std::string_view t) {
  for (const Control& c : kControls) {
    if (c.name == t) return c.category;
  }
  for (const Control& p : kPrefixes) {
    if (t.size() > p.name.size() && t.substr(0, p.name.size()) == p.name) return p.category;
  }
  if (t.substr(0, 12) == "DISPLAY ONLY") return kDissemination;
  return kNone;
}

bool IsCountry(std::string_view t) {
  return std::find(std::begin(kCountries), std::end(kCountries), t) != std::end(kCountries);
}

// Controls that make an UNCLASSIFIED marking worth reporting: those of
// unclassified information that is still controlled (FOUO, SBU, LES, UCNI,
// ...), and the atomic energy markings of information that is never
// unclassified ("UNCLASSIFIED//FRD" is a marking in error, not a release).
bool IsUnclassifiedControl(std::string_view t) {
  static constexpr std::string_view kUnclassified[] = {
      "FOUO",
      "FOR OFFICIAL USE ONLY",
      "SBU",
      "SBU-NF",
      "SBU NOFORN",
      "LES",
      "LES-NF",
      "LES NOFORN",
      "LIMDIS",
      "DS",
      "EXDIS",
      "XD",
      "NODIS",
      "ND",
      "SSI",
      "UCNI",
      "DOD UCNI",
      "DOE UCNI",
      "DCNI",
      "DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION",
      "DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION",
      "NNPI",
      "DEA SENSITIVE",
      "DSEN"};
  if (std::find(std::begin(kUnclassified), std::end(kUnclassified), t) != std::end(kUnclassified))
    return true;
  return t.substr(0, 5) == "ACCM-" || RegisteredCategory(t) == kAea;
}

// Whether `t` has the shape of a control: one to four words of upper-case
// letters, digits and inner hyphens ("SAR-XYZ", "SI-G ABCD", "RD-SIGMA 20"),
// the first starting with a letter.
bool IsControlShaped(std::string_view t) {
  if (t.empty() || !IsAsciiUpper(t[0])) return false;
  int words = 0;
  std::size_t at = 0;
  while (at <= t.size()) {
    std::size_t space = t.find(' ', at);
    if (space == std::string_view::npos) space = t.size();
    std::string_view w = t.substr(at, space - at);
    if (w.empty() || w.size() > 20 || ++words > 4) return false;
    if (w.front() == '-' || w.back() == '-' || w.find("--") != std::string_view::npos) return false;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return IsUpperOrDigit(c) || c == '-'; }))
      return false;
    at = space + 1;
  }
  return true;
}

// The words of `s`, split at spaces and commas.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t cut = s.find_first_of(" ,", at);
    if (cut == std::string_view::npos) cut = s.size();
    if (cut > at) out.push_back(s.substr(at, cut - at));
    at = cut + 1;
  }
  return out;
}

// A non-US or JOINT block: "NATO SECRET", "COSMIC TOP SECRET", "NS",
// "JOINT SECRET CAN USA", "DEU SECRET".
struct NonUs {
  int rank = 0;
  bool registered = false;
  bool complete = false;  // nothing but the marking in the block
  std::size_t end = 0;    // where the marking ends in the block
};

NonUs ParseNonUs(std::string_view block) {
  NonUs out;
  const std::vector<std::string_view> w = Words(block);
  if (w.empty()) return out;
  // NATO's own portion abbreviations.
  static constexpr std::pair<std::string_view, std::string_view> kNato[] = {
      {"CTS", "top-secret"},  {"CTS-B", "top-secret"}, {"CTS-BALK", "top-secret"},
      {"CTSA", "top-secret"}, {"NS", "secret"},        {"NSAT", "secret"},
      {"NC", "confidential"}, {"NCA", "confidential"}, {"NR", "restricted"},
      {"NU", "unclassified"}};
  for (const auto& [abbrev, level] : kNato) {
    if (w[0] == abbrev) return {ClassificationRank(level), true, w.size() == 1, w[0].size()};
  }
  std::size_t i = 1;
  if (w[0] == "COSMIC" || w[0] == "NATO" || w[0] == "JOINT") {
    out.registered = true;
  } else if (w[0].size() >= 3 && w[0].size() <= 4 &&
             std::all_of(w[0].begin(), w[0].end(), IsAsciiUpper)) {
    out.registered = IsCountry(w[0]);
    if (!out.registered && w[0].size() != 3) return out;  // tetragraphs only from the list
  } else {
    return out;
  }
  if (i + 1 < w.size() && w[i] == "TOP" && w[i + 1] == "SECRET") {
    out.rank = ClassificationRank("top-secret");
    i += 2;
  } else if (i < w.size()) {
    out.rank = MarkingLevelRank(w[i]);
    // A trigraph not on the list takes a spelled-out level only: "//ADD S"
    // is a code comment, "//XYZ SECRET" may be a marking.
    if (!out.registered && w[i].size() < 6) out.rank = 0;
    ++i;
  }
  if (out.rank == 0) return {};
  if (w[0] == "JOINT") {  // the participating countries
    std::size_t countries = 0;
    while (i < w.size() && w[i].size() >= 3 && w[i].size() <= 4 &&
           std::all_of(w[i].begin(), w[i].end(), IsAsciiUpper)) {
      ++i;
      ++countries;
    }
    if (countries == 0) return {};
  }
  out.complete = i == w.size();
  out.end = static_cast<std::size_t>(w[i - 1].data() + w[i - 1].size() - block.data());
  return out;
}

}  // namespace

int MarkingLevelRank(std::string_view word) {
  if (word == "TOP SECRET" || word == "TS") return ClassificationRank("top-secret");
  if (word == "SECRET" || word == "S") return ClassificationRank("secret");
  if (word == "CONFIDENTIAL" || word == "C") return ClassificationRank("confidential");
  if (word == "RESTRICTED" || word == "R") return ClassificationRank("restricted");
  if (word == "UNCLASSIFIED" || word == "U") return ClassificationRank("unclassified");
  return 0;
}

ParsedMarking ParseMarking(std::string_view marking) {
  ParsedMarking out;
  const std::size_t slashes = marking.find("//");
  if (slashes == std::string_view::npos) return out;
  out.end = slashes;
  bool registered = false, shaped = true, any = false;
  std::size_t at = slashes + 2;
  if (slashes == 0) {  // non-US or JOINT
    std::size_t cut = marking.find("//", 2);
    if (cut == std::string_view::npos) cut = marking.size();
    const NonUs n = ParseNonUs(marking.substr(2, cut - 2));
    if (n.rank == 0) return out;
    out.rank = n.rank;
    out.end = n.complete ? cut : marking.size();
    if (!n.complete) {  // words after it: prose, unless the marking is known
      out.shape = n.registered ? MarkingShape::kRegistered : MarkingShape::kMalformed;
      if (n.registered) out.end = 2 + n.end;
      return out;
    }
    registered = n.registered;
    any = true;
    at = cut + 2;
  } else {
    out.rank = MarkingLevelRank(TrimWhitespace(marking.substr(0, slashes)));
  }
  bool rel_to = false;  // inside "REL TO USA, GBR": the trigraphs that follow count
  while (at < marking.size()) {
    std::size_t cut = marking.find_first_of("/,", at);
    if (cut == std::string_view::npos) cut = marking.size();
    std::string_view token = TrimWhitespace(marking.substr(at, cut - at));
    if (token.substr(0, 7) == "REL TO " || token.substr(0, 14) == "RELEASABLE TO ") rel_to = true;
    const bool country = rel_to && (token.size() == 3 || token.size() == 4) &&
                         std::all_of(token.begin(), token.end(), IsAsciiUpper);
    // The longest run of the token's words that is a control: "NOFORN" of
    // "NOFORN 212-09-4821 X" (prose after the marking on the same line).
    std::string_view known;
    Category category = country ? kDissemination : RegisteredCategory(token);
    if (category != kNone) known = token;
    for (std::size_t space = token.rfind(' '); known.empty() && space != std::string_view::npos;
         space = space == 0 ? std::string_view::npos : token.rfind(' ', space - 1)) {
      std::string_view words = TrimWhitespace(token.substr(0, space));
      if (words.empty()) continue;
      category = RegisteredCategory(words);
      if (category != kNone) known = words;
    }
    any = true;
    out.unclassified_control |= IsUnclassifiedControl(token);
    if (!known.empty()) {
      registered = true;
      out.end = static_cast<std::size_t>(known.data() - marking.data()) + known.size();
      if (known.size() < token.size()) break;  // prose follows
    } else if (!IsControlShaped(token)) {
      shaped = false;
    }
    if (marking.substr(cut, 2) == "//") {
      rel_to = false;
      at = cut + 2;
      if (at >= marking.size()) shaped = false;  // "SECRET//NF//"
    } else {
      at = cut + 1;
    }
  }
  if (registered) {
    out.shape = MarkingShape::kRegistered;
  } else {
    out.end = marking.size();
    out.shape = any && shaped ? MarkingShape::kWellFormed : MarkingShape::kMalformed;
  }
  return out;
}

}  // namespace sendguard
