// Learner records (manual sections 5.1, 5.2, 6): create with every field's rule, list with search
// and status filters, view, edit with optimistic concurrency, soft delete, reset password, unlock,
// and the dashboard counts. A learner is a user account (kind "learner", role "learner" at their
// provider) plus a learner row; everything is limited to the providers in the caller's scope.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/error.hpp"
#include "domain/profile.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/epoch_cache.hpp"
#include "store/learner_counts_repo.hpp"
#include "store/learners_repo.hpp"

namespace lt::services {

// Every editable field; absent fields are left alone on update and required ones on create.
struct LearnerInput {
  std::optional<std::string> username, password, first_name, last_name, date_of_birth, email,
      year_group, profile_sign_off, manager_adds_qualifications, house, street, locality, town,
      postcode, telephone, uln, upn, ccis, gender, ethnicity;
  std::optional<Id> provider_id;
  std::optional<int> version;
};

struct LearnerQuery {
  std::optional<std::string> q, status, cursor, sort;
  std::optional<std::string> year_group;  // a code of the year-groups list
  std::optional<Id> provider_id, group_id;
  std::optional<int> limit;
  bool summary = false;  // ?view=summary: only what a list item shows (ListFilter::summary)
};

class Learners {
 public:
  Learners(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // The page `query` asks for: its learners handed to `visit` one at a time as they are read (see
  // store::learners::LearnerVisitor), then its cursor and total.
  domain::Result<store::PageInfo> list(const Context& ctx, const LearnerQuery& query,
                                       const store::learners::LearnerVisitor& visit);
  // Every learner list() would show for `query`, in its order and ignoring its paging, handed to
  // `visit` one by one; pages of 500 are read each on its own, so an export of any size holds no
  // connection throughout and no more than a page in memory. The same checks and errors as
  // list(); the number of learners visited.
  domain::Result<std::size_t> visit_all(const Context& ctx, const LearnerQuery& query,
                                        const std::function<void(const store::LearnerRow&)>& visit);
  domain::Result<store::LearnerRow> get(const Context& ctx, Id id);
  domain::Result<store::LearnerRow> create(const Context& ctx, const LearnerInput& input);
  domain::Result<store::LearnerRow> update(const Context& ctx, Id id, const LearnerInput& input);
  // The signed-in learner's own record, and their edits to it (which un-approve an approved
  // profile).
  domain::Result<store::LearnerRow> own(const Context& ctx);
  domain::Result<store::LearnerRow> update_own(const Context& ctx, const LearnerInput& input);
  // Marks a section complete or reopens it ("Update my personal information"); `id` nullopt acts
  // on the signed-in learner's own profile.
  domain::Result<store::LearnerRow> set_section(const Context& ctx, std::optional<Id> id,
                                                domain::Section section, bool complete);
  // Approves or un-approves a profile where sign-off applies (manual 5.6); approval needs every
  // section complete and tells the learner by email when they have one.
  domain::Result<store::LearnerRow> set_approval(const Context& ctx, Id id, bool approved);
  domain::Result<void> remove(const Context& ctx, Id id);
  // A new one-time password the learner must change at first sign-in; also unlocks.
  domain::Result<std::string> reset_password(const Context& ctx, Id id);
  domain::Result<store::LearnerRow> unlock(const Context& ctx, Id id);
  domain::Result<std::vector<std::pair<std::string, long long>>> dashboard(const Context& ctx);

  // Inside the caller's transaction: the learner `id` with `permission` checked (other-scope
  // learners answer 404), or with `id` nullopt the signed-in learner's own record (404 for staff).
  // For use cases on a learner's parts, e.g. their qualifications.
  domain::Result<store::LearnerRow> find_for(soci::session& sql, const Context& ctx,
                                             std::optional<Id> id, auth::Permission permission);

 private:
  // The store filter list() and visit_all() share: 403 unless the caller may view learners
  // somewhere, 422 for an unknown status, sort or year group.
  domain::Result<store::learners::ListFilter> filter_of(const Context& ctx,
                                                        const LearnerQuery& query);
  domain::Result<store::LearnerRow> load(soci::session& sql, const Context& ctx, Id id,
                                         auth::Permission permission);
  domain::Result<store::LearnerRow> edit(soci::session& sql, const Context& ctx,
                                         store::LearnerRow learner, const LearnerInput& input,
                                         domain::Actor actor);
  // The status histogram of the learners a scope sees (at one provider, or all), shared by the
  // list totals and the dashboard, remembered for the current write epoch.
  store::learner_counts::Histogram histogram(const Context& ctx,
                                             const store::learners::Scope& scope,
                                             std::optional<Id> provider);
  Deps& deps_;
  AuditLog& audit_;
  EpochCache<store::learner_counts::Histogram> histograms_;
  // The totals of searched, grouped or year-group lists (counted by queries, up to a cap for a
  // search), by scope and filters: a list's later pages and repeated searches count them once.
  struct CountedTotal {
    long long total = 0;
    bool capped = false;
  };
  EpochCache<CountedTotal> counted_totals_;
};

// The rule of manual 5.6: any change the learner makes to an approved profile sends it back to
// their manager. Records the approval change when there is one; the caller saves the row.
void unapprove_after_change(domain::Actor actor, store::LearnerRow& learner, Changes& changes);

// The approval state a learner's profile shows ("not_required", "incomplete", "awaiting" or
// "approved"; domain::approval_state over their sections, sign-off and approval).
std::string approval_of(const store::LearnerRow& learner);

// The learners a principal may view: their providers plus their groups, or the whole tenant.
store::learners::Scope scope_of(const auth::Principal& who);
// The learners a principal may edit (learners.edit): the scope of credentials, exports and imports.
store::learners::Scope edit_scope_of(const auth::Principal& who);

// Loads a learner the caller may act on with `permission`, for use cases about a learner's record
// (references, …): 401 signed out; 404 when the learner is outside what they may view (or does
// not exist); 403 when they may view but lack `permission`, or have no learner access at all.
domain::Result<store::LearnerRow> load_learner(soci::session& sql, const Context& ctx, Id id,
                                               auth::Permission permission);

}  // namespace lt::services
