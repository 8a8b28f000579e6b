#include "store/held_fields.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_set>

namespace sendguard {
namespace {

void Escape(std::string_view field, std::string* out) {
  for (char c : field) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      default:
        out->push_back(c);
    }
  }
}

char Unescaped(char c) { return c == 't' ? '\t' : c == 'n' ? '\n' : c; }

// j[key] when it is a string, else "".
std::string Text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& s : lines) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t nl = s.find('\n');
    out.emplace_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

std::string EncodeRows(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r > 0) out.push_back('\n');
    for (std::size_t f = 0; f < rows[r].size(); ++f) {
      if (f > 0) out.push_back('\t');
      Escape(rows[r][f], &out);
    }
  }
  return out;
}

std::vector<std::vector<std::string>> DecodeRows(std::string_view text, std::size_t fields) {
  std::vector<std::vector<std::string>> rows;
  if (text.empty()) return rows;
  std::vector<std::string> row(1);
  auto end_row = [&] {
    row.resize(fields);
    rows.push_back(std::move(row));
    row.assign(1, std::string());
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      row.back().push_back(Unescaped(text[++i]));
    } else if (c == '\t') {
      row.emplace_back();
    } else if (c == '\n') {
      end_row();
    } else {
      row.back().push_back(c);
    }
  }
  end_row();
  return rows;
}

std::string EncodeCorrections(const Corrections& corrections) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [held, suggestion] : corrections) rows.push_back({held, suggestion});
  return EncodeRows(rows);
}

Corrections DecodeCorrections(std::string_view text) {
  Corrections out;
  for (std::vector<std::string>& row : DecodeRows(text, 2)) {
    out.emplace_back(std::move(row[0]), std::move(row[1]));
  }
  return out;
}

std::string EncodeReasons(const std::vector<HeldReason>& reasons) {
  std::vector<std::vector<std::string>> rows;
  for (const HeldReason& r : reasons) rows.push_back({r.address, r.code, r.detail});
  return EncodeRows(rows);
}

std::vector<HeldReason> DecodeReasons(std::string_view text) {
  std::vector<HeldReason> out;
  for (std::vector<std::string>& row : DecodeRows(text, 3)) {
    out.push_back({std::move(row[0]), std::move(row[1]), std::move(row[2])});
  }
  return out;
}

void FillHeldFieldsFromDecision(HeldMessage* m) {
  m->corrections.clear();
  m->reasons.clear();
  const nlohmann::json d = nlohmann::json::parse(m->decision_json, nullptr, false);
  if (d.is_discarded() || !d.is_object() || !d.contains("recipients") ||
      !d["recipients"].is_array()) {
    return;
  }
  // A set: a search of the list per verdict is quadratic in the recipients.
  const std::unordered_set<std::string_view> held_set(m->recipients.begin(), m->recipients.end());
  for (const nlohmann::json& v : d["recipients"]) {
    if (!v.is_object()) continue;
    const std::string address = Text(v, "address");
    const bool held = held_set.count(address) != 0;
    if (held && v.contains("suggestion") && v["suggestion"].is_string()) {
      m->corrections.emplace_back(address, v["suggestion"].get<std::string>());
    }
    if (!v.contains("reasons") || !v["reasons"].is_array()) continue;
    for (const nlohmann::json& r : v["reasons"]) {
      if (r.is_object()) m->reasons.push_back({address, Text(r, "code"), Text(r, "detail")});
    }
  }
}

}  // namespace sendguard
