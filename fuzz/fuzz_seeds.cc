// Writes seed corpora: for attachment_fuzz, one small file per format the
// extractor reads, made by the test fixtures; with a second directory, for
// milter_fuzz, MTA conversations.
//
//   fuzz_seeds ATTACHMENT_DIR [MILTER_DIR]

#include <fstream>
#include <iostream>

#include "tests/fixtures.h"
#include "tests/milter_stream.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: fuzz_seeds ATTACHMENT_DIR [MILTER_DIR]\n";
    return 2;
  }
  using namespace sendguard::testing;  // NOLINT
  const std::string dir = argv[1];
  const Files seeds = {
      {"a.zip", MakeZip({{"notes.txt", "zip text"}, {"in.zip", MakeZip({{"x.txt", "deep"}})}})},
      {"a.docx", MakeDocx({"SECRET//NOFORN", "memo"})},
      {"a.xlsx", MakeXlsx({"SSN"}, {"078051120"})},
      {"a.odt", MakeOdt({"open document"})},
      {"a.pdf", MakePdf({"pdf text", "line two"})},
      {"a.tgz", MakeTarGz({{"a.txt", "tar text"}})},
      {"a.gz", MakeGzip("gzip text")},
      {"a.html", "\x01<html><body><p>Fish &amp; chips</p><script>x</script></body></html>"},
      {"a.eml", "Subject: attached\r\nContent-Type: text/plain\r\n\r\nnested message\r\n"},
      // The first byte picks the declared type and charset (attachment_fuzz.cc).
      {"a.png",
       std::string("\x05\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04\xd8\0\0\x06\xda\x08\x02", 27)},
      {"a.jpg",
       std::string("\x05\xff\xd8\xff\xe0\x00\x06JFIF\xff\xc0\x00\x11\x08\x01\xe0\x02\x80", 20)},
      {"a.doc", std::string("\x00\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0S\0E\0C\0R\0E\0T\0", 23)},
      {"a.utf16", std::string("\x08S\0E\0C\0R\0E\0T\0/\0/\0N\0F\0", 21)},
      {"a.bin", std::string("\x00\x01\x02\x03\xfe\xffpassword: hunter22\x00\x9c", 26)},
  };
  Files all;
  for (const auto& [name, data] : seeds) all.emplace_back(dir + "/" + name, data);
  if (argc == 3) {
    const std::string m = argv[2];
    // The first byte of a milter seed chooses how the stream is cut into reads.
    all.emplace_back(m + "/clean", "\x07" + MilterNegotiation() +
                                       MilterMessage("dana@army.mil", {"ops@navy.mil"}, "report",
                                                     "All on schedule.\r\n"));
    all.emplace_back(m + "/typo-and-secret",
                     "\x3f" + MilterNegotiation() +
                         MilterMessage("dana@army.mil", {"ops@army.ml", "b@navy.mil"}, "travel",
                                       "SECRET//NOFORN\r\n") +
                         MilterPacket('A', "") + MilterPacket('Q', ""));
  }
  for (const auto& [name, data] : all) {
    std::ofstream out(name, std::ios::binary);
    out << data;
    if (!out) {
      std::cerr << "fuzz_seeds: cannot write " << name << "\n";
      return 1;
    }
  }
  return 0;
}
