// Rules for account fields: usernames (6–256 characters of letters, digits and @ . - _, from the
// source manual section 3.3), email addresses, names, telephone numbers and UKPRNs. Each check
// returns the cleaned value or a field error with a stable code. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace lt::domain {

Result<std::string> check_username(std::string_view username,
                                   const std::string& field = "username");
// Trimmed address with one @, a dot in the domain and no spaces; lower-cased domain.
Result<std::string> check_email(std::string_view email, const std::string& field = "email");
// Trimmed, 1–100 characters.
Result<std::string> check_name(std::string_view name, const std::string& field);
// Optional UK-style telephone: digits, spaces, +, (, ), - ; 10–11 digits (or +44 and 9–10).
Result<std::string> check_telephone(std::string_view telephone,
                                    const std::string& field = "telephone");
// UK Provider Reference Number: exactly 8 digits starting with 1.
Result<std::string> check_ukprn(std::string_view ukprn, const std::string& field = "ukprn");

}  // namespace lt::domain
