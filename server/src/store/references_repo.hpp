// Learner references: each learner's working draft (one row, versioned for optimistic
// concurrency) and the numbered, immutable versions completed from it. Content is the JSON text
// of domain/reference_rules. Every method takes the tenant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::references {

struct DraftRow {
  Id id = 0;
  Id tenant_id = 0;
  Id learner_id = 0;
  std::string content = "{}";
  std::optional<Id> updated_by;
  std::string created_at, updated_at;
  int version = 0;  // 0: no draft saved yet
};

struct VersionRow {
  Id id = 0;
  Id tenant_id = 0;
  Id learner_id = 0;
  int number = 0;  // 1, 2, … per learner
  std::string content;
  std::optional<Id> completed_by;
  std::string completed_by_name;  // joined from the user, read-only
  std::string completed_at;
};

std::optional<DraftRow> find_draft(soci::session& sql, Id tenant, Id learner_id);
// Inserts the learner's first draft at version 1.
void insert_draft(soci::session& sql, const DraftRow& draft);
// Saves the content when the stored version is `draft.version`, bumping it; false when stale.
bool update_draft(soci::session& sql, const DraftRow& draft);

// Appends version max + 1 for the learner and returns its number.
int insert_version(soci::session& sql, const VersionRow& version);
// Every version of the learner's reference, newest first.
std::vector<VersionRow> versions(soci::session& sql, Id tenant, Id learner_id);
std::optional<VersionRow> find_version(soci::session& sql, Id tenant, Id learner_id, int number);
// The current completed version of the learner's reference: the highest number, which is what an
// application snapshots when it is submitted. nullopt when none has been completed.
std::optional<VersionRow> current_version(soci::session& sql, Id tenant, Id learner_id);

}  // namespace lt::store::references
