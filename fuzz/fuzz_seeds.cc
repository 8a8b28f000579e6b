// Writes a seed corpus for attachment_fuzz: one small file per format the
// extractor reads, made by the test fixtures.
//
//   fuzz_seeds DIR

#include <fstream>
#include <iostream>

#include "tests/fixtures.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: fuzz_seeds DIR\n";
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
  };
  for (const auto& [name, data] : seeds) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out << data;
    if (!out) {
      std::cerr << "fuzz_seeds: cannot write " << dir << "/" << name << "\n";
      return 1;
    }
  }
  return 0;
}
