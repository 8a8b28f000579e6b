#include "policy/context.h"

#include "content/custom_rules.h"

namespace sendguard {

Result<std::unique_ptr<Context>> Context::Create(Config config, History history,
                                                 std::shared_ptr<ContactSource> contacts) {
  Result<std::shared_ptr<const ContentScanner>> content = BuildContentScanner(config.content);
  if (!content.ok()) return content.status();
  return std::unique_ptr<Context>(new Context(std::move(config), std::move(history),
                                              std::move(content).value(), std::move(contacts)));
}

Context::Context(Config config, History history, std::shared_ptr<const ContentScanner> content,
                 std::shared_ptr<ContactSource> contacts)
    : config_(std::move(config)),
      history_(std::move(history)),
      recipients_(std::make_unique<RecipientAnalyzer>(config_.recipients, history_)),
      judge_(std::make_unique<AddressJudge>(*recipients_, history_)),
      contacts_(std::move(contacts)),
      content_(std::move(content)) {}

}  // namespace sendguard
