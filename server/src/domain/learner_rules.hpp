// Rules for learner record fields, from ../shared/domain/FACTS.md: ULN (ESFA DD01 check digit),
// UPN (mod-23 check letter, permanent and temporary), UK postcodes (ILR Postcode_15 after
// normalising, plus ZZ99 9ZZ), UK telephone numbers, learner usernames (6–127 characters) and dates
// of birth. Each returns the cleaned value or a field error with a stable code. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace lt::domain {

// 10 digits, first non-zero, check digit per DD01; 9999999999 (temporary) passes. "invalid_uln".
Result<std::string> check_uln(std::string_view text, const std::string& field = "uln");
// 13 characters, upper-cased, check letter per the UPN algorithm. "invalid_upn".
Result<std::string> check_upn(std::string_view text, const std::string& field = "upn");
// Trimmed, upper-cased, one space before the inward code: "sw1a1aa" → "SW1A 1AA".
// "invalid_postcode".
Result<std::string> check_postcode(std::string_view text, const std::string& field = "postcode");
// A UK number of 10 or 11 digits with the leading 0 (or +44 and 9–10 digits); spaces, hyphens and
// brackets allowed and kept. "invalid_telephone".
Result<std::string> check_uk_telephone(std::string_view text,
                                       const std::string& field = "telephone");
// 6–127 characters of letters, digits and @ . _ -. "invalid_username".
Result<std::string> check_learner_username(std::string_view text,
                                           const std::string& field = "username");
// YYYY-MM-DD, a real calendar date, not after `today` (YYYY-MM-DD), not before 1900.
// "invalid_date", "date_in_future".
Result<std::string> check_date_of_birth(std::string_view text, std::string_view today,
                                        const std::string& field = "date_of_birth");
// Optional careers (CCIS) identifier: up to 20 letters and digits. "invalid_ccis".
Result<std::string> check_ccis(std::string_view text, const std::string& field = "ccis");

// The ULN check digit for the first nine digits, or -1 when none exists (remainder 0).
int uln_check_digit(std::string_view first_nine);
// The UPN check letter for characters 2–13, or '\0' when they are malformed.
char upn_check_letter(std::string_view last_twelve);

}  // namespace lt::domain
