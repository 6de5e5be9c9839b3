// Learner field rules (see FACTS.md sections 1–3 for the sources and worked examples).
#include "domain/learner_rules.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "domain/text.hpp"

namespace lt::domain {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// UPN letters: I, O and S are never used; A=0 … Z=22.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

}  // namespace

int uln_check_digit(std::string_view first_nine) {
  if (first_nine.size() != 9 || !all_digits(first_nine)) return -1;
  int total = 0;
  for (int i = 0; i < 9; ++i) total += (first_nine[i] - '0') * (10 - i);
  const int remainder = total % 11;
  return remainder == 0 ? -1 : 10 - remainder;
}

Result<std::string> check_uln(std::string_view text, const std::string& field) {
  const std::string value = trim(text);
  auto bad = [&] {
    return fail(Error::validation(field, "invalid_uln",
                                  "Enter a valid 10-digit Unique Learner Number (ULN)."));
  };
  if (value.size() != 10 || !all_digits(value) || value[0] == '0') return bad();
  if (value == "9999999999") return value;  // the temporary ULN passes the checksum rule
  const int expected = uln_check_digit(std::string_view(value).substr(0, 9));
  if (expected < 0 || expected != value[9] - '0') return bad();
  return value;
}

char upn_check_letter(std::string_view rest) {
  if (rest.size() != 12) return '\0';
  int total = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = rest[i];
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (i == 11) {  // a temporary UPN ends in a letter
      const auto at = kUpnLetters.find(c);
      if (at == std::string_view::npos) return '\0';
      value = static_cast<int>(at);
    } else {
      return '\0';
    }
    total += value * static_cast<int>(i + 2);
  }
  return kUpnLetters[total % 23];
}

Result<std::string> check_upn(std::string_view text, const std::string& field) {
  const std::string value = upper(trim(text));
  const char expected =
      value.size() == 13 ? upn_check_letter(std::string_view(value).substr(1)) : '\0';
  if (expected == '\0' || value[0] != expected)
    return fail(Error::validation(field, "invalid_upn",
                                  "Enter a valid 13-character Unique Pupil Number (UPN)."));
  return value;
}

Result<std::string> check_postcode(std::string_view text, const std::string& field) {
  std::string compact;
  for (char c : upper(trim(text)))
    if (c != ' ') compact += c;
  // ILR Postcode_15 (ESFA's expression), applied after normalising; ZZ99 9ZZ is the ILR "unknown".
  static const std::regex pattern("^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UWXYZ]{2}$");
  std::string value = compact.size() > 3 ? compact.substr(0, compact.size() - 3) + " " +
                                               compact.substr(compact.size() - 3)
                                         : compact;
  if (!std::regex_match(value, pattern))
    return fail(
        Error::validation(field, "invalid_postcode", "Enter a full UK postcode, like SW1A 1AA."));
  return value;
}

Result<std::string> check_uk_telephone(std::string_view text, const std::string& field) {
  const std::string value = trim(text);
  std::string digits;
  bool allowed = !value.empty();
  for (char c : value) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '+'))
      allowed = false;
  }
  bool ok = false;
  if (allowed && value.front() == '+')
    ok = digits.rfind("44", 0) == 0 && digits.size() >= 11 && digits.size() <= 12 &&
         digits[2] != '0';
  else if (allowed)
    ok = digits.size() >= 10 && digits.size() <= 11 && digits.front() == '0';
  if (!ok)
    return fail(
        Error::validation(field, "invalid_telephone",
                          "Enter a UK telephone number, like 01632 960001 or 07700 900123."));
  return value;
}

Result<std::string> check_learner_username(std::string_view text, const std::string& field) {
  const std::string value = trim(text);
  const bool chars_ok = std::all_of(value.begin(), value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '@' || c == '.' || c == '_' ||
           c == '-';
  });
  if (value.size() < 6 || value.size() > 127 || !chars_ok)
    return fail(Error::validation(
        field, "invalid_username",
        "The username must be 6 to 127 letters, numbers or the characters @ . _ -"));
  return value;
}

Result<std::string> check_date_of_birth(std::string_view text, std::string_view today,
                                        const std::string& field) {
  const std::string value = trim(text);
  auto bad = [&] {
    return fail(Error::validation(field, "invalid_date", "Enter a real date, like 2008-04-01."));
  };
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return bad();
  const std::string y = value.substr(0, 4), m = value.substr(5, 2), d = value.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return bad();
  const int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || month < 1 || month > 12 || day < 1) return bad();
  if (day > kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return bad();
  if (value > today)
    return fail(
        Error::validation(field, "date_in_future", "The date of birth must be in the past."));
  return value;
}

Result<std::string> check_ccis(std::string_view text, const std::string& field) {
  const std::string value = upper(trim(text));
  const bool ok = value.size() <= 20 && std::all_of(value.begin(), value.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c));
                  });
  if (!ok)
    return fail(Error::validation(field, "invalid_ccis", "Use up to 20 letters and numbers."));
  return value;
}

}  // namespace lt::domain
