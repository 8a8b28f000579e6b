// Everything a decision depends on besides the message: configuration,
// history and the indexes and pattern databases built from them. Built once
// at start-up, then shared read-only by every thread.

#ifndef SENDGUARD_POLICY_CONTEXT_H_
#define SENDGUARD_POLICY_CONTEXT_H_

#include <memory>

#include "contacts/address_judge.h"
#include "contacts/contact_cache.h"
#include "content/content_scanner.h"
#include "policy/config.h"
#include "recipients/history.h"
#include "recipients/recipient_analyzer.h"
#include "sendguard/status.h"

namespace sendguard {

class Context {
 public:
  // Builds the recipient index from `history` and compiles the content
  // detectors of `config`; fails when a detector does not compile.
  // `contacts` is where senders' own histories are read (null: recipients
  // are judged without them).
  static Result<std::unique_ptr<Context>> Create(Config config, History history,
                                                 std::shared_ptr<ContactSource> contacts = nullptr);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Config& config() const { return config_; }
  const History& history() const { return history_; }
  const RecipientAnalyzer& recipients() const { return *recipients_; }
  // Judges a message's recipients in context (its sender, the others).
  const AddressJudge& judge() const { return *judge_; }
  // Null when senders' histories are not kept.
  const ContactSource* contacts() const { return contacts_.get(); }
  const ContentScanner& content() const { return *content_; }

 private:
  Context(Config config, History history, std::shared_ptr<const ContentScanner> content,
          std::shared_ptr<ContactSource> contacts);

  Config config_;
  History history_;
  std::unique_ptr<RecipientAnalyzer> recipients_;
  std::unique_ptr<AddressJudge> judge_;
  std::shared_ptr<ContactSource> contacts_;
  std::shared_ptr<const ContentScanner> content_;
};

}  // namespace sendguard

#endif  // SENDGUARD_POLICY_CONTEXT_H_
