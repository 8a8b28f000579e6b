// Tesseract engines in a pool, each recognition under a deadline.

#include "formats/ocr_engine.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <filesystem>
#include <system_error>

namespace sendguard {
namespace {

// Debian's libtesseract is built with OpenMP and asks for teams of up to
// four threads. The milter already recognises on a thread per connection, on
// shared cores: oversubscribed, a page took ten times as long (ocr_bench).
// No parallel region may be active (max-active-levels 0), so every team is
// its calling thread alone. libgomp is only there as libtesseract's
// dependency, so its function is looked up rather than linked.
void OneThreadPerRecognition() {
  static std::once_flag once;
  std::call_once(once, [] {
    using SetLevels = void (*)(int);
    if (void* f = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")) {
      reinterpret_cast<SetLevels>(f)(0);
    }
  });
}

struct Deadline {
  std::chrono::steady_clock::time_point at;
};

bool PastDeadline(void* deadline, int /*words*/) {
  return std::chrono::steady_clock::now() >= static_cast<Deadline*>(deadline)->at;
}

}  // namespace

OcrEngine::OcrEngine(Options options) : options_(std::move(options)) {}

OcrEngine::~OcrEngine() = default;

void OcrEngine::QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

OcrEngine& OcrEngine::Shared() {
  static OcrEngine* const kShared = new OcrEngine(Options{});
  return *kShared;
}

Status OcrEngine::Available() const {
  const std::string file = options_.tessdata_dir + "/" + options_.language + ".traineddata";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return UnavailableError("the OCR language data " + file +
                            " is not installed (Debian package tesseract-ocr-" + options_.language +
                            ")");
  }
  return OkStatus();
}

Result<std::unique_ptr<tesseract::TessBaseAPI>> OcrEngine::Take(
    std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!init_failure_.ok()) return init_failure_;
    if (!idle_.empty()) {
      std::unique_ptr<tesseract::TessBaseAPI> api = std::move(idle_.back());
      idle_.pop_back();
      return api;
    }
    if (engines_ < options_.max_engines) break;
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout) {
      return DeadlineExceededError("no OCR engine was free before the deadline");
    }
  }
  ++engines_;
  lock.unlock();
  // Initialised outside the lock: it takes a while and others may be given
  // engines back meanwhile.
  Status available = Available();
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};
  const bool ok = available.ok() &&
                  api->Init(options_.tessdata_dir.c_str(), options_.language.c_str(),
                            tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) == 0;
  lock.lock();
  if (!ok) {
    --engines_;
    init_failure_ = available.ok()
                        ? UnavailableError("the OCR language data " + options_.language + " in " +
                                           options_.tessdata_dir + " did not load")
                        : available;
    freed_.notify_all();
    return init_failure_;
  }
  api->SetPageSegMode(tesseract::PSM_AUTO);
  return api;
}

void OcrEngine::Give(std::unique_ptr<tesseract::TessBaseAPI> api) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(api));
  freed_.notify_one();
}

Result<OcrText> OcrEngine::Recognize(Pix* pix, std::chrono::steady_clock::time_point deadline) {
  QuietLeptonica();
  OneThreadPerRecognition();
  if (pix == nullptr) return InternalError("no picture to read");
  if (std::chrono::steady_clock::now() >= deadline) {
    return DeadlineExceededError("no time was left for OCR");
  }
  Result<std::unique_ptr<tesseract::TessBaseAPI>> taken = Take(deadline);
  if (!taken.ok()) return taken.status();
  std::unique_ptr<tesseract::TessBaseAPI> api = std::move(taken).value();
  api->SetImage(pix);
  Deadline at{deadline};
  tesseract::ETEXT_DESC monitor;
  monitor.cancel = PastDeadline;
  monitor.cancel_this = &at;
  monitor.end_time = deadline;
  const int rc = api->Recognize(&monitor);
  OcrText out;
  out.cut_short = monitor.deadline_exceeded() || std::chrono::steady_clock::now() >= deadline;
  if (rc == 0 || out.cut_short) {
    std::unique_ptr<char[]> text(api->GetUTF8Text());
    if (text) out.text = text.get();
  }
  api->Clear();
  Give(std::move(api));
  if (rc != 0 && !out.cut_short) return InternalError("Tesseract could not read the picture");
  return out;
}

}  // namespace sendguard
