// Learner field rules (see FACTS.md sections 1–3 for the sources and worked examples).
#include "domain/learner_rules.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "domain/text.hpp"

namespace lt::domain {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// UPN letters: I, O and S are never used; A=0 … Z=22.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

Result<std::string> invalid(const std::string& field, const char* code, std::string message) {
  return fail(Error::validation(field, code, std::move(message)));
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
  if (value.size() != 10 || !all_digits(value) || value[0] == '0')
    return invalid(field, "invalid_uln",
                   "A Unique Learner Number (ULN) is 10 digits and does not start with 0.");
  if (value == "9999999999") return value;  // the temporary ULN passes the checksum rule (DD01)
  const int expected = uln_check_digit(std::string_view(value).substr(0, 9));
  if (expected < 0 || expected != value[9] - '0')
    return invalid(field, "invalid_uln",
                   "This is not a valid Unique Learner Number (ULN): its last digit does not match "
                   "the check digit. Check it against the learner's records.");
  return value;
}

char upn_check_letter(std::string_view rest) {
  if (rest.size() != 12) return '\0';
  int total = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = rest[i];
    int value;
    if (is_digit(c)) {
      value = c - '0';
    } else if (i == 11) {  // a temporary UPN ends in a letter, counted as its A=0 … Z=22 value
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
  if (expected == '\0' || kUpnLetters.find(value[0]) == std::string_view::npos)
    return invalid(field, "invalid_upn",
                   "A Unique Pupil Number (UPN) is 13 characters: a letter, 11 digits, then a "
                   "digit (or a letter for a temporary UPN). The letters I, O and S are not used.");
  if (value[0] != expected)
    return invalid(field, "invalid_upn",
                   "This is not a valid Unique Pupil Number (UPN): its first letter does not match "
                   "the check letter. Check it against the learner's records.");
  return value;
}

namespace {

// ILR Postcode_15, ESFA's expression ^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UWXYZ]{2}$,
// matched by hand: std::regex takes microseconds a match, and an import checks 100,000 of them.
// It takes ZZ99 9ZZ, the ILR "unknown postcode".
bool has_ilr_postcode_shape(std::string_view v) {
  const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto inward_letter = [&](char c) {
    return letter(c) && std::string_view("CIKMOV").find(c) == std::string_view::npos;
  };
  const auto space = v.find(' ');
  if (space == std::string_view::npos || v.size() != space + 4) return false;
  const std::string_view out = v.substr(0, space), in = v.substr(space + 1);
  if (!digit(in[0]) || !inward_letter(in[1]) || !inward_letter(in[2])) return false;
  std::size_t i = 0;
  while (i < out.size() && i < 2 && letter(out[i])) ++i;  // the area: one or two letters
  if (i == 0 || i >= out.size() || !digit(out[i])) return false;
  ++i;  // the district's digit, then perhaps one more digit or letter
  if (i < out.size() && (digit(out[i]) || letter(out[i]))) ++i;
  return i == out.size();
}

}  // namespace

Result<std::string> check_postcode(std::string_view text, const std::string& field) {
  std::string compact;
  for (char c : upper(trim(text)))
    if (c != ' ') compact += c;
  std::string value = compact.size() > 3 ? compact.substr(0, compact.size() - 3) + " " +
                                               compact.substr(compact.size() - 3)
                                         : compact;
  // GIR 0AA (the Girobank postcode) is valid under BS7666 though the ILR expression refuses it,
  // so it is let through by name.
  if (value != "GIR 0AA" && !has_ilr_postcode_shape(value))
    return invalid(field, "invalid_postcode",
                   "Enter a full UK postcode, like SW1A 1AA. The last part is a digit and two "
                   "letters, which are never C, I, K, M, O or V.");
  return value;
}

Result<std::string> check_uk_telephone(std::string_view text, const std::string& field) {
  const std::string value = trim(text);
  std::string_view rest = value;
  const bool international = rest.starts_with('+');
  if (international) {
    rest.remove_prefix(1);
    if (!rest.starts_with("44"))
      return invalid(field, "invalid_telephone",
                     "Enter a UK telephone number: international numbers must start +44.");
    rest.remove_prefix(2);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '-')) rest.remove_prefix(1);
    if (rest.starts_with("(0)")) rest.remove_prefix(3);  // "+44 (0)…" is common, if not correct
  }
  std::string digits;
  for (char c : rest) {
    if (is_digit(c))
      digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')')
      return invalid(field, "invalid_telephone",
                     "A telephone number may contain only digits, spaces, hyphens, brackets and "
                     "a leading +44.");
  }
  if (international) {
    // The international form drops the number's leading 0; keep it only as "(0)".
    if (digits.starts_with('0'))
      return invalid(field, "invalid_telephone",
                     "After +44, leave out the 0 at the start of the number: +44 7700 900123.");
    digits.insert(0, "0");
  }
  if (digits.size() < 10 || digits.size() > 11 || digits.front() != '0')
    return invalid(field, "invalid_telephone",
                   "Enter a UK telephone number of 10 or 11 digits starting with 0, like 01632 "
                   "960001 or 07700 900123 (or +44 7700 900123).");
  if (std::string_view("1235789").find(digits[1]) == std::string_view::npos)
    return invalid(field, "invalid_telephone",
                   "Enter a UK telephone number: UK numbers start 01, 02, 03, 05, 07, 08 or 09.");
  return digits;
}

Result<std::string> check_learner_username(std::string_view text, const std::string& field) {
  const std::string value = trim(text);
  const bool chars_ok = std::all_of(value.begin(), value.end(), [](char c) {
    return is_letter(c) || is_digit(c) || c == '@' || c == '.' || c == '_' || c == '-';
  });
  if (value.size() < 6 || value.size() > 127 || !chars_ok)
    return invalid(field, "invalid_username",
                   "The username must be 6 to 127 characters long and contain only letters, "
                   "numbers or these characters: @ . _ -");
  return value;
}

Result<std::string> check_date_of_birth(std::string_view text, std::string_view today,
                                        const std::string& field) {
  const std::string value = trim(text);
  auto bad = [&] {
    return invalid(field, "invalid_date",
                   "Enter a real date of birth as year-month-day, like 2008-04-01.");
  };
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return bad();
  const std::string y = value.substr(0, 4), m = value.substr(5, 2), d = value.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return bad();
  const int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return bad();
  if (day > kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return bad();
  if (year < 1900)
    return invalid(field, "invalid_date", "The date of birth must be on or after 1900-01-01.");
  if (value > today)  // both are YYYY-MM-DD, so text order is date order
    return invalid(field, "date_in_future", "The date of birth cannot be in the future.");
  return value;
}

Result<std::string> check_ccis(std::string_view text, const std::string& field) {
  const std::string value = upper(trim(text));
  const bool ok = value.size() <= 20 && std::all_of(value.begin(), value.end(), [](char c) {
                    return is_letter(c) || is_digit(c);
                  });
  if (!ok)
    return invalid(field, "invalid_ccis",
                   "A CCIS identifier is up to 20 letters and numbers, with no spaces or symbols.");
  return value;
}

}  // namespace lt::domain
