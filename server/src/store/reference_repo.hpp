// Reference lists seeded by migrations (year groups, genders, ethnicities, …): code and label.
#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::reference {

// The items of a list in display order; empty for an unknown list.
std::vector<ReferenceItem> items(soci::session& sql, const std::string& list);
bool contains(soci::session& sql, const std::string& list, const std::string& code);

}  // namespace lt::store::reference
