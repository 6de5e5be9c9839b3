// Learner records joined with their user accounts and providers. Every method takes the tenant.
// Lists filter by provider scope, search prefix, status and page by keyset on (last name, id).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::learners {

// Which learners a caller may see: those at `provider_ids` plus those in `group_ids`; no provider
// list (nullopt) means the whole tenant.
struct Scope {
  std::optional<std::vector<Id>> provider_ids;
  std::vector<Id> group_ids;
};

// The total of a search, or of a group or year group, is counted up to this many learners (then
// Page::total_capped is set): counting every match would cost more than the page.
inline constexpr long long kSearchTotalCap = 1000;

struct ListFilter {
  Scope scope;
  std::optional<Id> provider_id;      // the ?provider_id= filter
  std::optional<Id> group_id;         // the ?group_id= filter
  std::optional<std::string> q;       // lower-cased prefix
  std::optional<std::string> status;  // one of the dashboard statuses
  std::string sort = "last_name";     // last_name, -last_name, created_at, -created_at, username
  int limit = 50;
  std::optional<std::string> cursor;  // the previous page's next_cursor
  // The ?year_group= filter: a code of the year-groups list, checked by the service.
  std::optional<std::string> year_group;
  // False leaves Page::total at 0: an export walking every page needs no total, and counting a
  // search or a group again for each of its pages would cost more than the pages themselves.
  bool count_total = true;
  // Only what a list item in summary shows (ids, names, email, year group, ULN, provider, sign-in,
  // sections and approval); the other fields of each LearnerRow stay empty.
  bool summary = false;
};

// The SQL condition for a dashboard status over learners l (its bit of l.status_flags, which
// migration 0006's triggers keep, as they keep the counters the dashboard sums); empty for an
// unknown status.
std::string status_condition(const std::string& status);
// The status's bit in learners.status_flags (1 << its place in statuses()); 0 when unknown.
int status_flag(const std::string& status);
const std::vector<std::string>& statuses();

// Whether `sort` is one of the orders `list` knows.
bool valid_sort(const std::string& sort);

std::optional<LearnerRow> find(soci::session& sql, Id tenant, Id id);
// The learner record of this user account, if it is a learner's.
std::optional<LearnerRow> find_by_user(soci::session& sql, Id tenant, Id user_id);
// `totals`, when given, is the scope's status histogram (learner_counts::in_scope at the filter's
// provider), used for the total of a list no search, group or year group narrows.
Page<LearnerRow> list(soci::session& sql, Id tenant, const ListFilter& filter,
                      const std::map<int, long long>* totals = nullptr);
// The same page, its learners handed to `visit` one at a time as they are read, in order. The
// row handed over is valid only during the call: it is refilled for the next learner, so a page
// costs no allocation per learner (a fifth of the list's CPU went on building and freeing rows).
using LearnerVisitor = std::function<void(const LearnerRow&)>;
PageInfo list(soci::session& sql, Id tenant, const ListFilter& filter, const LearnerVisitor& visit,
              const std::map<int, long long>* totals = nullptr);

Id insert(soci::session& sql, const LearnerRow& learner);
// Saves the learner's own fields and search keys when the version matches; false when stale.
bool update(soci::session& sql, const LearnerRow& learner, const std::string& now);
void soft_delete(soci::session& sql, Id tenant, Id id, const std::string& now);
// Refreshes the search keys of the learner whose account this is (no-op for staff), after the
// account's names, username or email changed outside the learner service.
void sync_keys(soci::session& sql, const UserRow& user);

}  // namespace lt::store::learners
