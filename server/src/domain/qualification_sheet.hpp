// The columns of the learner qualifications spreadsheet (manual 9.2): eight identifying columns
// that must come back unchanged, then up to 18 sets of type, subject, completion month (YYYY-MM),
// predicted grade and actual grade. The one definition both the export and the import use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lt::domain {

inline constexpr std::size_t kQualificationSets = 18;

// "Account ID", "UPN", "ULN", "Forename", "Surname", "Date of birth", "Current provider",
// "Current area".
const std::vector<std::string>& qualification_identity_headings();

enum class QualificationPart { type, subject, completed_on, predicted_grade, actual_grade };
inline constexpr QualificationPart kQualificationParts[] = {
    QualificationPart::type, QualificationPart::subject, QualificationPart::completed_on,
    QualificationPart::predicted_grade, QualificationPart::actual_grade};

// "Qualification type 3", "Qualification completion date 3"… (`set` from 1).
std::string qualification_heading(std::size_t set, QualificationPart part);

// Every heading in sheet order.
std::vector<std::string> qualification_sheet_headings();

// What a heading of the sheet is: an identifying column (its index in the list above) or one part
// of one set. Forgiving of case, spaces and a trailing "*".
struct QualificationColumn {
  bool identity = false;
  std::size_t index = 0;  // identity: 0..7; otherwise the set, from 1
  QualificationPart part = QualificationPart::type;
};
std::optional<QualificationColumn> find_qualification_column(std::string_view heading);

// The field name of a part as the qualification rules name it ("type", "completed_on"…).
std::string_view qualification_field(QualificationPart part);

}  // namespace lt::domain
