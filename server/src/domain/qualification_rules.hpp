// The rules of a learner's qualification (manual 5.4), pure: the completion month, that the subject
// and grades belong to the chosen type, and that at least one grade is given; and the codes made
// from the labels administrators type. Used by services/qualifications and unit-tested alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace lt::domain {

// One entry of a type's subjects or grades as the rules see it.
struct CatalogueEntry {
  std::string code;
  bool retired = false;
};

// A qualification type with the subjects and grades it offers.
struct CatalogueType {
  std::string code;
  bool retired = false;
  std::vector<CatalogueEntry> subjects, grades;
};

// What the client asked for; an empty string means "not given".
struct QualificationDraft {
  std::string type, subject, completed_on, predicted_grade, actual_grade;
};

// Earliest and latest completion years accepted: adult learners list old qualifications, and a
// Year 7 pupil may record predicted grades for A levels six years ahead.
inline constexpr int kEarliestCompletionYear = 1950;
inline constexpr int kCompletionYearsAhead = 6;

// "YYYY-MM" naming a real month from January 1950 to December of `today`'s year + 6. `today` is
// "YYYY-MM-DD". Field "completed_on": codes required, invalid_month, month_out_of_range.
Result<std::string> check_completion_month(std::string_view value, std::string_view today);

// Every field error of the draft against the type it names (`type` nullptr: unknown type). A
// retired type, subject or grade is refused unless it is what `current` already holds, so an old
// qualification stays editable after its subject is retired. Fields: type, subject, completed_on,
// predicted_grade, actual_grade; codes required, invalid_choice, grade_required (neither grade),
// invalid_month, month_out_of_range, actual_grade_in_future (an actual grade needs a completion
// month that has come).
std::vector<FieldError> check_qualification(const QualificationDraft& draft,
                                            const CatalogueType* type, std::string_view today,
                                            const QualificationDraft* current = nullptr);

// A stable code for a new type, subject or grade from its label: lower-case ASCII letters and
// digits joined by "_", "*" read as "star" ("A*" → "a_star", "Art & Design" → "art_and_design").
// Empty when the label has no letter or digit.
std::string code_from_label(std::string_view label);

// A label trimmed, 1–120 characters; field "label", codes required, too_long, invalid_label.
Result<std::string> check_catalogue_label(std::string_view label);

}  // namespace lt::domain
