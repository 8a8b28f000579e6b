#include "tests/fixtures.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "sendguard/parser.h"

namespace sendguard::testing {
namespace {

struct WriterDeleter {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

using Writer = std::unique_ptr<struct archive, WriterDeleter>;

void Check(int rc, struct archive* a) {
  if (rc != ARCHIVE_OK) {
    throw std::runtime_error(std::string("libarchive: ") +
                             (archive_error_string(a) ? archive_error_string(a) : "error"));
  }
}

// Writes `files` with a writer configured by `setup`; returns the bytes.
template <typename Setup>
std::string WriteArchive(const Files& files, Setup setup) {
  Writer a(archive_write_new());
  setup(a.get());
  std::size_t capacity = 1 << 20;
  for (const auto& f : files) capacity += f.second.size() + 1024;
  std::string out(capacity, '\0');
  size_t used = 0;
  Check(archive_write_open_memory(a.get(), out.data(), out.size(), &used), a.get());
  for (const auto& [name, content] : files) {
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(),
                                                               archive_entry_free);
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    Check(archive_write_header(a.get(), e.get()), a.get());
    if (!content.empty() && archive_write_data(a.get(), content.data(), content.size()) !=
                                static_cast<la_ssize_t>(content.size())) {
      throw std::runtime_error("libarchive: short write");
    }
  }
  Check(archive_write_close(a.get()), a.get());
  out.resize(used);
  return out;
}

}  // namespace

std::string MakeZip(const Files& files) {
  return WriteArchive(files, [](struct archive* a) { archive_write_set_format_zip(a); });
}

std::string MakeEncryptedZip(const Files& files, const std::string& password) {
  return WriteArchive(files, [&](struct archive* a) {
    archive_write_set_format_zip(a);
    archive_write_set_options(a, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(a, password.c_str());
  });
}

std::string MakeTarGz(const Files& files) {
  return WriteArchive(files, [](struct archive* a) {
    archive_write_set_format_pax_restricted(a);
    archive_write_add_filter_gzip(a);
  });
}

std::string MakeGzip(const std::string& content) {
  return WriteArchive({{"data", content}}, [](struct archive* a) {
    archive_write_set_format_raw(a);
    archive_write_add_filter_gzip(a);
  });
}

std::string MakeZeroZip(std::size_t size) {
  Writer a(archive_write_new());
  archive_write_set_format_zip(a.get());
  archive_write_set_options(a.get(), "zip:compression-level=1");
  std::string out(size / 100 + (1 << 20), '\0');
  size_t used = 0;
  Check(archive_write_open_memory(a.get(), out.data(), out.size(), &used), a.get());
  std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(),
                                                             archive_entry_free);
  archive_entry_set_pathname(e.get(), "zeros.bin");
  archive_entry_set_size(e.get(), static_cast<la_int64_t>(size));
  archive_entry_set_filetype(e.get(), AE_IFREG);
  archive_entry_set_perm(e.get(), 0644);
  Check(archive_write_header(a.get(), e.get()), a.get());
  std::string chunk(1 << 20, '\0');
  for (std::size_t done = 0; done < size; done += chunk.size()) {
    std::size_t n = std::min(chunk.size(), size - done);
    archive_write_data(a.get(), chunk.data(), n);
  }
  Check(archive_write_close(a.get()), a.get());
  out.resize(used);
  return out;
}

std::string MakePdf(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 12 Tf 72 720 Td 14 TL\n";
  for (const std::string& line : lines) {
    std::string escaped;
    for (char c : line) {
      if (c == '(' || c == ')' || c == '\\') escaped.push_back('\\');
      escaped.push_back(c);
    }
    content += "(" + escaped + ") Tj T*\n";
  }
  content += "ET\n";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string MakeDocx(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& p : paragraphs) body += "<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>";
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body>" +
      body + "</w:body></w:document>";
  return MakeZip({{"[Content_Types].xml",
                   "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                   "package/2006/content-types\"/>"},
                  {"word/document.xml", document}});
}

std::string MakeXlsx(const std::vector<std::string>& strings,
                     const std::vector<std::string>& numbers) {
  std::string sst =
      "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main\">";
  for (const std::string& s : strings) sst += "<si><t>" + s + "</t></si>";
  sst += "</sst>";
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main\"><sheetData><row r=\"1\">";
  for (std::size_t i = 0; i < strings.size(); ++i) {
    sheet += "<c r=\"A1\" t=\"s\"><v>" + std::to_string(i) + "</v></c>";
  }
  for (const std::string& n : numbers) sheet += "<c r=\"B1\"><v>" + n + "</v></c>";
  sheet += "</row></sheetData></worksheet>";
  return MakeZip({{"[Content_Types].xml", "<Types/>"},
                  {"xl/sharedStrings.xml", sst},
                  {"xl/worksheets/sheet1.xml", sheet}});
}

std::string MakeOdt(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& p : paragraphs) body += "<text:p>" + p + "</text:p>";
  std::string content =
      "<?xml version=\"1.0\"?><office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" +
      body + "</office:text></office:body></office:document-content>";
  return MakeZip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

std::string Base64(std::string_view data) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t line = 0;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    if (i + 2 < data.size()) v |= static_cast<unsigned char>(data[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < data.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back(i + 2 < data.size() ? kAlphabet[v & 63] : '=');
    if ((line += 4) >= 76) {
      out += "\r\n";
      line = 0;
    }
  }
  return out;
}

std::string UuLines(const std::string& data) {
  std::string out;
  for (std::size_t i = 0; i < data.size(); i += 45) {
    const std::string chunk = data.substr(i, 45);
    out.push_back(static_cast<char>(0x20 + chunk.size()));
    for (std::size_t j = 0; j < chunk.size(); j += 3) {
      unsigned int v = 0;
      for (std::size_t k = 0; k < 3; ++k) {
        v = v << 8 | (j + k < chunk.size() ? static_cast<unsigned char>(chunk[j + k]) : 0u);
      }
      for (int s = 18; s >= 0; s -= 6) {
        const unsigned int c = v >> s & 0x3f;
        out.push_back(c == 0 ? '`' : static_cast<char>(0x20 + c));
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string QuotedPrintable(std::string_view data) {
  std::string out;
  std::size_t col = 0;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    std::string piece;
    if (c == '\n') {
      out += "\r\n";
      col = 0;
      continue;
    }
    if ((c >= 33 && c <= 126 && c != '=') || c == ' ') {
      piece.push_back(ch);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "=%02X", c);
      piece = hex;
    }
    if (col + piece.size() > 72) {
      out += "=\r\n";
      col = 0;
    }
    out += piece;
    col += piece.size();
  }
  return out;
}

MimePart Attachment(const std::string& content_type, const std::string& filename,
                    std::string_view data) {
  return MimePart{content_type, "base64", filename, Base64(data)};
}

std::string MakeMessage(const std::string& to, const std::string& subject,
                        const std::vector<MimePart>& parts) {
  std::ostringstream m;
  m << "From: Alice <alice@example.org>\r\nTo: " << to << "\r\nSubject: " << subject
    << "\r\nMessage-ID: <test-1@example.org>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
    << "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_b1\"\r\n\r\n"
    << "This is a MIME message.\r\n";
  for (const MimePart& p : parts) {
    m << "--=_b1\r\nContent-Type: " << p.content_type << "\r\n";
    if (!p.transfer_encoding.empty()) {
      m << "Content-Transfer-Encoding: " << p.transfer_encoding << "\r\n";
    }
    if (!p.filename.empty()) {
      m << "Content-Disposition: attachment; filename=\"" << p.filename << "\"\r\n";
    }
    m << "\r\n" << p.body << "\r\n";
  }
  m << "--=_b1--\r\n";
  return m.str();
}

const char kMimeTestHead[] =
    "From: a@example.org\r\nTo: ops@army.mil\r\nSubject: t\r\nMIME-Version: 1.0\r\n";

std::string OnePart(const std::string& part) {
  return std::string(kMimeTestHead) +
         "Content-Type: multipart/mixed; boundary=\"BB\"\r\n\r\n--BB\r\n" + part + "\r\n--BB--\r\n";
}

std::string SourceOf(const Message& m, const std::string& token) {
  for (const TextSegment& t : m.texts()) {
    if (t.text.find(token) != std::string::npos) return t.source;
  }
  return "<none>";
}

int Count(const Message& m, const std::string& token) {
  int n = 0;
  for (const TextSegment& t : m.texts()) n += t.text.find(token) != std::string::npos;
  return n;
}

Message ParseOk(const std::string& raw, const Limits& limits) {
  Result<Message> m = ParseMessage(raw, {}, limits);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? std::move(m).value() : Message(MessageData{});
}

bool HasLimit(const Message& m, const std::string& limit) {
  for (const LimitHit& h : m.limit_hits()) {
    if (h.limit == limit) return true;
  }
  return false;
}

bool HasDefect(const Message& m, const std::string& code) {
  for (const Defect& d : m.defects()) {
    if (d.code == code) return true;
  }
  return false;
}

std::string CorpusDir() {
  std::filesystem::path dir =
      std::filesystem::path(SENDGUARD_SOURCE_DIR) / ".." / "shared" / "corpus";
  return std::filesystem::is_directory(dir) ? dir.lexically_normal().string() : "";
}

}  // namespace sendguard::testing
