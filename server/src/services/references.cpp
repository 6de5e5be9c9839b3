// Learner references (see references.hpp).
#include "services/references.hpp"

#include "services/learners.hpp"
#include "store/learners_repo.hpp"
#include "store/providers_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::ReferenceContent;
using domain::Result;

namespace {

domain::Referee default_referee_of(soci::session& sql, const store::LearnerRow& learner) {
  auto p = store::providers::find(sql, learner.tenant_id, learner.provider_id);
  if (!p) return {};
  return {p->referee_name, p->referee_position, p->referee_telephone, p->referee_email};
}

ReferenceView view_of(soci::session& sql, const store::LearnerRow& learner) {
  ReferenceView v;
  v.learner_id = learner.id;
  v.state = learner.reference_state;
  v.default_referee = default_referee_of(sql, learner);
  if (auto draft = store::references::find_draft(sql, learner.tenant_id, learner.id)) {
    v.content = domain::reference_from_json(nlohmann::json::parse(draft->content));
    v.updated_at = draft->updated_at;
    v.version = draft->version;
  }
  if (auto current = store::references::current_version(sql, learner.tenant_id, learner.id))
    v.current_version = current->number;
  return v;
}

ReferenceVersion version_of(const store::references::VersionRow& row) {
  return {row.number, domain::reference_from_json(nlohmann::json::parse(row.content)),
          row.completed_by, row.completed_by_name, row.completed_at};
}

// Field-level differences between two contents, nested members named "ratings.punctuality".
void diff(const nlohmann::json& before, const nlohmann::json& after, const std::string& prefix,
          Changes& changes) {
  for (const auto& [key, value] : after.items()) {
    const nlohmann::json old = before.is_object() && before.contains(key) ? before[key] : nullptr;
    if (value.is_object())
      diff(old, value, prefix + key + ".", changes);
    else
      changes.field(prefix + key, old, value);
  }
}

}  // namespace

Result<ReferenceView> References::get(const Context& ctx, Id learner_id) {
  return deps_.db.read([&](soci::session& sql) -> Result<ReferenceView> {
    auto learner = load_learner(sql, ctx, learner_id, Permission::learners_view);
    if (!learner) return fail(learner.error());
    return view_of(sql, *learner);
  });
}

Result<ReferenceView> References::save(const Context& ctx, Id learner_id, ReferenceContent content,
                                       int version) {
  return write(ctx, learner_id, std::move(content), version, false);
}

Result<ReferenceView> References::complete(const Context& ctx, Id learner_id,
                                           ReferenceContent content, int version) {
  return write(ctx, learner_id, std::move(content), version, true);
}

Result<ReferenceView> References::write(const Context& ctx, Id learner_id, ReferenceContent content,
                                        int version, bool completing) {
  auto errors = domain::check_reference_draft(content);
  return deps_.db.write([&](soci::session& sql) -> Result<ReferenceView> {
    auto learner = load_learner(sql, ctx, learner_id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    const domain::Referee default_referee = default_referee_of(sql, *learner);
    if (completing && errors.empty())
      errors = domain::check_reference_complete(content, !default_referee.name.empty());
    if (!errors.empty()) return fail(Error::validation(std::move(errors)));
    auto draft = store::references::find_draft(sql, ctx.tenant_id, learner->id);
    if (version != (draft ? draft->version : 0)) return fail(Error::version_conflict());
    if (learner->reference_state == "complete")
      return fail(Error::make(domain::ErrorKind::conflict, "section_complete",
                              "The reference is complete. Reopen it to make changes; they will "
                              "apply to new applications only."));

    const std::string now = deps_.now();
    const nlohmann::json before =
        draft ? nlohmann::json::parse(draft->content) : reference_to_json(ReferenceContent{});
    const nlohmann::json after = reference_to_json(content);
    Changes changes;
    diff(before, after, "", changes);
    store::references::DraftRow row = draft.value_or(store::references::DraftRow{});
    row.tenant_id = ctx.tenant_id;
    row.learner_id = learner->id;
    row.content = after.dump();
    row.updated_by = ctx.actor_id();
    row.updated_at = now;
    if (!draft)
      store::references::insert_draft(sql, row);
    else if (!changes.empty() && !store::references::update_draft(sql, row))
      return fail(Error::version_conflict());
    if (!changes.empty() || !draft)
      audit_.record(sql, ctx, "learner.reference_saved", "learner", learner->id, changes);
    if (!completing) return view_of(sql, *learner);

    // The version names the referee who gave it, even when that is the provider's default, so a
    // later change of the default does not rewrite references already given.
    ReferenceContent recorded = content;
    if (!recorded.different_referee) recorded.referee = default_referee;
    store::references::VersionRow v;
    v.tenant_id = ctx.tenant_id;
    v.learner_id = learner->id;
    v.content = reference_to_json(recorded).dump();
    v.completed_by = ctx.actor_id();
    v.completed_at = now;
    const int number = store::references::insert_version(sql, v);
    Changes completion;
    completion.field("reference", learner->reference_state, "complete")
        .field("reference_version", nullptr, number);
    learner->reference_state = "complete";
    // Section states change only through the learners store, which keeps the status counts.
    if (!store::learners::update(sql, *learner, now)) return fail(Error::version_conflict());
    audit_.record(sql, ctx, "learner.reference_completed", "learner", learner->id, completion);
    return view_of(sql, *learner);
  });
}

Result<std::vector<ReferenceVersion>> References::versions(const Context& ctx, Id learner_id) {
  return deps_.db.read([&](soci::session& sql) -> Result<std::vector<ReferenceVersion>> {
    auto learner = load_learner(sql, ctx, learner_id, Permission::learners_view);
    if (!learner) return fail(learner.error());
    std::vector<ReferenceVersion> out;
    for (const auto& row : store::references::versions(sql, ctx.tenant_id, learner->id))
      out.push_back(version_of(row));
    return out;
  });
}

Result<ReferenceVersion> References::version(const Context& ctx, Id learner_id, int number) {
  return deps_.db.read([&](soci::session& sql) -> Result<ReferenceVersion> {
    auto learner = load_learner(sql, ctx, learner_id, Permission::learners_view);
    if (!learner) return fail(learner.error());
    auto row = store::references::find_version(sql, ctx.tenant_id, learner->id, number);
    if (!row) return fail(Error::not_found("reference version"));
    return version_of(*row);
  });
}

Result<ReferenceVersion> References::own(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  return deps_.db.read([&](soci::session& sql) -> Result<ReferenceVersion> {
    auto learner = store::learners::find_by_user(sql, ctx.tenant_id, ctx.principal->user_id);
    if (!learner) return fail(Error::not_found("reference"));
    auto row = store::references::current_version(sql, ctx.tenant_id, learner->id);
    if (!row) return fail(Error::not_found("reference"));
    auto shown = version_of(*row);
    if (!shown.content.display_to_learner.value_or(false))
      return fail(Error::not_found("reference"));
    return shown;
  });
}

}  // namespace lt::services
