// The learner import's checks and generated usernames (see learner_import.hpp).
#include "services/learner_import.hpp"

#include <map>
#include <optional>
#include <random>
#include <set>
#include <unordered_map>

#include "auth/permissions.hpp"
#include "domain/generated_username.hpp"
#include "domain/learner_import_columns.hpp"
#include "domain/text.hpp"
#include "services/learner_checks.hpp"
#include "store/providers_repo.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using domain::ImportColumn;
using store::learner_import::NewLearner;

namespace {

// A provider a row may name by UKPRN, and whether the uploader may add learners there.
struct ProviderChoice {
  Id id = 0;
  bool allowed = false;
  bool learners_add_qualifications = true;
};

std::unordered_map<std::string, ProviderChoice> providers_by_ukprn(soci::session& sql,
                                                                   const Context& ctx) {
  std::unordered_map<std::string, ProviderChoice> out;
  store::providers::ListFilter filter;
  filter.limit = 500;
  for (;;) {
    auto page = store::providers::list(sql, ctx.tenant_id, filter);
    for (const auto& p : page.items)
      out[p.ukprn] = {p.id,
                      auth::can(*ctx.principal, auth::Permission::learners_edit,
                                {ctx.tenant_id, {p.id}, {}, {}}),
                      p.learners_add_qualifications};
    if (!page.next_cursor || page.items.empty()) return out;
    filter.after = page.items.back().id;
  }
}

// A choice column's accepted spellings (label or code, any case) -> code.
using Choices = std::unordered_map<std::string, std::string>;
std::map<std::string, Choices> choice_lists(soci::session& sql) {
  std::map<std::string, Choices> out;
  for (const auto& column : domain::learner_import_columns()) {
    if (column.list.empty()) continue;
    auto& choices = out[std::string(column.list)];
    for (const auto& item : store::reference::items(sql, std::string(column.list))) {
      choices[domain::ascii_lower(item.label)] = item.code;
      choices[domain::ascii_lower(item.code)] = item.code;
    }
  }
  return out;
}

// Where each template column is in the file; errors for missing, unknown and repeated headings.
std::vector<const ImportColumn*> map_header(const formats::Table& table, ImportProblems& errors) {
  std::vector<const ImportColumn*> at(table.header.size(), nullptr);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string heading = domain::trim(table.header[i]);
    if (heading.empty()) continue;
    const ImportColumn* column = domain::find_learner_import_column(heading);
    if (!column)
      errors.add(table.header_row, formats::column_letters(i), heading,
                 "\"" + heading +
                     "\" is not a column of the learner import template. Remove the column, or "
                     "copy your data into the template.");
    else if (!seen.insert(column->key).second)
      errors.add(table.header_row, formats::column_letters(i), heading,
                 "The column \"" + std::string(column->label) + "\" appears twice.");
    else
      at[i] = column;
  }
  for (const auto& column : domain::learner_import_columns())
    if (column.mandatory && !seen.count(column.key))
      errors.add(table.header_row, domain::import_heading(column), "",
                 "The mandatory column \"" + std::string(column.label) +
                     "\" is missing. Download the template to see the columns expected.");
  return at;
}

std::optional<std::string>* field_of(LearnerInput& in, std::string_view key) {
  static const std::map<std::string_view, std::optional<std::string> LearnerInput::*> fields = {
      {"year_group", &LearnerInput::year_group},
      {"first_name", &LearnerInput::first_name},
      {"last_name", &LearnerInput::last_name},
      {"postcode", &LearnerInput::postcode},
      {"date_of_birth", &LearnerInput::date_of_birth},
      {"email", &LearnerInput::email},
      {"house", &LearnerInput::house},
      {"street", &LearnerInput::street},
      {"locality", &LearnerInput::locality},
      {"town", &LearnerInput::town},
      {"telephone", &LearnerInput::telephone},
      {"uln", &LearnerInput::uln},
      {"upn", &LearnerInput::upn},
      {"ccis", &LearnerInput::ccis},
      {"gender", &LearnerInput::gender},
      {"ethnicity", &LearnerInput::ethnicity},
  };
  const auto it = fields.find(key);
  return it == fields.end() ? nullptr : &(in.*(it->second));
}

// The learner's status flags as migration 0006's view computes them for a new learner (never
// signed in, every section incomplete, defaults followed); its trigger corrects any drift.
int new_learner_flags(bool provider_learners_add) {
  return 1 | 4 | 32 | (provider_learners_add ? 0 : 16);
}

std::string value_or_empty(const std::optional<std::string>& v) {
  return v.value_or("");
}

}  // namespace

LearnerImportCheck check_learner_import(soci::session& sql, const Context& ctx,
                                        formats::Table& table, const std::string& today,
                                        const LearnerImportLimits& limits,
                                        const std::function<bool(std::size_t)>& progress) {
  LearnerImportCheck out{{}, ImportProblems(limits.max_errors)};
  ImportProblems& errors = out.problems;
  const auto columns = map_header(table, errors);
  if (errors.any()) return out;
  if (table.rows.empty()) {
    errors.add(0, "", "",
               "The file has no learners in it: fill in one row per learner under the "
               "headings and upload it again.");
    return out;
  }
  const auto providers = providers_by_ukprn(sql, ctx);
  const auto choices = choice_lists(sql);
  const ReferenceCodes codes = ReferenceCodes::load(sql);
  auto heading_of = [&](std::string_view key) -> std::string {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i] && columns[i]->key == key) return table.header[i];
    return std::string(key);
  };
  std::map<std::string, std::string> headings;  // field key -> the file's heading
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i]) headings[std::string(columns[i]->key)] = domain::trim(table.header[i]);

  std::unordered_map<std::string, std::size_t> uln_rows;        // ULN -> first row with it
  std::map<store::learner_import::Person, std::size_t> people;  // person -> first row
  std::vector<std::size_t> row_numbers;
  out.learners.reserve(table.rows.size());
  std::size_t done = 0;
  for (auto& row : table.rows) {
    const std::size_t errors_before = errors.error_count;
    LearnerInput in;
    std::string ukprn;
    std::map<std::string, std::string> raw;  // field -> cell text as given
    for (std::size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
      if (!columns[i]) continue;
      const auto& cell = row.cells[i];
      const std::string key(columns[i]->key);
      if (cell.is_formula) {
        errors.add(row.number, headings[key], cell.text,
                   "Formulas are not accepted: type the value itself (copy the cells and paste "
                   "them as values).");
        continue;
      }
      raw[key] = cell.text;
      if (key == "ukprn") {
        ukprn = domain::trim(cell.text);
      } else if (auto* field = field_of(in, key)) {
        *field = cell.text;
        if (!columns[i]->list.empty()) {
          const auto& list = choices.at(std::string(columns[i]->list));
          const auto code = list.find(domain::ascii_lower(domain::trim(cell.text)));
          if (code != list.end()) *field = code->second;
        }
      }
    }
    // Not from the file: placeholders that satisfy the form's rules for what the import makes up.
    in.username = "placeholder";
    in.password = "generated";
    std::optional<ProviderChoice> provider;
    if (ukprn.empty()) {
      errors.add(row.number, headings["ukprn"], "", "This field is required.");
    } else if (auto it = providers.find(ukprn); it == providers.end() || !it->second.allowed) {
      errors.add(row.number, headings["ukprn"], ukprn,
                 "No provider you may add learners to has this UKPRN.");
    } else {
      provider = it->second;
    }
    in.provider_id = provider ? provider->id : 0;
    std::vector<domain::FieldError> field_errors;
    check_learner_fields(in, true, today, field_errors);
    check_learner_codes(codes, in, true, field_errors);
    for (const auto& e : field_errors) {
      if (e.field == "username" || e.field == "password" || e.field == "provider_id") continue;
      errors.add(row.number, headings.count(e.field) ? headings[e.field] : heading_of(e.field),
                 raw.count(e.field) ? raw[e.field] : "", e.message);
    }
    if (errors.error_count == errors_before) {
      const std::string uln = value_or_empty(in.uln);
      if (!uln.empty()) {
        auto [it, fresh] = uln_rows.emplace(uln, row.number);
        if (!fresh)
          errors.add(row.number, headings["uln"], uln,
                     "Row " + std::to_string(it->second) + " has the same ULN.");
      }
      store::learner_import::Person person{provider->id, domain::ascii_lower(*in.first_name),
                                           domain::ascii_lower(*in.last_name), *in.date_of_birth};
      auto [at, fresh] = people.emplace(person, row.number);
      if (!fresh)
        errors.add(row.number, headings["last_name"], *in.last_name,
                   "Row " + std::to_string(at->second) +
                       " has a learner with the same name and date of birth at this provider.");
    }
    if (errors.error_count == errors_before) {
      NewLearner l;
      l.provider_id = provider->id;
      l.status_flags = new_learner_flags(provider->learners_add_qualifications);
      l.first_name = *in.first_name;
      l.last_name = *in.last_name;
      l.date_of_birth = *in.date_of_birth;
      l.year_group = *in.year_group;
      if (in.email && !in.email->empty()) l.email = *in.email;
      for (auto [from, to] : {std::pair{&in.house, &l.house},
                              {&in.street, &l.street},
                              {&in.locality, &l.locality},
                              {&in.town, &l.town},
                              {&in.postcode, &l.postcode},
                              {&in.telephone, &l.telephone},
                              {&in.uln, &l.uln},
                              {&in.upn, &l.upn},
                              {&in.ccis, &l.ccis},
                              {&in.gender, &l.gender},
                              {&in.ethnicity, &l.ethnicity}})
        *to = value_or_empty(*from);
      out.learners.push_back(std::move(l));
      row_numbers.push_back(row.number);
    }
    std::vector<formats::Cell>().swap(row.cells);  // checked: free it now
    if (++done % 500 == 0 && !progress(done)) return out;
  }
  progress(done);

  // Against the learners already there, a chunk of values per query.
  std::vector<std::string> ulns, last_names;
  std::set<std::string> seen_last;
  for (const auto& l : out.learners) {
    if (!l.uln.empty()) ulns.push_back(l.uln);
    if (seen_last.insert(domain::ascii_lower(l.last_name)).second)
      last_names.push_back(domain::ascii_lower(l.last_name));
  }
  const auto taken_ulns = store::learner_import::existing_ulns(sql, ctx.tenant_id, ulns);
  const auto existing = store::learner_import::existing_people(sql, ctx.tenant_id, last_names);
  for (std::size_t i = 0; i < out.learners.size(); ++i) {
    const auto& l = out.learners[i];
    if (!l.uln.empty() && taken_ulns.count(l.uln))
      errors.add(row_numbers[i], headings["uln"], l.uln, "A learner with this ULN already exists.");
    if (existing.count({l.provider_id, domain::ascii_lower(l.first_name),
                        domain::ascii_lower(l.last_name), l.date_of_birth}))
      errors.add(row_numbers[i], headings["last_name"], l.last_name,
                 "A learner with this name and date of birth already exists at this provider.");
  }
  return out;
}

void assign_usernames(soci::session& sql, Id tenant, std::vector<NewLearner>& learners) {
  struct Pending {
    std::size_t index;
    std::string base;
    unsigned long n = 1;
  };
  std::vector<Pending> pending;
  pending.reserve(learners.size());
  for (std::size_t i = 0; i < learners.size(); ++i)
    pending.push_back({i, domain::username_base(learners[i].first_name, learners[i].last_name)});
  std::set<std::string> given;  // lower-case usernames handed out by this import
  std::mt19937_64 rng(std::random_device{}());
  for (int round = 0; !pending.empty(); ++round) {
    // Each round proposes one candidate per learner still without a name: the next number of
    // its base, distinct within the round; after a few rounds a random number, so a base that
    // thousands already use does not take thousands of rounds.
    std::map<std::string, unsigned long> next;  // base -> next number to propose this round
    std::vector<std::string> proposed(pending.size());
    std::vector<std::string> keys;
    for (std::size_t p = 0; p < pending.size(); ++p) {
      auto& item = pending[p];
      if (round >= 3) item.n = 10 + rng() % (round < 6 ? 9990 : 999990);
      auto& n = next.try_emplace(item.base, item.n).first->second;
      n = std::max(n, item.n);
      std::string candidate;
      do candidate = domain::username_candidate(item.base, n++);
      while (given.count(domain::ascii_lower(candidate)));
      item.n = n;
      proposed[p] = candidate;
      keys.push_back(domain::ascii_lower(candidate));
    }
    const auto taken = store::learner_import::taken_usernames(sql, tenant, keys);
    std::vector<Pending> still;
    for (std::size_t p = 0; p < pending.size(); ++p) {
      if (taken.count(keys[p]) || !given.insert(keys[p]).second) {
        still.push_back(pending[p]);
        continue;
      }
      learners[pending[p].index].username = proposed[p];
    }
    pending = std::move(still);
  }
}

}  // namespace lt::services
