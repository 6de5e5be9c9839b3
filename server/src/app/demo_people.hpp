// Made-up but valid people for demonstration data and benchmark files: common UK names and towns,
// postcodes of a plausible shape, ULNs with valid check digits and UPNs with valid check letters
// (../shared/domain), year groups, genders and ethnicity codes of the reference lists.
#pragma once

#include <cstdio>
#include <random>
#include <string>

#include "domain/learner_rules.hpp"

namespace lt::app::demo {

inline constexpr const char* kFirstNames[] = {
    "Amelia", "Oliver", "Isla",  "George",   "Ava",   "Noah",  "Mia",   "Leo",
    "Ivy",    "Arthur", "Freya", "Muhammad", "Grace", "Harry", "Sofia", "Jack",
    "Aisha",  "Oscar",  "Lily",  "Charlie",  "Zara",  "Theo",  "Ella",  "Finley"};
inline constexpr const char* kLastNames[] = {
    "Smith",    "Jones",   "Williams", "Taylor",  "Brown", "Davies", "Evans",  "Wilson",
    "Thomas",   "Roberts", "Johnson",  "Khan",    "Patel", "Walker", "Wright", "Robinson",
    "Thompson", "White",   "Hughes",   "Edwards", "Green", "Hall",   "Wood",   "Harris"};
inline constexpr const char* kTowns[] = {"Cheltenham", "Gloucester", "Bristol", "Leeds",
                                         "Manchester", "Birmingham", "Norwich", "York",
                                         "Exeter",     "Derby"};
inline constexpr const char* kOutward[] = {"GL50", "GL1", "BS1", "LS1", "M1",
                                           "B33",  "NR2", "YO1", "EX4", "DE1"};
inline constexpr const char* kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
inline constexpr const char* kYearGroups[] = {"year_7",  "year_8",  "year_9",  "year_10", "year_11",
                                              "year_12", "year_13", "post_16", "adult"};
inline constexpr const char* kGenders[] = {"female", "male", "not_known", "not_specified"};
inline constexpr const char* kEthnicities[] = {"31", "32", "34", "35", "37", "39", "40",
                                               "41", "42", "44", "45", "47", "98", "99"};

template <std::size_t N>
const char* pick(const char* const (&list)[N], std::mt19937_64& rng) {
  return list[rng() % N];
}

// A ULN with a valid check digit (FACTS.md §1), distinct per learner number.
inline std::string make_uln(std::size_t n) {
  for (std::size_t attempt = 0;; ++attempt) {
    std::string nine = std::to_string(100000000 + (n * 7 + attempt * 1000003) % 899999999);
    const int check = domain::uln_check_digit(nine);
    if (check >= 0) return nine + std::to_string(check);
  }
}

// A permanent UPN with a valid check letter (FACTS.md §2).
inline std::string make_upn(std::size_t n, std::size_t provider) {
  char rest[16];
  std::snprintf(rest, sizeof rest, "%03zu%04zu%02d%03zu", 800 + provider % 130,
                1000 + provider % 9000, 24, n % 1000);
  return std::string(1, domain::upn_check_letter(rest)) + rest;
}

// A postcode of a real outward code and a random inward code, e.g. "GL50 3QT".
inline std::string make_postcode(std::mt19937_64& rng) {
  char postcode[16];
  std::snprintf(postcode, sizeof postcode, "%s %d%c%c", pick(kOutward, rng),
                static_cast<int>(rng() % 10), kInwardLetters[rng() % 20],
                kInwardLetters[rng() % 20]);
  return postcode;
}

}  // namespace lt::app::demo
