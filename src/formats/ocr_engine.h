// Text from pixels: a process-wide pool of Tesseract engines (libtesseract,
// leptonica pictures).
//
// Initialising Tesseract loads its language data and takes a few hundred
// milliseconds, so engines are made on first use and reused: each caller
// takes one for one recognition and gives it back. The milter reads each
// connection on its own thread; at most max_engines recognitions run at once
// and a caller beyond that waits, within its deadline, for one to be free.
//
// Tesseract and leptonica write diagnostics to stderr; this module silences
// both. Debian's libtesseract is built with OpenMP; its teams are kept to
// the calling thread, so one recognition uses one thread.

#ifndef SENDGUARD_FORMATS_OCR_ENGINE_H_
#define SENDGUARD_FORMATS_OCR_ENGINE_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sendguard/status.h"

struct Pix;
namespace tesseract {
class TessBaseAPI;
}

namespace sendguard {

// What one recognition read.
struct OcrText {
  std::string text;        // UTF-8, lines separated by '\n'
  bool cut_short = false;  // the deadline stopped recognition; `text` is what was read
};

class OcrEngine {
 public:
  struct Options {
    std::string tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";
    std::string language = "eng";
    int max_engines = 4;  // recognitions run at once, one engine each
  };

  explicit OcrEngine(Options options);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // The engine every reader uses: Debian's English language data.
  static OcrEngine& Shared();

  // Stops leptonica's messages on stderr (decoders' warnings too); readers
  // call it before decoding a picture. Thread-safe, idempotent.
  static void QuietLeptonica();

  // OK when the language data is there; else kUnavailable with a sentence
  // saying what is missing. Does not load the data.
  Status Available() const;

  // The text Tesseract reads in `pix`, stopping at `deadline` (words read by
  // then are kept, cut_short set). Errors: kUnavailable when the language
  // data is missing or does not load; kDeadlineExceeded when the deadline is
  // reached before recognition could start (no engine free in time);
  // kInternal when Tesseract fails on the picture. Thread-safe.
  Result<OcrText> Recognize(Pix* pix, std::chrono::steady_clock::time_point deadline);

 private:
  // An initialised engine, made when none is idle and fewer than
  // max_engines exist; waits until `deadline` otherwise.
  Result<std::unique_ptr<tesseract::TessBaseAPI>> Take(
      std::chrono::steady_clock::time_point deadline);
  void Give(std::unique_ptr<tesseract::TessBaseAPI> api);

  const Options options_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
  int engines_ = 0;      // made and not lost, idle or in use
  Status init_failure_;  // set once Init has failed: the data will not load
};

}  // namespace sendguard

#endif  // SENDGUARD_FORMATS_OCR_ENGINE_H_
