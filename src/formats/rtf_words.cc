// The vocabulary of RTF (formats/rtf_words.h).

#include "formats/rtf_words.h"

#include <algorithm>
#include <iterator>

namespace sendguard {
namespace {

// Destinations whose text is not read.
constexpr std::string_view kSkipped[] = {
    "colortbl",     "stylesheet",   "listtable",    "listoverridetable",
    "revtbl",       "rsidtbl",      "themedata",    "colorschememapping",
    "datastore",    "latentstyles", "generator",    "xmlnstbl",
    "filetbl",      "pgdsctbl",     "nonshppict",   "sn",
    "sv",           "bkmkstart",    "bkmkend",      "creatim",
    "revtim",       "printim",      "buptim",       "falt",
    "panose",       "protusertbl",  "fchars",       "lchars",
    "mmathPr",      "pnseclvl",     "template",     "wgrffmtfilter",
    "passwordhash", "mhtmltag",     "pntxta",       "pntxtb",
    "listpicture",  "fontemb",      "fontfile",     "blipuid",
    "picprop",      "xmlattrname",  "xmlattrvalue", "xmlname",
    "ud",  // the Unicode twin of an \upr group, whose ANSI text is read
};

// Ignorable destinations ({\*\word ...}) whose text is worth scanning.
constexpr std::string_view kIgnorableRead[] = {
    "fldinst",   "annotation", "atnauthor",  "atnid",    "docvar",    "userprops", "propname",
    "staticval", "company",    "shppict",    "shpinst",  "shptxt",    "listtext",  "pntext",
    "ftnalt",    "comment",    "category",   "manager",  "hlinkbase", "aftnsep",   "keywords",
    "title",     "subject",    "author",     "operator", "doccomm",   "formfield", "ffdeftext",
    "ffname",    "ffstattext", "ffhelptext", "ffl",      "datafield", "result",
};

// Destinations read as a field of their own: their text is put on its own
// line so that it does not run into the text around it.
constexpr std::string_view kLineGroups[] = {
    "title",      "subject",    "author",  "manager",    "company",  "operator", "category",
    "keywords",   "comment",    "doccomm", "hlinkbase",  "fldinst",  "docvar",   "propname",
    "staticval",  "atnauthor",  "atnid",   "annotation", "footnote", "header",   "footer",
    "headerl",    "headerr",    "headerf", "footerl",    "footerr",  "footerf",  "ffdeftext",
    "ffstattext", "ffhelptext", "ffname",
};

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

bool IsSkippedDestination(std::string_view word) { return In(kSkipped, word); }
bool IsReadIgnorable(std::string_view word) { return In(kIgnorableRead, word); }
bool IsLineDestination(std::string_view word) { return In(kLineGroups, word); }

std::string_view SymbolWordText(std::string_view w) {
  if (w == "emdash") return "\u2014";
  if (w == "endash") return "\u2013";
  if (w == "emspace" || w == "enspace" || w == "qmspace") return " ";
  if (w == "bullet") return "\u2022";
  if (w == "lquote") return "\u2018";
  if (w == "rquote") return "\u2019";
  if (w == "ldblquote") return "\u201C";
  if (w == "rdblquote") return "\u201D";
  return {};
}

int CodepageOfCharset(int charset) {
  switch (charset) {
    case 77:
      return 10000;
    case 128:
      return 932;
    case 129:
      return 949;
    case 130:
      return 1361;
    case 134:
      return 936;
    case 136:
      return 950;
    case 161:
      return 1253;
    case 162:
      return 1254;
    case 163:
      return 1258;
    case 177:
      return 1255;
    case 178:
      return 1256;
    case 186:
      return 1257;
    case 204:
      return 1251;
    case 222:
      return 874;
    case 238:
      return 1250;
    case 255:
      return 437;
    default:
      return 0;
  }
}

std::string CharsetOfCodepage(int cp) {
  switch (cp) {
    case 65001:
      return "utf-8";
    case 932:
      return "windows-31j";
    case 936:
      return "gbk";
    case 949:
      return "windows-949";
    case 950:
      return "big5";
    case 10000:
      return "macintosh";
    case 1361:
      return "johab";
    case 437:
    case 850:
    case 852:
    case 866:
      return "ibm" + std::to_string(cp);
    default:
      return "windows-" + std::to_string(cp);
  }
}

}  // namespace sendguard
