#include "policy/context.h"

namespace sendguard {

Context::Context(Config config, History history)
    : config_(std::move(config)),
      history_(std::move(history)),
      recipients_(std::make_unique<RecipientAnalyzer>(config_.recipients, history_)) {}

}  // namespace sendguard
