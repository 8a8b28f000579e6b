// Everything a decision depends on besides the message: configuration,
// history and the indexes built from them. Built once at start-up, then
// shared read-only by every thread.

#ifndef SENDGUARD_POLICY_CONTEXT_H_
#define SENDGUARD_POLICY_CONTEXT_H_

#include <memory>

#include "policy/config.h"
#include "recipients/history.h"
#include "recipients/recipient_analyzer.h"

namespace sendguard {

class Context {
 public:
  Context(Config config, History history);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Config& config() const { return config_; }
  const History& history() const { return history_; }
  const RecipientAnalyzer& recipients() const { return *recipients_; }

 private:
  Config config_;
  History history_;
  std::unique_ptr<RecipientAnalyzer> recipients_;
};

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_CONTEXT_H_
