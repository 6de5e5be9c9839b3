// Learner records.
#include "services/learners.hpp"
#include "services/learner_checks.hpp"

#include "auth/secrets.hpp"
#include "domain/account_rules.hpp"
#include "domain/learner_rules.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"
#include "services/notifications.hpp"
#include "store/groups_repo.hpp"
#include "store/initial_passwords_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/outbox_repo.hpp"
#include "store/providers_repo.hpp"
#include "store/query.hpp"
#include "store/reference_repo.hpp"
#include "store/sessions_repo.hpp"
#include "store/tenants_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;
using domain::FieldError;
using domain::ok;
using domain::Result;

namespace {

// What a scope sees, as part of a cache key: "" when it sees the whole tenant.
std::string scope_key(const store::learners::Scope& scope) {
  if (!scope.provider_ids) return {};
  std::string key = "/p";
  for (Id id : *scope.provider_ids) key += "," + std::to_string(id);
  key += "/g";
  for (Id id : scope.group_ids) key += "," + std::to_string(id);
  return key;
}

// A list's total depends on its scope and filters, not on its order, page size or cursor.
std::string counted_total_key(Id tenant, const store::learners::ListFilter& f) {
  const auto id = [](const std::optional<Id>& v) { return v ? std::to_string(*v) : "*"; };
  // The search text last: it is the one part that may hold any character.
  return std::to_string(tenant) + scope_key(f.scope) + "/p" + id(f.provider_id) + "/g" +
         id(f.group_id) + "/y" + f.year_group.value_or("*") + "/s" + f.status.value_or("*") + "/q" +
         (f.q ? "=" + *f.q : "*");
}

// Where a learner lives for permission checks: their provider and their groups.
auth::Resource resource_of(soci::session& sql, const store::LearnerRow& l) {
  return {l.tenant_id, {l.provider_id}, store::groups::of_learner(sql, l.id), {}};
}

}  // namespace

namespace {
store::learners::Scope scope_for(const auth::Principal& who, Permission permission) {
  auto providers = auth::scope_ids(who, permission, auth::ScopeType::provider);
  auto groups = auth::scope_ids(who, permission, auth::ScopeType::group);
  if (!providers || !groups) return {};  // a tenant-wide assignment covers everyone
  return {*providers, *groups};
}
}  // namespace

store::learners::Scope scope_of(const auth::Principal& who) {
  return scope_for(who, Permission::learners_view);
}

store::learners::Scope edit_scope_of(const auth::Principal& who) {
  return scope_for(who, Permission::learners_edit);
}

namespace {

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// Applies the present fields to the learner, recording changes.
void apply(const LearnerInput& in, store::LearnerRow& l, Changes& changes) {
  auto set = [&](const char* field, const std::optional<std::string>& value, std::string& target) {
    if (!value) return;
    changes.field(field, target, *value);
    target = *value;
  };
  set("first_name", in.first_name, l.first_name);
  set("last_name", in.last_name, l.last_name);
  set("date_of_birth", in.date_of_birth, l.date_of_birth);
  set("year_group", in.year_group, l.year_group);
  set("profile_sign_off", in.profile_sign_off, l.profile_sign_off);
  set("manager_adds_qualifications", in.manager_adds_qualifications, l.manager_adds_qualifications);
  set("house", in.house, l.house);
  set("street", in.street, l.street);
  set("locality", in.locality, l.locality);
  set("town", in.town, l.town);
  set("postcode", in.postcode, l.postcode);
  set("telephone", in.telephone, l.telephone);
  set("uln", in.uln, l.uln);
  set("upn", in.upn, l.upn);
  set("ccis", in.ccis, l.ccis);
  set("gender", in.gender, l.gender);
  set("ethnicity", in.ethnicity, l.ethnicity);
  if (in.email) {
    std::optional<std::string> next = in.email->empty() ? std::nullopt : in.email;
    changes.field("email", opt(l.email), opt(next));
    l.email = next;
  }
  if (in.provider_id && *in.provider_id != l.provider_id) {
    changes.field("provider_id", l.provider_id, *in.provider_id);
    l.provider_id = *in.provider_id;
  }
}

// Copies the account fields of the learner onto their user row.
void sync_user(soci::session& sql, const store::LearnerRow& l, const std::string& now) {
  auto user = store::users::find(sql, l.tenant_id, l.user_id);
  if (!user) return;
  const bool email_changed = user->email != l.email;
  user->first_name = l.first_name;
  user->last_name = l.last_name;
  user->email = l.email;
  if (email_changed) user->email_verified = false;
  store::users::update(sql, *user, now);
}

// The stored state of a section.
std::string& state_of(store::LearnerRow& l, domain::Section section) {
  switch (section) {
    case domain::Section::key_information:
      return l.key_information_state;
    case domain::Section::additional_information:
      return l.additional_information_state;
    case domain::Section::qualifications:
      return l.qualifications_state;
    case domain::Section::reference:
      return l.reference_state;
  }
  return l.key_information_state;
}

// Fields the input changes that lie in a section marked complete (manual 5.2 f: reopen first).
std::vector<FieldError> closed_fields(const LearnerInput& in, store::LearnerRow& l) {
  std::vector<FieldError> closed;
  for (const auto& [value, field] :
       std::initializer_list<std::pair<const std::optional<std::string>*, const char*>>{
           {&in.first_name, "first_name"},
           {&in.last_name, "last_name"},
           {&in.date_of_birth, "date_of_birth"},
           {&in.email, "email"},
           {&in.house, "house"},
           {&in.street, "street"},
           {&in.locality, "locality"},
           {&in.town, "town"},
           {&in.postcode, "postcode"},
           {&in.telephone, "telephone"},
           {&in.gender, "gender"},
           {&in.year_group, "year_group"},
           {&in.uln, "uln"},
           {&in.upn, "upn"},
           {&in.ccis, "ccis"},
           {&in.ethnicity, "ethnicity"}}) {
    if (!*value) continue;
    const auto section = domain::section_of_field(field);
    if (section && state_of(l, *section) == "complete")
      closed.push_back({field, "section_complete", "This section is marked complete."});
  }
  return closed;
}

}  // namespace

Result<store::LearnerRow> Learners::load(soci::session& sql, const Context& ctx, Id id,
                                         Permission permission) {
  return load_learner(sql, ctx, id, permission);
}

Result<store::LearnerRow> load_learner(soci::session& sql, const Context& ctx, Id id,
                                       Permission permission) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto learner = store::learners::find(sql, ctx.tenant_id, id);
  const auto where = learner ? resource_of(sql, *learner) : auth::Resource{};
  if (!learner || !auth::can(*ctx.principal, Permission::learners_view, where))
    return fail(auth::can_somewhere(*ctx.principal, Permission::learners_view)
                    ? Error::not_found("learner")
                    : Error::forbidden());
  if (!auth::can(*ctx.principal, permission, where)) return fail(Error::forbidden());
  return *learner;
}

Result<store::LearnerRow> Learners::find_for(soci::session& sql, const Context& ctx,
                                             std::optional<Id> id, Permission permission) {
  if (id) return load(sql, ctx, *id, permission);
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto mine = store::learners::find_by_user(sql, ctx.tenant_id, ctx.principal->user_id);
  if (!mine) return fail(Error::not_found("learner profile"));
  return *mine;
}

void unapprove_after_change(domain::Actor actor, store::LearnerRow& learner, Changes& changes) {
  if (actor != domain::Actor::learner || learner.approval != "approved") return;
  changes.field("approval", "approved", "not_approved");
  learner.approval = "not_approved";
}

std::string approval_of(const store::LearnerRow& l) {
  const bool complete = l.key_information_state == "complete" &&
                        l.additional_information_state == "complete" &&
                        l.qualifications_state == "complete" && l.reference_state == "complete";
  return domain::approval_state(domain::sign_off_applies(l.profile_sign_off, l.provider_sign_off),
                                complete, l.approval == "approved");
}

Result<store::learners::ListFilter> Learners::filter_of(const Context& ctx,
                                                        const LearnerQuery& query) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::learners_view))
    return fail(Error::forbidden());
  if (query.status && store::learners::status_condition(*query.status).empty())
    return fail(
        Error::validation("status", "invalid_status", "Choose one of the listed statuses."));
  if (query.sort && !store::learners::valid_sort(*query.sort))
    return fail(Error::validation("sort", "invalid_sort",
                                  "Sort by last_name, -last_name, created_at, -created_at or "
                                  "username."));
  if (query.year_group && !deps_.db.read([&](soci::session& sql) {
        return store::reference::contains(sql, "year-groups", *query.year_group);
      }))
    return fail(
        Error::validation("year_group", "invalid_choice", "Choose one of the listed year groups."));
  store::learners::ListFilter filter;
  filter.scope = scope_of(*ctx.principal);
  filter.year_group = query.year_group;
  if (query.sort) filter.sort = *query.sort;
  filter.provider_id = query.provider_id;
  filter.group_id = query.group_id;
  if (query.q && !domain::trim(*query.q).empty())
    filter.q = domain::ascii_lower(domain::trim(*query.q));
  filter.status = query.status;
  filter.limit = store::page_limit(query.limit);
  filter.cursor = query.cursor;
  filter.summary = query.summary;
  return filter;
}

Result<store::PageInfo> Learners::list(const Context& ctx, const LearnerQuery& query,
                                       const store::learners::LearnerVisitor& visit) {
  auto filter = filter_of(ctx, query);
  if (!filter) return fail(std::move(filter.error()));
  // Totals of unnarrowed lists come from the status counters (see store::learners::list); the
  // others are counted by queries, and remembered for the write epoch.
  if (!filter->q && !filter->group_id && !filter->year_group) {
    const auto totals = histogram(ctx, filter->scope, filter->provider_id);
    return deps_.db.read([&](soci::session& sql) {
      return store::learners::list(sql, ctx.tenant_id, *filter, visit, &totals);
    });
  }
  const std::string key = counted_total_key(ctx.tenant_id, *filter);
  const std::uint64_t epoch = deps_.db.write_epoch();  // before reading (epoch_cache.hpp)
  const auto known = counted_totals_.find(key, epoch);
  if (known) filter->count_total = false;
  auto page = deps_.db.read([&](soci::session& sql) {
    return store::learners::list(sql, ctx.tenant_id, *filter, visit);
  });
  if (known) {
    page.total = known->total;
    page.total_capped = known->capped;
  } else {
    counted_totals_.store(key, {page.total, page.total_capped}, epoch);
  }
  return page;
}

Result<std::size_t> Learners::visit_all(
    const Context& ctx, const LearnerQuery& query,
    const std::function<void(const store::LearnerRow&)>& visit) {
  LearnerQuery all = query;
  all.cursor.reset();
  all.limit = 500;
  auto filter = filter_of(ctx, all);
  if (!filter) return fail(std::move(filter.error()));
  filter->count_total = false;
  std::size_t count = 0;
  for (;;) {
    auto page = deps_.db.read(
        [&](soci::session& sql) { return store::learners::list(sql, ctx.tenant_id, *filter); });
    for (const auto& learner : page.items) visit(learner);
    count += page.items.size();
    if (!page.next_cursor || page.items.empty()) return count;
    filter->cursor = std::move(page.next_cursor);
  }
}

store::learner_counts::Histogram Learners::histogram(const Context& ctx,
                                                     const store::learners::Scope& scope,
                                                     std::optional<Id> provider) {
  const std::string key = std::to_string(ctx.tenant_id) + "/" +
                          (provider ? std::to_string(*provider) : "*") + scope_key(scope);
  const std::uint64_t epoch = deps_.db.write_epoch();  // before reading (epoch_cache.hpp)
  if (auto cached = histograms_.find(key, epoch)) return *cached;
  auto fresh = deps_.db.read([&](soci::session& sql) {
    return store::learner_counts::in_scope(sql, ctx.tenant_id, scope, provider);
  });
  histograms_.store(key, fresh, epoch);
  return fresh;
}

Result<store::LearnerRow> Learners::get(const Context& ctx, Id id) {
  return deps_.db.read(
      [&](soci::session& sql) { return load(sql, ctx, id, Permission::learners_view); });
}

Result<store::LearnerRow> Learners::create(const Context& ctx, const LearnerInput& raw) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::learners_edit))
    return fail(Error::forbidden());
  LearnerInput in = raw;
  std::vector<FieldError> errors;
  const std::string today = deps_.now().substr(0, 10);
  check_learner_fields(in, true, today, errors);
  auto policy = deps_.db.read([&](soci::session& sql) {
    auto tenant = store::tenants::find(sql, ctx.tenant_id);
    return domain::PasswordPolicy::named(tenant ? tenant->password_policy : "standard")
        .value_or(domain::PasswordPolicy::standard());
  });
  if (in.password && !in.password->empty())
    if (auto checked = policy.check(*in.password); !checked)
      errors.push_back(checked.error().fields.front());
  // Reference codes and the provider need the database; check them before hashing.
  deps_.db.read([&](soci::session& sql) {
    check_learner_codes(ReferenceCodes::load(sql), in, true, errors);
    if (in.provider_id && (!store::providers::find(sql, ctx.tenant_id, *in.provider_id) ||
                           !auth::can(*ctx.principal, Permission::learners_edit,
                                      {ctx.tenant_id, {*in.provider_id}, {}, {}})))
      errors.push_back({"provider_id", "unknown_provider", "Choose one of your providers."});
    if (in.username && !in.username->empty() &&
        store::users::username_taken(sql, ctx.tenant_id, *in.username))
      errors.push_back(
          {"username", "username_taken", "That username is already in use. Choose another."});
  });
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  const std::string hash = auth::hash_password(*in.password);

  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    if (store::users::username_taken(sql, ctx.tenant_id, *in.username))
      return fail(Error::validation("username", "username_taken",
                                    "That username is already in use. Choose another."));
    const std::string now = deps_.now();
    store::UserRow user;
    user.tenant_id = ctx.tenant_id;
    user.kind = "learner";
    user.username = *in.username;
    user.email = in.email && !in.email->empty() ? in.email : std::nullopt;
    user.first_name = *in.first_name;
    user.last_name = *in.last_name;
    user.password_hash = hash;
    user.must_change_password = true;
    user.created_at = now;
    user.id = store::users::insert(sql, user);
    store::users::replace_roles(sql, ctx.tenant_id, user.id,
                                {{"learner", "provider", *in.provider_id}}, now);

    store::LearnerRow l;
    l.tenant_id = ctx.tenant_id;
    l.user_id = user.id;
    l.username = user.username;
    l.created_at = now;
    Changes changes;
    changes.field("username", nullptr, user.username);
    apply(in, l, changes);
    l.id = store::learners::insert(sql, l);
    audit_.record(sql, ctx, "learner.created", "learner", l.id, changes);
    return *store::learners::find(sql, ctx.tenant_id, l.id);
  });
}

Result<store::LearnerRow> Learners::update(const Context& ctx, Id id, const LearnerInput& raw) {
  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    auto learner = load(sql, ctx, id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    return edit(sql, ctx, *learner, raw, domain::Actor::manager);
  });
}

Result<store::LearnerRow> Learners::own(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  auto learner = deps_.db.read([&](soci::session& sql) {
    return store::learners::find_by_user(sql, ctx.tenant_id, ctx.principal->user_id);
  });
  if (!learner) return fail(Error::not_found("learner profile"));
  return *learner;
}

Result<store::LearnerRow> Learners::update_own(const Context& ctx, const LearnerInput& raw) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  LearnerInput in = raw;
  // A learner edits their profile, not where it sits or how it is checked.
  in.provider_id.reset();
  in.profile_sign_off.reset();
  in.manager_adds_qualifications.reset();
  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    auto learner = store::learners::find_by_user(sql, ctx.tenant_id, ctx.principal->user_id);
    if (!learner) return fail(Error::not_found("learner profile"));
    return edit(sql, ctx, *learner, in, domain::Actor::learner);
  });
}

Result<store::LearnerRow> Learners::edit(soci::session& sql, const Context& ctx,
                                         store::LearnerRow learner, const LearnerInput& raw,
                                         domain::Actor actor) {
  LearnerInput in = raw;
  in.username.reset();  // usernames change through the account, not here
  in.password.reset();
  std::vector<FieldError> errors;
  check_learner_fields(in, false, deps_.now().substr(0, 10), errors);
  check_learner_codes(ReferenceCodes::load(sql), in, false, errors);
  if (in.provider_id && *in.provider_id != learner.provider_id &&
      (!store::providers::find(sql, ctx.tenant_id, *in.provider_id) ||
       !auth::can(*ctx.principal, Permission::learners_edit,
                  {ctx.tenant_id, {*in.provider_id}, {}, {}})))
    errors.push_back({"provider_id", "unknown_provider", "Choose one of your providers."});
  if (!errors.empty()) return fail(Error::validation(std::move(errors)));
  if (learner.version != *in.version) return fail(Error::version_conflict());
  if (auto closed = closed_fields(in, learner); !closed.empty())
    return fail(Error{domain::ErrorKind::conflict,
                      "section_complete",
                      "This section is marked complete. Choose \"Update my personal information\" "
                      "to change it.",
                      std::move(closed),
                      {}});
  Changes changes;
  apply(in, learner, changes);
  if (changes.empty()) return learner;
  unapprove_after_change(actor, learner, changes);
  const std::string now = deps_.now();
  if (!store::learners::update(sql, learner, now)) return fail(Error::version_conflict());
  sync_user(sql, learner, now);
  audit_.record(sql, ctx, "learner.updated", "learner", learner.id, changes);
  return *store::learners::find(sql, ctx.tenant_id, learner.id);
}

Result<store::LearnerRow> Learners::set_section(const Context& ctx, std::optional<Id> id,
                                                domain::Section section, bool complete) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  const auto actor = id ? domain::Actor::manager : domain::Actor::learner;
  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    auto learner = find_for(sql, ctx, id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    const bool manager_adds = domain::manager_adds_qualifications(
        learner->manager_adds_qualifications, learner->provider_learners_add);
    if (!domain::may_change_section(actor, section, manager_adds)) return fail(Error::forbidden());
    // A complete reference is a recorded version (services/references), so it is completed only
    // there; reopening goes through here like any section.
    if (section == domain::Section::reference && complete)
      return fail(Error::make(domain::ErrorKind::conflict, "complete_reference_details",
                              "Complete the reference with \"Complete reference details\", "
                              "which records a version of it."));
    std::string& state = state_of(*learner, section);
    const std::string next = complete ? "complete" : "incomplete";
    if (state == next) return *learner;
    Changes changes;
    changes.field(std::string(domain::section_name(section)), state, next);
    state = next;
    unapprove_after_change(actor, *learner, changes);
    if (!store::learners::update(sql, *learner, deps_.now()))
      return fail(Error::version_conflict());
    audit_.record(sql, ctx, complete ? "learner.section_completed" : "learner.section_reopened",
                  "learner", learner->id, changes);
    return *store::learners::find(sql, ctx.tenant_id, learner->id);
  });
}

Result<store::LearnerRow> Learners::set_approval(const Context& ctx, Id id, bool approved) {
  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    auto learner = load(sql, ctx, id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    const bool all_complete = learner->key_information_state == "complete" &&
                              learner->additional_information_state == "complete" &&
                              learner->qualifications_state == "complete" &&
                              learner->reference_state == "complete";
    if (approved &&
        !domain::sign_off_applies(learner->profile_sign_off, learner->provider_sign_off))
      return fail(Error::make(domain::ErrorKind::conflict, "approval_not_required",
                              "This learner's profile does not need approval."));
    if (approved && !all_complete)
      return fail(Error::make(domain::ErrorKind::conflict, "profile_incomplete",
                              "Every section must be complete before the profile is approved."));
    const std::string next = approved ? "approved" : "not_approved";
    if (learner->approval == next) return *learner;
    Changes changes;
    changes.field("approval", learner->approval, next);
    learner->approval = next;
    if (!store::learners::update(sql, *learner, deps_.now()))
      return fail(Error::version_conflict());
    if (approved && learner->email) {
      const std::string body =
          "Hello " + learner->first_name +
          ",\n\nYour Learnertrack profile has been approved by your learner manager. Any "
          "applications waiting for approval can now go ahead.\n";
      store::outbox::insert(sql, ctx.tenant_id, *learner->email, "Your profile has been approved",
                            body, deps_.now());
    }
    if (approved)
      notify(sql, deps_, ctx.tenant_id, learner->user_id, "profile_approved",
             "Your profile has been approved",
             "Your learner manager has approved your profile. Applications waiting for approval "
             "can now go ahead.",
             "/profile");
    else
      notify(sql, deps_, ctx.tenant_id, learner->user_id, "profile_unapproved",
             "Your profile is no longer approved",
             "Your learner manager has withdrawn the approval of your profile. Check your "
             "profile and ask them if you are not sure why.",
             "/profile");
    audit_.record(sql, ctx, approved ? "learner.approved" : "learner.unapproved", "learner", id,
                  changes);
    return *store::learners::find(sql, ctx.tenant_id, id);
  });
}

Result<void> Learners::remove(const Context& ctx, Id id) {
  return deps_.db.write([&](soci::session& sql) -> Result<void> {
    auto learner = load(sql, ctx, id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    const std::string now = deps_.now();
    store::learners::soft_delete(sql, ctx.tenant_id, id, now);
    if (auto user = store::users::find(sql, ctx.tenant_id, learner->user_id)) {
      user->status = "disabled";  // a deleted learner can no longer sign in
      store::users::update(sql, *user, now);
      store::sessions::remove_for_user(sql, user->id);
    }
    Changes changes;
    changes.field("deleted", false, true);
    audit_.record(sql, ctx, "learner.deleted", "learner", id, changes);
    return ok();
  });
}

Result<std::string> Learners::reset_password(const Context& ctx, Id id) {
  auto learner = get(ctx, id);
  if (!learner) return fail(learner.error());
  const std::string password = auth::generate_password();
  const std::string hash = auth::hash_password(password);
  return deps_.db.write([&](soci::session& sql) -> Result<std::string> {
    auto checked = load(sql, ctx, id, Permission::learners_edit);
    if (!checked) return fail(checked.error());
    auto user = store::users::find(sql, ctx.tenant_id, checked->user_id);
    if (!user) return fail(Error::not_found("learner"));
    Changes changes;
    changes.field("must_change_password", user->must_change_password, true)
        .field("locked", user->locked, false);
    user->password_hash = hash;
    store::initial_passwords::erase(sql, ctx.tenant_id, user->id);  // the generated one is void
    user->must_change_password = true;
    user->locked = false;
    user->failed_logins = 0;
    store::users::update(sql, *user, deps_.now());
    store::sessions::remove_for_user(sql, user->id);
    audit_.record(sql, ctx, "learner.password_reset", "learner", id, changes);
    return password;
  });
}

Result<store::LearnerRow> Learners::unlock(const Context& ctx, Id id) {
  return deps_.db.write([&](soci::session& sql) -> Result<store::LearnerRow> {
    auto learner = load(sql, ctx, id, Permission::learners_edit);
    if (!learner) return fail(learner.error());
    auto user = store::users::find(sql, ctx.tenant_id, learner->user_id);
    if (!user) return fail(Error::not_found("learner"));
    if (!user->locked) return *learner;
    Changes changes;
    changes.field("locked", true, false).field("failed_logins", user->failed_logins, 0);
    user->locked = false;
    user->failed_logins = 0;
    store::users::update(sql, *user, deps_.now());
    audit_.record(sql, ctx, "learner.unlocked", "learner", id, changes);
    return *store::learners::find(sql, ctx.tenant_id, id);
  });
}

Result<std::vector<std::pair<std::string, long long>>> Learners::dashboard(const Context& ctx) {
  if (!ctx.principal || !auth::can_somewhere(*ctx.principal, Permission::learners_view))
    return fail(Error::forbidden());
  return store::learner_counts::dashboard(histogram(ctx, scope_of(*ctx.principal), std::nullopt));
}

}  // namespace lt::services
