// The blank learner import template (manual 7.2, 7.3): a "Learners" sheet with the columns of
// domain::learner_import_columns in order, mandatory ones marked "*", text-formatted identifier
// columns, a date-formatted date of birth and drop-down lists; an "Instructions" sheet; and a
// hidden "Lists" sheet the drop-downs draw from. Pure: the caller supplies the lists.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace lt::formats {

struct TemplateProvider {
  std::string ukprn, name;
};

struct LearnerTemplateInput {
  // Labels offered by each choice column, by reference list name ("year-groups", "genders",
  // "ethnicities"), in display order.
  std::map<std::string, std::vector<std::string>> choices;
  // The providers the user may add learners to: the UKPRN drop-down (none: no drop-down).
  std::vector<TemplateProvider> providers;
  // How many rows below the heading get the drop-downs (the import's row limit).
  std::size_t rows = 100'000;
};

inline constexpr const char* kLearnerTemplateFilename = "learner-import-template.xlsx";

domain::Result<std::string> learner_import_template(const LearnerTemplateInput& input);

}  // namespace lt::formats
