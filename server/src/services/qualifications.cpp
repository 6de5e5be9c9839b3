// A learner's qualifications.
#include "services/qualifications.hpp"

#include "domain/profile.hpp"
#include "domain/qualification_rules.hpp"
#include "domain/text.hpp"
#include "services/qualification_transfer.hpp"
#include "store/learners_repo.hpp"
#include "store/qualification_catalogue_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::ok;
using domain::Result;
namespace catalogue = store::catalogue;
namespace quals = store::learner_qualifications;

namespace {

domain::Actor actor_of(std::optional<Id> learner) {
  return learner ? domain::Actor::manager : domain::Actor::learner;
}

domain::QualificationDraft draft_of(const quals::Row& row) {
  return {row.type_code, row.subject_code, row.completed_on, row.predicted_code, row.actual_code};
}

// The input over the current values (all empty when adding), trimmed.
domain::QualificationDraft merge(const QualificationInput& in, domain::QualificationDraft d) {
  for (const auto& [value, target] :
       {std::pair{&in.type, &d.type}, std::pair{&in.subject, &d.subject},
        std::pair{&in.completed_on, &d.completed_on},
        std::pair{&in.predicted_grade, &d.predicted_grade},
        std::pair{&in.actual_grade, &d.actual_grade}})
    if (*value) *target = domain::trim(**value);
  return d;
}

// The catalogue type of that code with all its subjects and grades (retired ones too, so the rules
// can tell "retired" from "unknown"), and the ids behind the codes.
struct TypeLookup {
  std::optional<catalogue::ItemRow> type;
  std::vector<catalogue::ItemRow> subjects, grades;
  domain::CatalogueType rules;

  Id id_of(const std::vector<catalogue::ItemRow>& items, const std::string& code) const {
    for (const auto& i : items)
      if (i.code == code) return i.id;
    return 0;
  }
};

TypeLookup look_up(soci::session& sql, Id tenant, const std::string& code) {
  TypeLookup out;
  if (code.empty()) return out;
  out.type = catalogue::type_by_code(sql, tenant, code);
  if (!out.type) return out;
  out.subjects = catalogue::entries(sql, tenant, catalogue::Kind::subject, out.type->id, true);
  out.grades = catalogue::entries(sql, tenant, catalogue::Kind::grade, out.type->id, true);
  out.rules = {out.type->code, out.type->retired, {}, {}};
  for (const auto& s : out.subjects) out.rules.subjects.push_back({s.code, s.retired});
  for (const auto& g : out.grades) out.rules.grades.push_back({g.code, g.retired});
  return out;
}

// Checks the draft and fills the row's ids from it; false with the field errors otherwise.
Result<void> resolve(soci::session& sql, Id tenant, const domain::QualificationDraft& d,
                     const std::string& today, const domain::QualificationDraft* current,
                     quals::Row& row) {
  const TypeLookup found = look_up(sql, tenant, d.type);
  auto errors = domain::check_qualification(d, found.type ? &found.rules : nullptr, today, current);
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  row.type_id = found.type->id;
  row.subject_id = found.id_of(found.subjects, d.subject);
  row.completed_on = domain::trim(d.completed_on);
  row.predicted_grade_id = d.predicted_grade.empty()
                               ? std::nullopt
                               : std::optional<Id>(found.id_of(found.grades, d.predicted_grade));
  row.actual_grade_id = d.actual_grade.empty()
                            ? std::nullopt
                            : std::optional<Id>(found.id_of(found.grades, d.actual_grade));
  return ok();
}

// Field-level before/after of a qualification (codes; null where absent).
void record_fields(Changes& changes, const domain::QualificationDraft* before,
                   const domain::QualificationDraft* after) {
  using D = domain::QualificationDraft;
  using Member = std::string D::*;
  for (const auto& [name, member] : {std::pair<const char*, Member>{"type", &D::type},
                                     {"subject", &D::subject},
                                     {"completed_on", &D::completed_on},
                                     {"predicted_grade", &D::predicted_grade},
                                     {"actual_grade", &D::actual_grade}}) {
    auto value = [member = member](const D* d) {
      return d && !(d->*member).empty() ? nlohmann::json(d->*member) : nlohmann::json(nullptr);
    };
    changes.field(name, value(before), value(after));
  }
}

}  // namespace

Result<QualificationList> Qualifications::list(const Context& ctx, std::optional<Id> learner) {
  return deps_.db.read([&](soci::session& sql) -> Result<QualificationList> {
    auto row = learners_.find_for(sql, ctx, learner, Permission::learners_view);
    if (!row) return fail(row.error());
    return QualificationList{quals::list(sql, ctx.tenant_id, row->id), row->qualifications_state,
                             !manager_adds(*row)};
  });
}

Result<store::LearnerRow> Qualifications::open_for_change(soci::session& sql, const Context& ctx,
                                                          std::optional<Id> learner) {
  auto row = learners_.find_for(sql, ctx, learner, Permission::learners_edit);
  if (!row) return fail(row.error());
  if (!domain::may_change_section(actor_of(learner), domain::Section::qualifications,
                                  manager_adds(*row)))
    return fail(Error::make(domain::ErrorKind::forbidden, "qualifications_added_by_manager",
                            "Your learner manager adds your qualifications."));
  if (row->qualifications_state == "complete")
    return fail(Error::make(domain::ErrorKind::conflict, "section_complete",
                            "Your qualifications are marked complete. Choose \"Update my "
                            "qualifications\" to change them."));
  return *row;
}

Result<void> Qualifications::finish(soci::session& sql, const Context& ctx,
                                    std::optional<Id> learner, store::LearnerRow& row,
                                    const std::string& action, Changes& changes) {
  const std::string before = row.approval;
  unapprove_after_change(actor_of(learner), row, changes);
  if (row.approval != before && !store::learners::update(sql, row, deps_.now()))
    return fail(Error::version_conflict());
  audit_.record(sql, ctx, action, "learner", row.id, changes);
  return ok();
}

Result<quals::Row> Qualifications::add(const Context& ctx, std::optional<Id> learner,
                                       const QualificationInput& input) {
  return deps_.db.write([&](soci::session& sql) -> Result<quals::Row> {
    auto owner = open_for_change(sql, ctx, learner);
    if (!owner) return fail(owner.error());
    const auto draft = merge(input, {});
    quals::Row row;
    if (auto checked = resolve(sql, ctx.tenant_id, draft, deps_.now().substr(0, 10), nullptr, row);
        !checked)
      return fail(checked.error());
    row.tenant_id = ctx.tenant_id;
    row.learner_id = owner->id;
    row.created_at = deps_.now();
    row.id = quals::insert(sql, row);
    Changes changes;
    changes.field("qualification_id", nullptr, row.id);
    record_fields(changes, nullptr, &draft);
    if (auto done = finish(sql, ctx, learner, *owner, "learner.qualification_added", changes);
        !done)
      return fail(done.error());
    return *quals::find(sql, ctx.tenant_id, owner->id, row.id);
  });
}

Result<quals::Row> Qualifications::update(const Context& ctx, std::optional<Id> learner, Id id,
                                          const QualificationInput& input) {
  return deps_.db.write([&](soci::session& sql) -> Result<quals::Row> {
    auto owner = open_for_change(sql, ctx, learner);
    if (!owner) return fail(owner.error());
    auto row = quals::find(sql, ctx.tenant_id, owner->id, id);
    if (!row) return fail(Error::not_found("qualification"));
    if (!input.version)
      return fail(Error::validation("version", "required", "Send the version you edited."));
    const auto current = draft_of(*row);
    const auto draft = merge(input, current);
    if (auto checked =
            resolve(sql, ctx.tenant_id, draft, deps_.now().substr(0, 10), &current, *row);
        !checked)
      return fail(checked.error());
    if (row->version != *input.version) return fail(Error::version_conflict());
    Changes changes;
    record_fields(changes, &current, &draft);
    if (changes.empty()) return *row;
    changes.field("qualification_id", nullptr, id);
    if (!quals::update(sql, *row, deps_.now())) return fail(Error::version_conflict());
    if (auto done = finish(sql, ctx, learner, *owner, "learner.qualification_updated", changes);
        !done)
      return fail(done.error());
    return *quals::find(sql, ctx.tenant_id, owner->id, id);
  });
}

Result<void> Qualifications::remove(const Context& ctx, std::optional<Id> learner, Id id) {
  return deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto owner = open_for_change(sql, ctx, learner);
    if (!owner) return fail(owner.error());
    auto row = quals::find(sql, ctx.tenant_id, owner->id, id);
    if (!row) return fail(Error::not_found("qualification"));
    quals::remove(sql, ctx.tenant_id, owner->id, id);
    const auto before = draft_of(*row);
    Changes changes;
    changes.field("qualification_id", id, nullptr);
    record_fields(changes, &before, nullptr);
    return finish(sql, ctx, learner, *owner, "learner.qualification_deleted", changes);
  });
}

}  // namespace lt::services
