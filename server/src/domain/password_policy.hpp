// Password rules, per tenant. The "standard" preset is the source documents' rule (6–20
// characters with at least one letter and at least one digit or symbol); "strong" is offered for
// tenants that want more (12–128 characters with upper and lower case letters, a digit and a
// symbol). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "domain/error.hpp"

namespace lt::domain {

struct PasswordPolicy {
  std::string preset;  // "standard" | "strong"
  std::size_t min_length = 6;
  std::size_t max_length = 20;
  bool require_letter = true;
  bool require_digit_or_symbol = true;
  bool require_mixed_case = false;
  bool require_digit_and_symbol = false;

  static PasswordPolicy standard();
  static PasswordPolicy strong();
  // The preset of this name, or nullopt for an unknown name.
  static std::optional<PasswordPolicy> named(std::string_view preset);

  // A sentence for the user describing the rule.
  std::string description() const;

  // Ok, or a field error with code "weak_password" on `field` saying what is missing.
  Result<void> check(std::string_view password, const std::string& field = "password") const;
};

void to_json(nlohmann::json& j, const PasswordPolicy& p);

}  // namespace lt::domain
