// Bulk qualifications (see qualification_transfer.hpp).
#include "services/qualification_transfer.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "domain/profile.hpp"
#include "domain/qualification_sheet.hpp"
#include "domain/text.hpp"
#include "services/learners.hpp"
#include "store/groups_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/providers_repo.hpp"
#include "store/qualification_catalogue_repo.hpp"
#include "store/query.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::QualificationPart;
namespace catalogue = store::catalogue;

const CatalogueIndex::Entry* CatalogueIndex::find(const std::vector<Entry>& entries,
                                                  std::string_view label_or_code) {
  const std::string wanted = domain::ascii_lower(domain::trim(label_or_code));
  for (const auto& e : entries)
    if (domain::ascii_lower(e.label) == wanted || e.code == wanted) return &e;
  return nullptr;
}

const CatalogueIndex::Type* CatalogueIndex::type(std::string_view label_or_code) const {
  const std::string wanted = domain::ascii_lower(domain::trim(label_or_code));
  for (const auto& t : types)
    if (domain::ascii_lower(t.entry.label) == wanted || t.entry.code == wanted) return &t;
  return nullptr;
}

CatalogueIndex CatalogueIndex::load(soci::session& sql, Id tenant) {
  CatalogueIndex index;
  std::map<Id, std::size_t> at;
  for (const auto& t : catalogue::types(sql, tenant, true)) {
    at[t.id] = index.types.size();
    index.types.push_back(
        {{t.id, t.code, t.label, t.retired}, {}, {}, {t.code, t.retired, {}, {}}});
  }
  for (auto kind : {catalogue::Kind::subject, catalogue::Kind::grade})
    for (const auto& e : catalogue::entries(sql, tenant, kind, std::nullopt, true)) {
      auto it = at.find(e.type_id);
      if (it == at.end()) continue;
      auto& type = index.types[it->second];
      (kind == catalogue::Kind::subject ? type.subjects : type.grades)
          .push_back({e.id, e.code, e.label, e.retired});
      (kind == catalogue::Kind::subject ? type.rules.subjects : type.rules.grades)
          .push_back({e.code, e.retired});
    }
  return index;
}

bool manager_adds(const store::LearnerRow& learner) {
  return domain::manager_adds_qualifications(learner.manager_adds_qualifications,
                                             learner.provider_learners_add);
}

std::vector<store::LearnerRow> learners_for_export(soci::session& sql, const Context& ctx,
                                                   const std::string& year_group,
                                                   std::optional<Id> group_id) {
  store::learners::ListFilter filter;
  filter.scope = edit_scope_of(*ctx.principal);
  filter.year_group = year_group;
  filter.group_id = group_id;
  filter.limit = 500;
  std::vector<store::LearnerRow> out;
  for (;;) {
    auto page = store::learners::list(sql, ctx.tenant_id, filter);
    for (auto& l : page.items)
      if (manager_adds(l)) out.push_back(std::move(l));
    if (!page.next_cursor || page.items.empty()) return out;
    filter.cursor = page.next_cursor;
  }
}

namespace {

// The identifying values of a learner, in the order of qualification_identity_headings().
std::vector<std::string> identity_of(const store::LearnerRow& l, const std::string& area) {
  return {std::to_string(l.id), l.upn,           l.uln,           l.first_name,
          l.last_name,          l.date_of_birth, l.provider_name, area};
}

}  // namespace

QualificationImportCheck check_qualification_import(
    soci::session& sql, const Context& ctx, const formats::Table& table, const std::string& today,
    const std::function<bool(std::size_t)>& progress) {
  QualificationImportCheck out;
  ImportProblems& errors = out.problems;
  // Headings.
  std::vector<std::optional<domain::QualificationColumn>> columns(table.header.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const std::string heading = domain::trim(table.header[i]);
    if (heading.empty()) continue;
    columns[i] = domain::find_qualification_column(heading);
    if (!columns[i]) {
      errors.add(table.header_row, formats::column_letters(i), heading,
                 "\"" + heading +
                     "\" is not a column of the learner qualifications sheet. Export the sheet "
                     "again and enter the qualifications in it.");
      continue;
    }
    const std::string key = columns[i]->identity
                                ? "id" + std::to_string(columns[i]->index)
                                : std::to_string(columns[i]->index) + "/" +
                                      std::string(domain::qualification_field(columns[i]->part));
    if (!seen.insert(key).second) {
      errors.add(table.header_row, formats::column_letters(i), heading,
                 "The column \"" + heading + "\" appears twice.");
      columns[i].reset();
    }
  }
  const auto& identity = domain::qualification_identity_headings();
  for (std::size_t k = 0; k < identity.size(); ++k)
    if (!seen.count("id" + std::to_string(k)))
      errors.add(table.header_row, identity[k], "",
                 "The column \"" + identity[k] +
                     "\" is missing. It identifies the learner: keep every column of the export.");
  if (errors.any()) return out;
  if (table.rows.empty()) {
    errors.add(0, "", "", "The file has no learners in it.");
    return out;
  }

  const auto index = CatalogueIndex::load(sql, ctx.tenant_id);
  std::map<Id, std::string> areas;  // provider -> local authority
  std::map<Id, std::size_t> learner_rows;
  const std::string now = today + "T00:00:00.000Z";
  std::size_t done = 0;
  for (const auto& row : table.rows) {
    const std::size_t before = errors.error_count;
    std::vector<std::string> given(identity.size());
    std::map<std::size_t, domain::QualificationDraft> drafts;  // set -> draft
    std::map<std::size_t, std::map<QualificationPart, std::string>> raw;
    std::map<std::pair<std::size_t, QualificationPart>, std::string> heading_of;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i]) continue;
      const std::string text = i < row.cells.size() ? domain::trim(row.cells[i].text) : "";
      if (i < row.cells.size() && row.cells[i].is_formula) {
        errors.add(row.number, table.header[i], text,
                   "Formulas are not accepted: type the value itself.");
        continue;
      }
      if (columns[i]->identity) {
        given[columns[i]->index] = text;
        continue;
      }
      heading_of[{columns[i]->index, columns[i]->part}] = domain::trim(table.header[i]);
      if (!text.empty()) raw[columns[i]->index][columns[i]->part] = text;
    }
    // The learner, and that the identifying columns are as exported.
    std::optional<store::LearnerRow> learner;
    Id id = 0;
    try {
      std::size_t used = 0;
      id = std::stoll(given[0], &used);
      if (used != given[0].size()) id = 0;
    } catch (const std::exception&) {
      id = 0;
    }
    if (id > 0) {
      auto found = load_learner(sql, ctx, id, Permission::learners_edit);
      if (found) learner = std::move(*found);
    }
    if (!learner) {
      errors.add(row.number, identity[0], given[0],
                 "No learner you manage has this account ID. Keep the IDs of the export.");
    } else if (!manager_adds(*learner)) {
      errors.add(row.number, identity[0], given[0],
                 "This learner adds their own qualifications, so they cannot be imported for "
                 "them.");
    } else if (auto [at, fresh] = learner_rows.emplace(learner->id, row.number); !fresh) {
      errors.add(row.number, identity[0], given[0],
                 "Row " + std::to_string(at->second) + " is the same learner.");
    } else {
      if (!areas.count(learner->provider_id)) {
        auto provider = store::providers::find(sql, ctx.tenant_id, learner->provider_id);
        areas[learner->provider_id] = provider ? provider->local_authority : "";
      }
      const auto expected = identity_of(*learner, areas[learner->provider_id]);
      for (std::size_t k = 1; k < identity.size(); ++k)
        if (domain::ascii_lower(given[k]) != domain::ascii_lower(domain::trim(expected[k])))
          errors.add(row.number, identity[k], given[k],
                     "Do not change this column: it identifies the learner (the export said \"" +
                         expected[k] + "\").");
    }
    // The qualifications.
    LearnerQualificationSet set;
    for (const auto& [number, parts] : raw) {
      const auto text = [&](QualificationPart part) {
        auto it = parts.find(part);
        return it == parts.end() ? std::string() : it->second;
      };
      const auto column = [&](QualificationPart part) {
        auto it = heading_of.find({number, part});
        return it == heading_of.end() ? domain::qualification_heading(number, part) : it->second;
      };
      const CatalogueIndex::Type* type = index.type(text(QualificationPart::type));
      domain::QualificationDraft draft;
      draft.type = type ? type->entry.code : text(QualificationPart::type);
      draft.completed_on = text(QualificationPart::completed_on);
      const auto code_in = [&](const std::vector<CatalogueIndex::Entry>* list,
                               QualificationPart part) -> std::string {
        const std::string value = text(part);
        if (value.empty() || !list) return value;
        const auto* entry = CatalogueIndex::find(*list, value);
        return entry ? entry->code : "\x01" + value;  // never a code: reported as invalid_choice
      };
      draft.subject = code_in(type ? &type->subjects : nullptr, QualificationPart::subject);
      draft.predicted_grade =
          code_in(type ? &type->grades : nullptr, QualificationPart::predicted_grade);
      draft.actual_grade = code_in(type ? &type->grades : nullptr, QualificationPart::actual_grade);
      const auto problems =
          domain::check_qualification(draft, type ? &type->rules : nullptr, today);
      for (const auto& e : problems) {
        QualificationPart part = QualificationPart::type;
        for (auto p : domain::kQualificationParts)
          if (domain::qualification_field(p) == e.field) part = p;
        // "Choose a grade" concerns both grade columns: name the predicted one.
        errors.add(row.number, column(part), text(part), e.message);
      }
      if (!problems.empty() || !type || !learner) continue;
      store::learner_qualifications::Row q;
      q.tenant_id = ctx.tenant_id;
      q.learner_id = learner->id;
      q.type_id = type->entry.id;
      q.subject_id = CatalogueIndex::find(type->subjects, draft.subject)->id;
      if (!draft.predicted_grade.empty())
        q.predicted_grade_id = CatalogueIndex::find(type->grades, draft.predicted_grade)->id;
      if (!draft.actual_grade.empty())
        q.actual_grade_id = CatalogueIndex::find(type->grades, draft.actual_grade)->id;
      q.completed_on = draft.completed_on;
      q.created_at = now;
      set.rows.push_back(std::move(q));
    }
    if (errors.error_count == before && learner) {
      set.learner_id = learner->id;
      out.learners.push_back(std::move(set));
    }
    if (++done % 200 == 0 && !progress(done)) return out;
  }
  progress(done);
  return out;
}

domain::Result<store::jobs::JobRow> QualificationTransfer::start_export(
    const Context& ctx, const std::optional<std::string>& year_group, std::optional<Id> group_id) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can_somewhere(*ctx.principal, Permission::learners_edit))
    return fail(Error::forbidden());
  return deps_.db.write([&](soci::session& sql) -> domain::Result<store::jobs::JobRow> {
    std::vector<domain::FieldError> problems;
    if (!year_group || year_group->empty())
      problems.push_back({"year_group", "required", "Choose the year group to export."});
    else if (!store::reference::contains(sql, "year-groups", *year_group))
      problems.push_back({"year_group", "invalid_choice", "Choose one of the listed year groups."});
    if (group_id) {
      auto group = store::groups::find(sql, ctx.tenant_id, *group_id);
      if (!group || !auth::can(*ctx.principal, Permission::learners_edit,
                               {ctx.tenant_id, {group->provider_id}, {group->id}, {}}))
        problems.push_back({"group_id", "unknown_group", "Choose one of your learner groups."});
    }
    if (!problems.empty()) return fail(Error::validation(std::move(problems)));
    nlohmann::json payload = {{"year_group", *year_group}};
    if (group_id) payload["group_id"] = *group_id;
    const Id id = jobs_.enqueue(sql, ctx, kQualificationExportKind, payload);
    return *store::jobs::find(sql, ctx.tenant_id, id);
  });
}

domain::Result<store::Page<store::jobs::JobRow>> QualificationTransfer::exports(
    const Context& ctx, std::optional<int> limit, const std::optional<std::string>& cursor) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) {
    return store::jobs::list(sql, ctx.tenant_id, std::string(kQualificationExportKind),
                             ctx.principal->user_id, store::page_limit(limit), cursor);
  });
}

}  // namespace lt::services
