// Usernames made up for imported learners (manual 7.0: "auto-generate usernames"): readable,
// from the learner's names ("amelia.smith", then "amelia.smith2"…), always within the learner
// username rule (6–127 characters of letters, digits and @ . _ -). Pure: whether a candidate is
// free is the caller's question.
#pragma once

#include <string>
#include <string_view>

namespace lt::domain {

// "Zoë" "O'Neil-Hart" -> "zo.oneil-hart": lower-case ASCII letters and digits of each name (other
// characters dropped, hyphens kept inside a name), joined by a dot; "learner" when nothing is
// left. At most 115 characters, so a numeric suffix still fits.
std::string username_base(std::string_view first_name, std::string_view last_name);

// The n-th candidate (n >= 1) for a base: the base itself, then base2, base3…; bases shorter
// than 6 characters always take a number, zero-padded to the minimum length ("al.li" -> "al.li1",
// "a.b" -> "a.b001").
std::string username_candidate(const std::string& base, unsigned long n);

}  // namespace lt::domain
