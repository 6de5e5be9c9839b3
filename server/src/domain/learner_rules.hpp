// Rules for learner record fields, from ../shared/domain/FACTS.md: ULN (ESFA DD01 check digit),
// UPN (mod-23 check letter, permanent and temporary), UK postcodes (ILR Postcode_15 after
// normalising, plus ZZ99 9ZZ and GIR 0AA), UK telephone numbers, learner usernames (6–127
// characters), dates of birth and CCIS ids. Each returns the cleaned value or a field error with a
// stable code and a message saying which rule failed. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace lt::domain {

// 10 digits, first non-zero, check digit per DD01 (ILR rule ULN_04); the temporary ULN 9999999999
// passes, as it does in DD01 (other ILR rules limit its use). Trimmed. "invalid_uln".
Result<std::string> check_uln(std::string_view text, const std::string& field = "uln");

// 13 characters: check letter, 11 digits, then a digit (permanent) or a letter (temporary UPN);
// the check letter per the mod-23 algorithm. Trimmed and upper-cased. "invalid_upn".
Result<std::string> check_upn(std::string_view text, const std::string& field = "upn");

// A full UK postcode. Spaces are removed, the text upper-cased and one space put before the
// inward code ("sw1a1aa" → "SW1A 1AA"); then it must match the ILR Postcode_15 pattern
// (which takes ZZ99 9ZZ, the ILR "unknown postcode"), or be GIR 0AA. BFPO numbers are refused.
// "invalid_postcode".
Result<std::string> check_postcode(std::string_view text, const std::string& field = "postcode");

// A UK number: 10 or 11 digits starting 01, 02, 03, 05, 07, 08 or 09, or +44 (optionally "(0)")
// and the number without its 0. Spaces, hyphens and brackets are allowed. Returns the national
// form as digits only ("+44 7700 900123" → "07700900123"): the form the ILR TelNo field takes and
// the manual asks for. "invalid_telephone".
Result<std::string> check_uk_telephone(std::string_view text,
                                       const std::string& field = "telephone");

// 6–127 characters, each an ASCII letter, digit or one of @ . _ - (manual 5.1). Trimmed.
// "invalid_username".
Result<std::string> check_learner_username(std::string_view text,
                                           const std::string& field = "username");

// YYYY-MM-DD, a real calendar date (Gregorian leap years), from 1900-01-01 and not after `today`
// (YYYY-MM-DD). "invalid_date", "date_in_future".
Result<std::string> check_date_of_birth(std::string_view text, std::string_view today,
                                        const std::string& field = "date_of_birth");

// Optional CCIS (careers service) identifier. FACTS.md has no rule for it, so: trimmed,
// upper-cased, at most 20 ASCII letters and digits; empty is allowed. "invalid_ccis".
Result<std::string> check_ccis(std::string_view text, const std::string& field = "ccis");

// The ULN check digit for the first nine digits, or -1 when none exists (remainder 0) or the input
// is not nine digits.
int uln_check_digit(std::string_view first_nine);
// The UPN check letter for characters 2–13, or '\0' when they are malformed.
char upn_check_letter(std::string_view last_twelve);

}  // namespace lt::domain
