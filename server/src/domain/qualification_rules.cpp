// Qualification rules (see qualification_rules.hpp).
#include "domain/qualification_rules.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "domain/text.hpp"

namespace lt::domain {

namespace {

bool digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Whether `code` is offered: present, and not retired unless the record already holds it.
bool offered(const std::vector<CatalogueEntry>& entries, const std::string& code,
             const std::string* held) {
  const auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const CatalogueEntry& e) { return e.code == code; });
  return it != entries.end() && (!it->retired || (held && *held == code));
}

}  // namespace

Result<std::string> check_completion_month(std::string_view raw, std::string_view today) {
  const std::string value = trim(std::string(raw));
  if (value.empty())
    return fail(Error::validation("completed_on", "required",
                                  "Enter the month and year you completed or will complete it."));
  if (value.size() != 7 || value[4] != '-' || !digits(value.substr(0, 4)) ||
      !digits(value.substr(5, 2)))
    return fail(Error::validation("completed_on", "invalid_month",
                                  "Enter a month and year, for example 2026-06."));
  const int year = std::stoi(value.substr(0, 4));
  const int month = std::stoi(value.substr(5, 2));
  if (month < 1 || month > 12)
    return fail(
        Error::validation("completed_on", "invalid_month", "Enter a real month, from 01 to 12."));
  const int this_year = std::stoi(std::string(today.substr(0, 4)));
  if (year < kEarliestCompletionYear || year > this_year + kCompletionYearsAhead)
    return fail(Error::validation("completed_on", "month_out_of_range",
                                  "Enter a month between " +
                                      std::to_string(kEarliestCompletionYear) + "-01 and " +
                                      std::to_string(this_year + kCompletionYearsAhead) + "-12."));
  return value;
}

std::vector<FieldError> check_qualification(const QualificationDraft& d, const CatalogueType* type,
                                            std::string_view today,
                                            const QualificationDraft* current) {
  std::vector<FieldError> errors;
  const auto held = [&](const std::string QualificationDraft::*field) -> const std::string* {
    return current ? &(current->*field) : nullptr;
  };
  if (d.type.empty())
    errors.push_back({"type", "required", "Choose the type of qualification."});
  else if (!type || (type->retired && !(current && current->type == d.type)))
    errors.push_back({"type", "invalid_choice", "Choose one of the listed qualification types."});
  if (d.subject.empty())
    errors.push_back({"subject", "required", "Choose the subject."});
  else if (type && !offered(type->subjects, d.subject, held(&QualificationDraft::subject)))
    errors.push_back({"subject", "invalid_choice", "Choose one of the subjects of this type."});
  auto month = check_completion_month(d.completed_on, today);
  if (!month) errors.push_back(month.error().fields.front());
  if (d.predicted_grade.empty() && d.actual_grade.empty()) {
    for (const char* field : {"predicted_grade", "actual_grade"})
      errors.push_back(
          {field, "grade_required", "Enter a predicted grade, an actual grade or both."});
  }
  using Member = std::string QualificationDraft::*;
  for (const auto& [field, member] :
       {std::pair<const char*, Member>{"predicted_grade", &QualificationDraft::predicted_grade},
        {"actual_grade", &QualificationDraft::actual_grade}}) {
    const std::string& value = d.*member;
    if (value.empty() || !type) continue;
    if (!offered(type->grades, value, held(member)))
      errors.push_back({field, "invalid_choice", "Choose one of the grades of this type."});
  }
  // YYYY-MM compares as text; an actual grade is only known once the month has come.
  if (month && !d.actual_grade.empty() && *month > std::string(today.substr(0, 7)))
    errors.push_back({"actual_grade", "actual_grade_in_future",
                      "An actual grade needs a completion month that has passed. Enter a "
                      "predicted grade instead."});
  return errors;
}

std::string code_from_label(std::string_view label) {
  std::string out;
  bool gap = false;
  auto put = [&](std::string_view word) {
    if (gap && !out.empty()) out += '_';
    gap = false;
    out += word;
  };
  for (const char raw : label) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c) && c < 128) {
      put(std::string(1, static_cast<char>(std::tolower(c))));
    } else if (raw == '*') {
      gap = true;
      put("star");
      gap = true;
    } else if (raw == '&') {
      gap = true;
      put("and");
      gap = true;
    } else {
      gap = true;
    }
  }
  return out;
}

Result<std::string> check_catalogue_label(std::string_view raw) {
  const std::string label = trim(std::string(raw));
  if (label.empty()) return fail(Error::validation("label", "required", "Enter a name."));
  if (label.size() > 120)
    return fail(Error::validation("label", "too_long", "Use at most 120 characters."));
  if (code_from_label(label).empty())
    return fail(Error::validation("label", "invalid_label",
                                  "Use at least one letter or digit in the name."));
  return label;
}

}  // namespace lt::domain
