// Password policy presets and the check against them.
#include "domain/password_policy.hpp"

#include <nlohmann/json.hpp>

#include "domain/text.hpp"

namespace lt::domain {

PasswordPolicy PasswordPolicy::standard() {
  return PasswordPolicy{"standard"};
}

PasswordPolicy PasswordPolicy::strong() {
  PasswordPolicy p{"strong"};
  p.min_length = 12;
  p.max_length = 128;
  p.require_mixed_case = true;
  p.require_digit_and_symbol = true;
  return p;
}

std::optional<PasswordPolicy> PasswordPolicy::named(std::string_view preset) {
  if (preset == "standard") return standard();
  if (preset == "strong") return strong();
  return std::nullopt;
}

std::string PasswordPolicy::description() const {
  std::string text =
      std::to_string(min_length) + " to " + std::to_string(max_length) + " characters, with ";
  if (require_mixed_case && require_digit_and_symbol)
    return text + "upper and lower case letters, at least one digit and at least one symbol.";
  return text + "at least one letter and at least one digit or symbol.";
}

Result<void> PasswordPolicy::check(std::string_view password, const std::string& field) const {
  const std::size_t length = utf8_length(password);
  bool lower = false, upper = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else if (c >= 0x80)
      lower = true;  // a non-ASCII letter counts as a letter
    else
      symbol = true;
  }
  const bool letter = lower || upper;
  bool fine = length >= min_length && length <= max_length;
  if (require_letter && !letter) fine = false;
  if (require_digit_or_symbol && !(digit || symbol)) fine = false;
  if (require_mixed_case && !(lower && upper)) fine = false;
  if (require_digit_and_symbol && !(digit && symbol)) fine = false;
  if (fine) return ok();
  return fail(Error::validation(field, "weak_password", "The password must be " + description()));
}

void to_json(nlohmann::json& j, const PasswordPolicy& p) {
  j = nlohmann::json{{"preset", p.preset},
                     {"min_length", p.min_length},
                     {"max_length", p.max_length},
                     {"description", p.description()}};
}

}  // namespace lt::domain
