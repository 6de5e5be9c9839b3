// Field rules for accounts and providers.
#include "domain/account_rules.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace lt::domain {

namespace {
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

Result<std::string> check_username(std::string_view username, const std::string& field) {
  const std::string value = trim(username);
  if (value.size() < 6 || value.size() > 256)
    return fail(Error::validation(field, "invalid_username",
                                  "The username must be between 6 and 256 characters."));
  for (char c : value) {
    if (!(is_alpha(c) || is_digit(c) || c == '@' || c == '.' || c == '-' || c == '_'))
      return fail(Error::validation(
          field, "invalid_username",
          "The username may contain only letters, numbers and the characters @ . - _"));
  }
  return value;
}

Result<std::string> check_email(std::string_view email, const std::string& field) {
  std::string value = trim(email);
  const auto at = value.find('@');
  const bool shape_ok = value.size() <= 254 && at != std::string::npos && at > 0 &&
                        value.find('@', at + 1) == std::string::npos &&
                        value.find_first_of(" \t,;<>") == std::string::npos &&
                        value.find('.', at) != std::string::npos && value.back() != '.' &&
                        value[at + 1] != '.';
  if (!shape_ok)
    return fail(
        Error::validation(field, "invalid_email", "Enter an email address like name@example.org."));
  std::transform(value.begin() + static_cast<long>(at), value.end(),
                 value.begin() + static_cast<long>(at),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return value;
}

Result<std::string> check_name(std::string_view name, const std::string& field) {
  const std::string value = trim(name);
  if (value.empty()) return fail(Error::validation(field, "required", "This field is required."));
  if (utf8_length(value) > 100)
    return fail(Error::validation(field, "too_long", "Use 100 characters or fewer."));
  return value;
}

Result<std::string> check_telephone(std::string_view telephone, const std::string& field) {
  const std::string value = trim(telephone);
  if (value.empty()) return value;
  std::string digits;
  for (char c : value) {
    if (is_digit(c))
      digits += c;
    else if (!(c == ' ' || c == '+' || c == '(' || c == ')' || c == '-'))
      return fail(
          Error::validation(field, "invalid_telephone", "Use digits, spaces and + ( ) - only."));
  }
  const bool international = value.front() == '+';
  const bool ok_length = international ? (digits.size() >= 11 && digits.size() <= 13)
                                       : (digits.size() >= 10 && digits.size() <= 11);
  if (!ok_length)
    return fail(
        Error::validation(field, "invalid_telephone",
                          "Enter a telephone number like 01632 960001 or +44 1632 960001."));
  return value;
}

Result<std::string> check_ukprn(std::string_view ukprn, const std::string& field) {
  const std::string value = trim(ukprn);
  const bool ok_shape = value.size() == 8 && value.front() == '1' &&
                        std::all_of(value.begin(), value.end(), is_digit);
  if (!ok_shape)
    return fail(Error::validation(field, "invalid_ukprn",
                                  "The UKPRN must be 8 digits starting with 1, like 10012345."));
  return value;
}

}  // namespace lt::domain
