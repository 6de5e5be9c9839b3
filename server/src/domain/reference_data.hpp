// The reference lists learner forms offer (year groups, genders, ethnicities) as code and label,
// in display order. These lists are the single source for the reference_items rows that
// migrations seed (0002_learners.sql); reference_data_test checks the embedded migrations of both
// dialects against them. Codes are stored on learner rows and sent by clients, so they are stable:
// never rename or reuse one; add a new code instead (and a migration that seeds it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lt::domain {

struct CodeLabel {
  std::string code;
  std::string label;
  bool operator==(const CodeLabel&) const = default;
};
using CodeList = std::vector<CodeLabel>;

// "year-groups": year_7 … year_13, post_16, adult. Year N is the year a pupil aged N + 4 on the
// 31 August before the academic year starts is in (FACTS.md §10); the manual's drop-down starts at
// Year 7.
const CodeList& year_groups();
// "genders": female, male, not_known, not_specified (manual 5.1).
const CodeList& genders();
// "ethnicities": the 2011 Census categories for England. The codes are the ILR Ethnicity codes
// (31–47, 98 any other ethnic group, 99 not provided; FACTS.md §10), not snake_case words, so an
// ILR export can use them as they are and the rows already seeded keep their meaning.
const CodeList& ethnicities();
// "reference-ratings": the one scale a learner's reference rates each criterion on (manual 5.5),
// best first: excellent, good, average, below_average, poor. Seeded by 0005_references.sql.
const CodeList& reference_ratings();

// The names of the lists, as used in /api/v1/reference/{list} and reference_items.list.
const std::vector<std::string>& reference_list_names();
// The list with that name, or nullptr.
const CodeList* reference_list(std::string_view name);
// The entry with exactly that code (case-sensitive), or nullptr.
const CodeLabel* find_code(const CodeList& list, std::string_view code);

}  // namespace lt::domain
