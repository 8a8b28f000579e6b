// The text of RTF documents (formats/rtf_text.h): an interpreter over the
// tokens of formats/rtf_tokenizer.h keeping one state per open group.

#include "formats/rtf_text.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "formats/rtf_tokenizer.h"
#include "formats/rtf_words.h"
#include "mail/charset.h"
#include "util/strings.h"

namespace sendguard {
namespace {

// Where the content of a group goes.
enum class Dest {
  kText,       // document text
  kSkip,       // not read
  kFontTable,  // \fonttbl: font numbers and their character sets
  kPicture,    // \pict data
  kObjData,    // \objdata: an embedded object
  kObjClass,   // \objclass: the class name of the object
  kHtmlTag,    // encapsulated HTML markup
};

struct GroupState {
  Dest dest = Dest::kText;
  int uc = 1;           // fallback characters after \uN
  int codepage = 1252;  // of \'hh bytes and 8-bit text
  bool htmlrtf = false;
  bool line_group = false;  // a field of its own: ends a line when it closes
  bool collects = false;    // opened the picture or object being collected
};

// The largest \ucN honoured: a larger count would let fallback text
// swallow text a reader shows.
constexpr int kMaxUc = 8;
constexpr std::size_t kMaxFonts = 4096;
constexpr std::size_t kMaxClassName = 128;

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::uint32_t Le32(std::string_view d, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(d[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(d[at + 3])) << 24;
}

// The native data of an OLE1 embedded object (MS-OLEDS 2.2.4: version,
// format 2, class, topic and item names, then the data), or `data` itself
// when it is not one.
std::string_view Ole1Native(std::string_view d) {
  std::size_t at = 8;
  if (d.size() < at || Le32(d, 4) != 2) return d;
  for (int i = 0; i < 3; ++i) {  // class, topic, item
    if (d.size() - at < 4) return d;
    const std::uint32_t len = Le32(d, at);
    at += 4;
    if (len > d.size() - at) return d;
    at += len;
  }
  if (d.size() - at < 4) return d;
  const std::uint32_t size = Le32(d, at);
  at += 4;
  return d.substr(at, std::min<std::size_t>(size, d.size() - at));
}

std::string ObjectExtension(std::string_view cls) {
  if (cls.starts_with("Word.Document")) return ".doc";
  if (cls.starts_with("Excel.")) return ".xls";
  if (cls.starts_with("PowerPoint.")) return ".ppt";
  return ".bin";
}

class RtfInterpreter {
 public:
  RtfInterpreter(std::string_view rtf, const RtfOptions& options)
      : tokens_(rtf), options_(options) {
    stack_.emplace_back();
  }

  RtfText Run() {
    for (RtfToken t = tokens_.Next(); t.kind != RtfToken::kEnd; t = tokens_.Next()) {
      switch (t.kind) {
        case RtfToken::kText:
          Text(t.text);
          break;
        case RtfToken::kHexByte:
          Byte(t.byte);
          break;
        case RtfToken::kGroupStart:
          Open();
          break;
        case RtfToken::kGroupEnd:
          Close();
          break;
        case RtfToken::kControlWord:
          Word(t);
          break;
        case RtfToken::kControlSymbol:
          Symbol(t.text[0]);
          break;
        case RtfToken::kBinary:
          Binary(t.text);
          break;
        case RtfToken::kEnd:
          break;
      }
    }
    Flush();
    out_.unbalanced = stack_.size() > 1 || flattened_ > 0;
    while (stack_.size() > 1) Pop();
    if (collecting_) Finish();
    return std::move(out_);
  }

 private:
  GroupState& state() { return stack_.back(); }

  // A fallback character after \uN: true when it is skipped.
  bool Skipped() {
    if (skip_ == 0) return false;
    --skip_;
    return true;
  }

  void Text(std::string_view text) {
    while (skip_ > 0 && !text.empty()) {
      --skip_;
      text.remove_prefix(1);
    }
    if (text.empty()) return;
    switch (state().dest) {
      case Dest::kPicture:
      case Dest::kObjData:
        Hex(text);
        break;
      case Dest::kObjClass:
        if (class_.size() < kMaxClassName) class_ += text.substr(0, kMaxClassName);
        break;
      case Dest::kText:
      case Dest::kHtmlTag:
        Bytes(text);
        break;
      default:
        break;
    }
  }

  void Byte(unsigned char b) {
    if (Skipped()) return;
    const Dest d = state().dest;
    if (d == Dest::kText || d == Dest::kHtmlTag) {
      Bytes(std::string_view(reinterpret_cast<const char*>(&b), 1));
    } else if (d == Dest::kPicture || d == Dest::kObjData) {
      Keep(std::string_view(reinterpret_cast<const char*>(&b), 1));
    }
  }

  // 8-bit text in the state's code page, decoded when the run ends.
  void Bytes(std::string_view bytes) {
    if (!pending_.empty() && pending_cp_ != state().codepage) Flush();
    pending_cp_ = state().codepage;
    pending_ += bytes;
    if (pending_.size() > (64u << 10)) Flush();
  }

  void Flush() {
    if (pending_.empty()) return;
    std::string bytes = std::move(pending_);
    pending_.clear();
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    Emit(ascii ? bytes : ToUtf8(bytes, CharsetOfCodepage(pending_cp_)));
  }

  // Where text read now goes.
  std::string& Target() {
    if (html_ && (state().dest == Dest::kHtmlTag || !state().htmlrtf)) return out_.html;
    return out_.text;
  }

  void Emit(std::string_view utf8) {
    if (utf8.empty()) return;
    std::string& target = Target();
    if (target.size() + utf8.size() > options_.max_text_bytes) {
      out_.text_cut = true;
      std::size_t room = options_.max_text_bytes - std::min(options_.max_text_bytes, target.size());
      while (room > 0 && room < utf8.size() &&
             (static_cast<unsigned char>(utf8[room]) & 0xC0) == 0x80) {
        --room;
      }
      utf8 = utf8.substr(0, room);
    }
    target += utf8;
  }

  // Text a control word or symbol stands for.
  void Put(std::string_view utf8) {
    const Dest d = state().dest;
    if (d != Dest::kText && d != Dest::kHtmlTag) return;
    Flush();
    Emit(utf8);
  }

  void Unicode(std::int32_t n) {
    std::uint32_t cp =
        n < 0 ? static_cast<std::uint32_t>(n + 65536) : static_cast<std::uint32_t>(n);
    skip_ = state().uc;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      high_ = cp;
      return;
    }
    std::string s;
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      // A low surrogate after its high one; alone, it stands for nothing.
      cp = high_ == 0 ? 0xFFFD : 0x10000 + ((high_ - 0xD800) << 10) + (cp - 0xDC00);
    } else if (high_ != 0) {
      AppendUtf8(s, 0xFFFD);
    }
    high_ = 0;
    if (cp > 0x10FFFF) cp = 0xFFFD;
    AppendUtf8(s, cp);
    Put(s);
  }

  void Open() {
    Flush();
    skip_ = 0;
    if (flattened_ > 0 || static_cast<int>(stack_.size()) > options_.max_depth) {
      ++flattened_;
      out_.depth_cut = true;
      return;
    }
    GroupState next = state();
    next.line_group = false;
    next.collects = false;
    stack_.push_back(next);
    star_ = false;
  }

  void Close() {
    Flush();
    skip_ = 0;
    star_ = false;
    if (flattened_ > 0) {
      --flattened_;
      return;
    }
    if (stack_.size() > 1) Pop();
  }

  void Pop() {
    const GroupState closed = stack_.back();
    stack_.pop_back();
    if (closed.collects) Finish();
    if (closed.line_group) Put("\n");
    if (closed.dest == Dest::kFontTable && deff_ >= 0) state().codepage = FontCodepage(deff_);
  }

  int FontCodepage(std::int32_t font) const {
    auto it = fonts_.find(font);
    return it == fonts_.end() || it->second == 0 ? doc_cp_ : it->second;
  }

  // Sets the destination of the group the control word opens.
  void SetDest(Dest d) {
    if (flattened_ > 0) return;  // a flattened group may not change its enclosing one
    if ((d == Dest::kPicture || d == Dest::kObjData) &&
        (collecting_ || static_cast<int>(out_.embedded.size()) >= options_.max_embedded)) {
      if (!collecting_) ++out_.embedded_skipped;
      d = Dest::kSkip;
    }
    state().dest = d;
    if (d == Dest::kPicture || d == Dest::kObjData) {
      collecting_ = true;
      state().collects = true;
      picture_ = d == Dest::kPicture;
      data_.clear();
      cut_ = false;
      nibble_ = -1;
      ext_ = ".bin";
    }
  }

  void Hex(std::string_view text) {
    for (char c : text) {
      const int v = HexDigitValue(c);
      if (v < 0) continue;
      if (nibble_ < 0) {
        nibble_ = v;
      } else {
        const char b = static_cast<char>(nibble_ * 16 + v);
        nibble_ = -1;
        Keep(std::string_view(&b, 1));
      }
    }
  }

  void Keep(std::string_view bytes) {
    const std::size_t room = options_.max_embedded_bytes - data_.size();
    if (bytes.size() > room) {
      cut_ = true;
      bytes = bytes.substr(0, room);
    }
    data_ += bytes;
  }

  void Finish() {
    collecting_ = false;
    const int n = static_cast<int>(out_.embedded.size()) + 1;
    RtfEmbedded e;
    if (picture_) {
      e.name = "picture" + std::to_string(n) + ext_;
      e.data = std::move(data_);
    } else {
      e.name = "object" + std::to_string(n) + ObjectExtension(class_);
      e.data = std::string(Ole1Native(data_));
    }
    data_.clear();
    e.cut = cut_;
    if (!e.data.empty()) out_.embedded.push_back(std::move(e));
  }

  void Binary(std::string_view bytes) {
    if (Skipped()) return;
    const Dest d = state().dest;
    if (d == Dest::kPicture || d == Dest::kObjData) Keep(bytes);
  }

  void Symbol(char c) {
    if (c == '*') {
      star_ = true;
      return;
    }
    if (Skipped()) return;
    switch (c) {
      case '\\':
      case '{':
      case '}':
        if (state().dest == Dest::kText || state().dest == Dest::kHtmlTag) {
          Bytes(std::string_view(&c, 1));
        } else if (state().dest == Dest::kObjClass && class_.size() < kMaxClassName) {
          class_ += c;
        }
        break;
      case '~':
        Put(" ");
        break;
      case '_':
        Put("-");
        break;
      case '\n':
      case '\r':
        Put(html_ ? "\r\n" : "\n");
        break;
      default:
        break;  // \- optional hyphen, \| \: index marks
    }
  }

  void Word(const RtfToken& t);

  RtfTokenizer tokens_;
  const RtfOptions& options_;
  RtfText out_;
  std::vector<GroupState> stack_;
  int flattened_ = 0;  // groups open past max_depth
  bool star_ = false;  // the last token was \*
  int skip_ = 0;       // fallback characters left to skip
  std::uint32_t high_ = 0;
  std::string pending_;
  int pending_cp_ = 1252;
  int doc_cp_ = 1252;
  std::int32_t deff_ = -1;
  std::int32_t font_ = 0;  // the font the font table is describing
  std::map<std::int32_t, int> fonts_;
  bool html_ = false;
  // The picture or object being collected.
  bool collecting_ = false;
  bool picture_ = false;
  std::string data_;
  bool cut_ = false;
  int nibble_ = -1;
  std::string ext_ = ".bin";
  std::string class_;
};

void RtfInterpreter::Word(const RtfToken& t) {
  const std::string_view w = t.text;
  const bool ignorable = star_;
  star_ = false;
  if (w == "u" && t.has_param) {
    if (Skipped()) return;
    return Unicode(t.param);
  }
  high_ = 0;
  if (Skipped()) return;
  Flush();
  GroupState& s = state();
  // Words that change how the rest is read, in any destination.
  if (w == "uc") {
    s.uc = std::clamp<std::int32_t>(t.param, 0, kMaxUc);
    return;
  }
  if (w == "htmlrtf") {
    s.htmlrtf = !t.has_param || t.param != 0;
    return;
  }
  if (s.dest == Dest::kFontTable) {
    if (w == "f") {
      font_ = t.param;
    } else if ((w == "fcharset" || w == "cpg") && fonts_.size() < kMaxFonts) {
      fonts_[font_] = w == "cpg" ? t.param : CodepageOfCharset(t.param);
    } else if (ignorable) {
      SetDest(Dest::kSkip);
    }
    return;
  }
  if (s.dest == Dest::kSkip) return;
  if (s.dest == Dest::kPicture) {
    if (w == "pngblip") ext_ = ".png";
    if (w == "jpegblip") ext_ = ".jpg";
    if (w == "emfblip") ext_ = ".emf";
    if (w == "wmetafile") ext_ = ".wmf";
    if (w == "macpict") ext_ = ".pict";
    if (w == "dibitmap" || w == "wbitmap") ext_ = ".bmp";
    if (ignorable) SetDest(Dest::kSkip);  // {\*\picprop}, {\*\blipuid}
    return;
  }
  // Destinations.
  if (w == "fonttbl") return SetDest(Dest::kFontTable);
  if (w == "pict") return SetDest(Dest::kPicture);
  if (w == "objdata") return SetDest(Dest::kObjData);
  if (w == "objclass") {
    class_.clear();
    return SetDest(Dest::kObjClass);
  }
  if (w == "htmltag") return SetDest(html_ ? Dest::kHtmlTag : Dest::kSkip);
  if (IsSkippedDestination(w)) return SetDest(Dest::kSkip);
  if (IsLineDestination(w) && flattened_ == 0 && !s.line_group) {
    s.line_group = true;
    Put("\n");
  }
  if (ignorable && !IsReadIgnorable(w)) return SetDest(Dest::kSkip);
  // Document settings.
  if (w == "ansicpg" && t.param > 0) {
    doc_cp_ = t.param;
    s.codepage = t.param;
  } else if (w == "ansi") {
    doc_cp_ = s.codepage = 1252;
  } else if (w == "mac") {
    doc_cp_ = s.codepage = 10000;
  } else if (w == "pc") {
    doc_cp_ = s.codepage = 437;
  } else if (w == "pca") {
    doc_cp_ = s.codepage = 850;
  } else if (w == "deff") {
    deff_ = t.param;
  } else if (w == "f" && t.has_param) {
    s.codepage = FontCodepage(t.param);
  } else if (w == "fromhtml") {
    html_ = !t.has_param || t.param != 0;
  } else if (w == "par" || w == "line" || w == "sect" || w == "page" || w == "row" ||
             w == "nestrow" || w == "column") {
    Put(html_ ? "\r\n" : "\n");
  } else if (w == "tab" || w == "cell" || w == "nestcell") {
    Put("\t");
  } else if (std::string_view text = SymbolWordText(w); !text.empty()) {
    Put(text);
  }
}

}  // namespace

RtfText ReadRtfText(std::string_view rtf, const RtfOptions& options) {
  return RtfInterpreter(rtf, options).Run();
}

}  // namespace sendguard
