// The tenant's qualification catalogue: types, and the subjects and grades of each type, as rows
// the administrator edits (label, retired). Each tenant has its own rows, copied from the seed
// tables of migration 0004 when the tenant is created.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::catalogue {

enum class Kind { type, subject, grade };

struct ItemRow {
  Id id = 0;
  Id tenant_id = 0;
  Id type_id = 0;  // the type a subject or grade belongs to; 0 for a type
  std::string code, label;
  int position = 0;
  bool retired = false;
  std::string created_at, updated_at;
  int version = 1;
};

// Copies the seed set into a new tenant's own rows.
void copy_seed(soci::session& sql, Id tenant, const std::string& now);

// Types of the tenant in display order; retired ones only when asked.
std::vector<ItemRow> types(soci::session& sql, Id tenant, bool include_retired);
std::optional<ItemRow> type_by_code(soci::session& sql, Id tenant, const std::string& code);
// Subjects or grades of one type (`type_id`), or of every type (nullopt), in display order.
std::vector<ItemRow> entries(soci::session& sql, Id tenant, Kind kind, std::optional<Id> type_id,
                             bool include_retired);
std::optional<ItemRow> find(soci::session& sql, Id tenant, Kind kind, Id id);
// Whether the code is used already: among the tenant's types, or among one type's entries.
bool code_taken(soci::session& sql, Id tenant, Kind kind, Id type_id, const std::string& code);
// Inserts at the end of the list; returns the id.
Id insert(soci::session& sql, Kind kind, const ItemRow& row);
// Saves label and retired when the version matches; false when stale.
bool update(soci::session& sql, Kind kind, const ItemRow& row, const std::string& now);

}  // namespace lt::store::catalogue
