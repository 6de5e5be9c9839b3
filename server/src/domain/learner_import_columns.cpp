// The learner import columns (see learner_import_columns.hpp). Help texts follow manual 7.3.
#include "domain/learner_import_columns.hpp"

#include <algorithm>
#include <utility>

#include "domain/text.hpp"

namespace lt::domain {

namespace {
using K = ImportColumnKind;

}  // namespace

const std::vector<ImportColumn>& learner_import_columns() {
  static const std::vector<ImportColumn> columns = {
      {"ukprn", "UKPRN", true, K::digits, "",
       "The UK Provider Reference Number of the provider the learner joins: 8 digits, exactly as "
       "the provider's record shows it.",
       12},
      {"year_group", "Learner year group", true, K::choice, "year-groups",
       "The year group the learner is in now; choose from the list.", 20},
      {"first_name", "First name", true, K::plain, "", "The learner's first or given name.", 18},
      {"last_name", "Last name", true, K::plain, "", "The learner's last or family name.", 18},
      {"postcode", "Postcode", true, K::digits, "", "The learner's postcode, e.g. SW1A 1AA.", 12},
      {"date_of_birth", "Date of birth", true, K::date, "",
       "The learner's date of birth as YYYY-MM-DD, e.g. 2008-04-01 (an Excel date is fine).", 15},
      {"email", "Email address", false, K::plain, "",
       "The learner's main email address: a school or a personal one.", 28},
      {"house", "House name or number", false, K::plain, "",
       "The first line of the address: usually the house name or number.", 20},
      {"street", "Street", false, K::plain, "", "The second line of the address: the street.", 20},
      {"locality", "Locality", false, K::plain, "",
       "The third line of the address: a neighbourhood, place or district.", 16},
      {"town", "Town", false, K::plain, "", "The fourth line of the address: the town or city.",
       16},
      {"telephone", "Telephone", false, K::digits, "",
       "The learner's main telephone number, e.g. 01632 960123.", 16},
      {"uln", "ULN", false, K::digits, "", "The Unique Learner Number: 10 digits.", 13},
      {"upn", "UPN", false, K::digits, "",
       "The Unique Pupil Number: a letter followed by 12 characters.", 15},
      {"ccis", "CCIS", false, K::digits, "", "The CCIS young person record ID.", 12},
      {"gender", "Gender", false, K::choice, "genders",
       "Female, Male, Not known or Not specified; choose from the list.", 14},
      {"ethnicity", "Ethnicity", false, K::choice, "ethnicities",
       "The learner's ethnic group (2011 Census categories); choose from the list.", 40},
  };
  return columns;
}

std::string import_heading(const ImportColumn& column) {
  std::string heading(column.label);
  if (column.mandatory) heading += " *";
  return heading;
}

const ImportColumn* find_learner_import_column(std::string_view heading) {
  static const std::vector<std::pair<std::string, std::string_view>> aliases = {
      {"dob", "date_of_birth"},
      {"date of birth (yyyy-mm-dd)", "date_of_birth"},
      {"email", "email"},
      {"year group", "year_group"},
  };
  const std::string wanted = normalise_heading(heading);
  if (wanted.empty()) return nullptr;
  const auto& columns = learner_import_columns();
  std::string_view key;
  for (const auto& [alias, target] : aliases)
    if (alias == wanted) key = target;
  const auto it = std::find_if(columns.begin(), columns.end(), [&](const ImportColumn& c) {
    return c.key == key || normalise_heading(c.label) == wanted;
  });
  return it == columns.end() ? nullptr : &*it;
}

}  // namespace lt::domain
