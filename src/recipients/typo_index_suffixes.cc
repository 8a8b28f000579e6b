// The search steps that look beyond the label: the suffix, the dots and
// hyphens between labels.

#include <string>

#include "recipients/typo_search.h"

namespace sendguard {

using typo_keys::HashKey;
using typo_keys::Key;
using typo_keys::kWhole;
using typo_keys::Target;

// An unknown TLD can be the end of a mistyped multi-label suffix
// (magnet.co.ukk for magnet.co.uk): try the label left of each longer
// suffix too, with a suffix one edit from the entry's.
// A known one-label suffix can be the end of a mistyped longer one too
// (x.gov.dk for x.gov.uk).
void TypoIndex::Search::MultiLabelSuffixTypos() {
  if (c_.known_suffix && c_.suffix.find('.') != std::string::npos) return;
  std::string_view ascii = c_.ascii;
  std::vector<std::size_t> dots;  // positions of the dots, left to right
  for (std::size_t p = 0; p < ascii.size(); ++p) {
    if (ascii[p] == '.') dots.push_back(p);
  }
  // Suffixes of two and three labels: "co.ukk", "gov.co.ukk".
  for (std::size_t k = 2; k <= 3 && k <= dots.size(); ++k) {
    std::size_t suffix_dot = dots[dots.size() - k];
    std::size_t label_start = dots.size() > k ? dots[dots.size() - k - 1] + 1 : 0;
    std::string_view label = ascii.substr(label_start, suffix_dot - label_start);
    std::string_view suffix = ascii.substr(suffix_dot + 1);
    if (label.empty() || label.find('.') != std::string_view::npos) continue;
    ix_.Lookup(HashKey(Key::kNeighbour, label), Target::kLabel,
               [&](std::uint32_t block, std::uint32_t start, std::uint32_t) {
                 if (start != kWhole) return;
                 const LabelHeader h = ix_.Header(block);
                 if (ix_.LabelText(block, h) == label)
                   ix_.AddTldTypos(block, h, label, suffix, ascii.substr(0, label_start), out_);
               });
  }
}

// A dot added: ar.my.mil for army.mil.
void TypoIndex::Search::ExtraDots() {
  if (typo_keys::CountLabels(c_.ascii) < 3) return;
  std::size_t limit = c_.ascii.size() - c_.suffix.size() - 1;
  for (std::size_t p = 0; p < limit; ++p) {
    if (c_.ascii[p] != '.') continue;
    MissIfEntry(c_.ascii.substr(0, p) + c_.ascii.substr(p + 1), MissKind::kExtraDot);
  }
}

namespace {

// The last label of a domain or suffix.
std::string_view LastLabel(std::string_view name) {
  std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

}  // namespace

// The same label under another suffix of the same country: one with the
// same last label where either has more than one (x.org.bd for x.gov.bd,
// x.bd for x.com.bd, x.co.uk for x.uk). Suffixes one edit apart are
// kTldTypo's.
void TypoIndex::Search::AddSuffixSwaps(std::uint32_t block, const LabelHeader& h) {
  const std::string_view own = c_.suffix;
  const std::string_view tld = LastLabel(own);
  for (std::size_t k = 0; k < h.count; ++k) {
    const LabelDomain d = ix_.DomainOf(block, k);
    std::string_view s = ix_.suffixes_[d.suffix];
    if (s == own || LastLabel(s) != tld) continue;
    if (s.find('.') == std::string_view::npos && own.find('.') == std::string_view::npos) continue;
    if (BoundedEditDistance(s, own, 1) == 1 || Seen(d.id, MissKind::kSuffixSwap)) continue;
    Miss(d.id, MissKind::kSuffixSwap, std::string(prefix_) + c_.label + "." + std::string(s));
  }
}

void TypoIndex::Search::MissIfEntry(const std::string& name, MissKind kind) {
  ix_.Lookup(HashKey(Key::kExact, name), Target::kEntry,
             [&](std::uint32_t id, std::uint32_t, std::uint32_t) {
               if (ix_.Name(id) == name && name != c_.ascii && !Seen(id, kind)) {
                 Miss(id, kind, name);
               }
             });
}

// A hyphen typed for a dot, left of the suffix: us-af.mil (us.af.mil),
// name-com.bd (name.com.bd), and army-mil.com, a domain typed as a label
// with a suffix after it (army.mil). At most four hyphens are tried.
void TypoIndex::Search::HyphensForDots() {
  const std::string& ascii = c_.ascii;
  const std::size_t left = ascii.size() - c_.suffix.size() - 1;  // before the suffix's dot
  const std::size_t label_start = left - c_.label.size();
  int tried = 0;
  for (std::size_t p = label_start; p < left && tried < 4; ++p) {
    if (ascii[p] != '-') continue;
    ++tried;
    std::string dotted = ascii;
    dotted[p] = '.';
    MissIfEntry(dotted, MissKind::kHyphenForDot);
    MissIfEntry(dotted.substr(0, left), MissKind::kHyphenForDot);
  }
}

// "www" run into the label: wwwexample.com for example.com.
void TypoIndex::Search::GluedWww() {
  if (c_.label.size() <= 4 || !c_.label.starts_with("www")) return;
  const std::string plain = std::string(prefix_) + c_.label.substr(3) + "." + c_.suffix;
  MissIfEntry(plain, MissKind::kGluedWww);
  if (c_.label[3] == '-') {
    MissIfEntry(std::string(prefix_) + c_.label.substr(4) + "." + c_.suffix, MissKind::kGluedWww);
  }
}

}  // namespace sendguard
