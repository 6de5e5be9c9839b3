// The columns of the learner import spreadsheet (manual 7.3), in template order, with which are
// mandatory. The one list both the template download and the importer's header check use, so the
// file we hand out and the file we accept cannot drift apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lt::domain {

// How a column's cells are typed in the template (and so how Excel keeps what people type).
enum class ImportColumnKind {
  plain,   // free text: names, email, address lines
  digits,  // identifiers kept as text so leading zeros and long numbers survive (ULN, postcode…)
  date,    // a real Excel date, shown as YYYY-MM-DD; text YYYY-MM-DD is accepted too
  choice,  // one label of a reference list, offered as a drop-down
};

struct ImportColumn {
  std::string_view key;    // the learner field it fills, as in the API: "first_name"
  std::string_view label;  // the heading, without the mandatory mark: "First name"
  bool mandatory = false;
  ImportColumnKind kind = ImportColumnKind::plain;
  std::string_view list;  // for choice columns: the reference list ("year-groups")
  std::string_view help;  // one sentence for the Instructions sheet
  double width = 16;      // template column width, in characters
};

// UKPRN, learner year group, first name, last name, postcode, date of birth (mandatory), then
// email, house name or number, street, locality, town, telephone, ULN, UPN, CCIS, gender,
// ethnicity.
const std::vector<ImportColumn>& learner_import_columns();

// The heading the template writes: the label, with " *" when the column is mandatory.
std::string import_heading(const ImportColumn& column);

// The column a heading names, or nullptr. Forgiving of what people do to headings: case, spaces,
// the mandatory mark, and the manual's own short names ("Dob", "Email").
const ImportColumn* find_learner_import_column(std::string_view heading);

}  // namespace lt::domain
