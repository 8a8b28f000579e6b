#include "formats/json_reader.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "formats/geo_points.h"
#include "formats/text_reader.h"
#include "mail/charset.h"

namespace sendguard {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 9> kGeoJsonTypes = {
    "FeatureCollection", "Feature",         "Point",        "LineString",        "Polygon",
    "MultiPoint",        "MultiLineString", "MultiPolygon", "GeometryCollection"};

// The document as UTF-8: bytes in a charset that is not ASCII-compatible
// (UTF-16) or with a UTF-16 byte-order mark are transcoded.
std::string_view AsUtf8(std::string_view data, std::string_view charset, std::string& buf) {
  const bool bom16 = data.substr(0, 2) == "\xFE\xFF" || data.substr(0, 2) == "\xFF\xFE";
  if (!bom16 && (charset.empty() || IsAsciiCompatible(charset)) &&
      GuessUtf16(data.substr(0, 1024)).empty()) {
    return data;
  }
  buf = ToUtf8(data, charset);
  return buf;
}

struct Frame {
  bool array = false;
  bool coordinates = false;  // "coordinates" or inside one
  int numbers = 0;           // of an array: its numbers, its first two kept
  bool nested = false;       // of an array: holds an array or object
  double first = 0, second = 0;
};

class Handler : public nlohmann::json_sax<Json> {
 public:
  Handler(ReadContext& ctx, std::size_t max_out) : ctx_(ctx), max_out_(max_out) {}

  bool null() override { return Scalar("null"); }
  bool boolean(bool v) override { return Scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return Number(std::to_string(v), v); }
  bool number_unsigned(number_unsigned_t v) override {
    return Number(std::to_string(v), static_cast<double>(v));
  }
  bool number_float(number_float_t v, const string_t& s) override { return Number(s, v); }
  bool string(string_t& v) override {
    if (key_ == "type" && !stack_.empty() && !stack_.back().array &&
        std::find(kGeoJsonTypes.begin(), kGeoJsonTypes.end(), v) != kGeoJsonTypes.end()) {
      geojson_ = true;
    }
    return Scalar(v);
  }
  bool binary(binary_t&) override { return Scalar(""); }
  bool start_object(std::size_t) override { return Open(false); }
  bool key(string_t& k) override {
    key_ = k;
    return Tick();
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

  const std::string& out() const { return out_; }
  bool limited() const { return limited_; }
  bool geojson() const { return geojson_; }
  const GeoPoints& points() const { return points_; }

 private:
  bool Tick() {
    if ((++events_ & 4095) == 0 && !ctx_.HasTime(ctx_.blob().label)) {
      limited_ = true;
      return false;
    }
    return true;
  }

  bool Emit(std::string_view a, std::string_view b) {
    if (out_.size() + a.size() + b.size() + 3 > max_out_) {
      ctx_.Hit("expansion-ratio", ctx_.blob().label,
               "JSON text expanded beyond " + std::to_string(max_out_) + " bytes");
      limited_ = true;
      return false;
    }
    out_.append(a);
    if (!a.empty()) out_.append(b.empty() ? ":" : ": ");
    out_.append(b);
    out_.push_back('\n');
    return true;
  }

  // The key a value in the current container is reported under.
  std::string_view Key() const {
    return stack_.empty() || stack_.back().array ? std::string_view() : key_;
  }

  bool Scalar(std::string_view v) {
    if (!stack_.empty() && stack_.back().array) stack_.back().nested = true;
    return Tick() && Emit(Key(), v);
  }

  bool Number(const std::string& text, double v) {
    if (!stack_.empty() && stack_.back().array) {
      Frame& f = stack_.back();
      if (f.numbers == 0) f.first = v;
      if (f.numbers == 1) f.second = v;
      ++f.numbers;
    }
    return Tick() && Emit(Key(), text);
  }

  bool Open(bool array) {
    if (!Tick()) return false;
    if (stack_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      ctx_.Hit("depth", ctx_.blob().label,
               "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      limited_ = true;
      return false;
    }
    Frame f;
    f.array = array;
    if (!stack_.empty()) {
      Frame& parent = stack_.back();
      if (parent.array) parent.nested = true;
      f.coordinates = parent.coordinates || (!parent.array && key_ == "coordinates");
      if (!parent.array && !Emit(key_, "")) return false;
    }
    stack_.push_back(std::move(f));
    return true;
  }

  bool Close() {
    if (stack_.empty()) return false;
    const Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.array && f.coordinates && !f.nested) {
      if (f.numbers >= 2 && f.numbers <= 4) {
        points_.Add(f.second, f.first);
      } else {
        points_.Add(NAN, NAN);  // counted as rejected
      }
    }
    return Tick();
  }

  ReadContext& ctx_;
  std::size_t max_out_;
  std::string out_;
  std::string key_;
  std::vector<Frame> stack_;
  std::uint64_t events_ = 0;
  bool limited_ = false;
  bool geojson_ = false;
  GeoPoints points_;
};

}  // namespace

bool LooksLikeJson(std::string_view data, std::string_view charset) {
  std::string buf;
  std::string_view s = AsUtf8(data.substr(0, 1024), charset, buf);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return !s.empty() && (s.front() == '{' || s.front() == '[');
}

bool JsonReader::Accepts(const Blob& blob, ContentKind sniffed) const {
  return sniffed == ContentKind::kText && LooksLikeJson(blob.data, blob.charset);
}

void JsonReader::Read(const Blob& blob, ReadContext& ctx) const {
  std::string buf;
  const std::string_view json = AsUtf8(blob.data, blob.charset, buf);
  const Limits& limits = ctx.limits();
  const double ratio_bytes = limits.max_expansion_ratio * static_cast<double>(json.size());
  const std::size_t max_out = std::max(limits.max_expansion_floor,
                                       ratio_bytes > static_cast<double>(limits.max_expanded_bytes)
                                           ? limits.max_expanded_bytes
                                           : static_cast<std::size_t>(ratio_bytes));
  Handler handler(ctx, max_out);
  bool ok = false;
  try {
    ok = Json::sax_parse(json.begin(), json.end(), &handler, nlohmann::detail::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/false);
  } catch (const std::exception&) {
    ok = false;
  }
  ok = ok && !handler.limited();
  if (handler.geojson()) handler.points().Record(ctx, "geojson");
  if (ok) {
    ctx.AddText(SanitizeUtf8(handler.out()));
    // What TextReader would find besides the text: PGP armour, encoded files.
    ReadTextExtras(blob, PlainText(blob), ctx);
    return;
  }
  if (!handler.out().empty()) ctx.AddText(SanitizeUtf8(handler.out()), "#json");
  ReadPlainText(blob, ctx);
}

}  // namespace sendguard
