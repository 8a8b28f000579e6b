#include "policy/context.h"

#include "content/custom_rules.h"

namespace sendguard {

Result<std::unique_ptr<Context>> Context::Create(Config config, History history) {
  Result<std::shared_ptr<const ContentScanner>> content = BuildContentScanner(config.content);
  if (!content.ok()) return content.status();
  return std::unique_ptr<Context>(
      new Context(std::move(config), std::move(history), std::move(content).value()));
}

Context::Context(Config config, History history, std::shared_ptr<const ContentScanner> content)
    : config_(std::move(config)),
      history_(std::move(history)),
      recipients_(std::make_unique<RecipientAnalyzer>(config_.recipients, history_)),
      content_(std::move(content)) {}

}  // namespace sendguard
