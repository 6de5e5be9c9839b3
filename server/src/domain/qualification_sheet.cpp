// The learner qualifications sheet's columns (see qualification_sheet.hpp).
#include "domain/qualification_sheet.hpp"

#include "domain/text.hpp"

namespace lt::domain {

namespace {
std::string_view part_words(QualificationPart part) {
  switch (part) {
    case QualificationPart::type:
      return "type";
    case QualificationPart::subject:
      return "subject";
    case QualificationPart::completed_on:
      return "completion date";
    case QualificationPart::predicted_grade:
      return "predicted grade";
    case QualificationPart::actual_grade:
      return "actual grade";
  }
  return "";
}

}  // namespace

const std::vector<std::string>& qualification_identity_headings() {
  static const std::vector<std::string> headings = {
      "Account ID",       "UPN",         "ULN", "Forename", "Surname", "Date of birth",
      "Current provider", "Current area"};
  return headings;
}

std::string qualification_heading(std::size_t set, QualificationPart part) {
  return "Qualification " + std::string(part_words(part)) + " " + std::to_string(set);
}

std::vector<std::string> qualification_sheet_headings() {
  std::vector<std::string> out = qualification_identity_headings();
  for (std::size_t set = 1; set <= kQualificationSets; ++set)
    for (auto part : kQualificationParts) out.push_back(qualification_heading(set, part));
  return out;
}

std::optional<QualificationColumn> find_qualification_column(std::string_view heading) {
  const std::string wanted = normalise_heading(heading);
  const auto& identity = qualification_identity_headings();
  for (std::size_t i = 0; i < identity.size(); ++i)
    if (normalise_heading(identity[i]) == wanted) return QualificationColumn{true, i, {}};
  if (wanted == "ucas account id") return QualificationColumn{true, 0, {}};  // the manual's name
  for (auto part : kQualificationParts) {
    const std::string prefix = "qualification " + std::string(part_words(part)) + " ";
    if (!wanted.starts_with(prefix)) continue;
    const std::string number = wanted.substr(prefix.size());
    if (number.empty() || number.size() > 2 ||
        number.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    const std::size_t set = std::stoul(number);
    if (set < 1 || set > kQualificationSets) return std::nullopt;
    return QualificationColumn{false, set, part};
  }
  return std::nullopt;
}

std::string_view qualification_field(QualificationPart part) {
  switch (part) {
    case QualificationPart::type:
      return "type";
    case QualificationPart::subject:
      return "subject";
    case QualificationPart::completed_on:
      return "completed_on";
    case QualificationPart::predicted_grade:
      return "predicted_grade";
    case QualificationPart::actual_grade:
      return "actual_grade";
  }
  return "";
}

}  // namespace lt::domain
