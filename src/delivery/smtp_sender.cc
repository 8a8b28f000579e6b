#include "delivery/smtp_sender.h"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace sendguard {
namespace {

struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

size_t Read(char* buffer, size_t size, size_t count, void* arg) {
  auto* u = static_cast<Upload*>(arg);
  std::size_t n = std::min(size * count, u->data.size() - u->at);
  std::memcpy(buffer, u->data.data() + u->at, n);
  u->at += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

Status SendMail(const SmtpRelay& relay, const std::string& mail_from,
                const std::vector<std::string>& recipients, std::string_view raw) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (recipients.empty()) return InvalidArgumentError("no recipients to send to");
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return InternalError("cannot start libcurl");
  std::unique_ptr<curl_slist, SlistDeleter> rcpts;
  for (const std::string& r : recipients) {
    curl_slist* l = curl_slist_append(rcpts.get(), ("<" + r + ">").c_str());
    if (l == nullptr) return InternalError("out of memory");
    (void)rcpts.release();
    rcpts.reset(l);
  }
  Upload upload{raw};
  char error[CURL_ERROR_SIZE] = {0};
  const std::string from = "<" + mail_from + ">";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, relay.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, Read);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(raw.size()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, relay.timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    return UnavailableError("SMTP to " + relay.url + " failed: " +
                            (error[0] != '\0' ? std::string(error) : curl_easy_strerror(rc)));
  }
  return Status();
}

}  // namespace sendguard
