// A learner's qualifications (manual 5.4): type, subject, completion month and predicted and/or
// actual grade, each referring to the tenant's catalogue rows, loaded with their codes and labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::learner_qualifications {

struct Row {
  Id id = 0;
  Id tenant_id = 0;
  Id learner_id = 0;
  Id type_id = 0, subject_id = 0;
  std::optional<Id> predicted_grade_id, actual_grade_id;
  std::string completed_on;  // YYYY-MM
  // Joined from the catalogue, for display; empty codes when a grade is not set.
  std::string type_code, type_label, subject_code, subject_label;
  std::string predicted_code, predicted_label, actual_code, actual_label;
  std::string created_at, updated_at;
  int version = 1;
};

// The learner's qualifications, latest completion first.
std::vector<Row> list(soci::session& sql, Id tenant, Id learner_id);
std::optional<Row> find(soci::session& sql, Id tenant, Id learner_id, Id id);
Id insert(soci::session& sql, const Row& row);
// Saves type, subject, month and grades when the version matches; false when stale.
bool update(soci::session& sql, const Row& row, const std::string& now);
void remove(soci::session& sql, Id tenant, Id learner_id, Id id);
// Removes every qualification of the learner (a bulk import replacing them); returns how many.
std::size_t remove_all(soci::session& sql, Id tenant, Id learner_id);

}  // namespace lt::store::learner_qualifications
