// The create-learner form's field rules (manual 5.1, 6.1), in one place for every way a learner
// arrives: the form and API, and the spreadsheet import (row by row).
#pragma once

#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/error.hpp"
#include "services/learners.hpp"

namespace lt::services {

// The codes of the reference lists a learner's fields take, read once per use case rather than a
// query per field (an import checks 100,000 rows against them).
struct ReferenceCodes {
  std::set<std::string> year_groups, genders, ethnicities;
  static ReferenceCodes load(soci::session& sql);
};

// Checks the fields present (all required ones when creating) and cleans them in place (trimmed,
// postcodes and telephone numbers normalised), adding one error per bad field.
void check_learner_fields(LearnerInput& in, bool creating, const std::string& today,
                          std::vector<domain::FieldError>& errors);

// Checks that year group, gender and ethnicity are codes of their lists.
void check_learner_codes(const ReferenceCodes& codes, const LearnerInput& in, bool creating,
                         std::vector<domain::FieldError>& errors);

}  // namespace lt::services
