// Reading the email outbox (administrators), so mail that could not be delivered — or that waits
// because no SMTP server is configured — can still be seen and acted on.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "services/context.hpp"

namespace lt::services {

class Outbox {
 public:
  explicit Outbox(Deps& deps) : deps_(deps) {}
  domain::Result<store::Page<store::OutboxRow>> list(const Context& ctx,
                                                     const std::optional<std::string>& status,
                                                     std::optional<int> limit,
                                                     const std::optional<std::string>& cursor);

 private:
  Deps& deps_;
};

}  // namespace lt::services
