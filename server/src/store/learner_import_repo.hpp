// SQL for the learner import (issue 4): set-at-a-time look-ups of what a file's rows would clash
// with (ULNs, people, usernames), a chunk of values per query rather than a query per row, and
// the bulk insert of the accepted learners with their accounts, roles and sealed first passwords.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::learner_import {

// Which of `ulns` a live learner of the tenant already has.
std::set<std::string> existing_ulns(soci::session& sql, Id tenant,
                                    const std::vector<std::string>& ulns);

// Receives one person of existing_people(): the views are valid during the call only.
using PersonSink =
    std::function<void(Id provider, std::string_view first_name_key, std::string_view last_name_key,
                       std::string_view date_of_birth)>;
// Hands `take` each live learner of the tenant at one of `provider_ids` whose lower-case last
// name is one of `last_name_keys`. Common last names match a large share of a provider, so the
// rows are streamed rather than collected.
void existing_people(soci::session& sql, Id tenant, const std::vector<Id>& provider_ids,
                     const std::vector<std::string>& last_name_keys, const PersonSink& take);

// Which of `username_keys` (lower case) an account of the tenant already has.
std::set<std::string> taken_usernames(soci::session& sql, Id tenant,
                                      const std::vector<std::string>& username_keys);

// One learner an import creates. Its sixteen text fields are packed into one string: an import
// holds 100,000 learners at once, and a std::string per field took four times the text itself.
class NewLearner {
 public:
  enum Field : std::uint8_t {
    first_name,
    last_name,
    date_of_birth,
    year_group,
    email,  // empty: none
    house,
    street,
    locality,
    town,
    postcode,
    telephone,
    uln,
    upn,
    ccis,
    gender,
    ethnicity,
  };
  static constexpr std::size_t kFields = ethnicity + 1;

  NewLearner() = default;
  // `fields` in Field order.
  NewLearner(Id provider, int flags, const std::array<std::string_view, kFields>& fields);

  std::string_view operator[](Field f) const {
    const std::uint32_t begin = f == 0 ? 0 : ends_[f - 1];
    return std::string_view(text_).substr(begin, ends_[f] - begin);
  }

  Id provider_id = 0;
  int status_flags = 0;  // as migration 0006's view would compute them (its trigger checks)
  std::string username, sealed_password;  // given after the checks

 private:
  std::string text_;
  std::array<std::uint32_t, kFields> ends_{};
};

// On PostgreSQL, analyses learners and users (the columns the look-ups above use) when more than
// 1,000 rows, and a tenth of the table, have changed since their statistics were taken. The
// look-ups above bind their values as one array, and a planner that still sees the table as it
// was before the last big import hash-joins that array against a walk of the whole tenant, batch
// after batch, rather than probing the index; autovacuum would analyse the table only within the
// next minute or so.
// ANALYZE holds its lock until the transaction ends, and blocks another import's ANALYZE
// meanwhile: run it in a short transaction of its own, not the import's. Does nothing on SQLite.
void refresh_stale_statistics(soci::session& sql);

// Thrown by LearnerBatchInsert::add when a username given to its learners was taken, after the
// look-ups that found it free, by a transaction that has since committed: on PostgreSQL another
// import's, whose look-ups ran at the same time (they run before the write, on committed rows).
// The transaction must roll back; the same file read again gets other usernames.
class UsernameTaken : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// How the rows a batch insert writes on PostgreSQL have their references checked.
enum class ReferenceChecks {
  // By the foreign keys' own row triggers: four look-ups and locks per learner, which cost more
  // than anything else its three rows do (about 1.5 s of a 100,000-learner import).
  per_row,
  // Once per batch: the insert sets session_replication_role to replica for its transaction,
  // which skips row triggers, and itself locks and checks the rows the batch refers to, as those
  // triggers would (see LearnerBatchInsert::lock_parents).
  per_batch,
};

// per_batch when this connection's role may set session_replication_role (a superuser, or on
// PostgreSQL 15 and later a role granted SET on it); per_row otherwise, and always on SQLite,
// whose foreign-key checks cost little.
ReferenceChecks reference_checks_available(soci::session& sql);

// Inserts an import's learners (user account with no password hash, a forced change and the
// sealed first password; role "learner" at the provider; learner row) batch by batch in the
// caller's transaction, so the first rows of a file are written while the rest is still being read.
// Construct it inside the transaction, add() each batch, and finish() before the commit; a
// transaction that ends without finish() must roll back. For its lifetime the per-row status
// triggers are set aside (each learner's flags are inserted as computed) and, on SQLite, the
// connection's page cache is widened. `checks` defaults to reference_checks_available().
class LearnerBatchInsert {
 public:
  LearnerBatchInsert(soci::session& sql, Id tenant, std::string now,
                     std::optional<ReferenceChecks> checks = std::nullopt);
  ~LearnerBatchInsert();
  LearnerBatchInsert(const LearnerBatchInsert&) = delete;
  LearnerBatchInsert& operator=(const LearnerBatchInsert&) = delete;

  // Inserts `learners` (usernames and sealed passwords given). Returns their new ids in order.
  // Throws UsernameTaken when another transaction took one of their usernames meanwhile.
  std::vector<Id> add(const std::vector<NewLearner>& learners);
  // Puts the triggers back and adds every learner inserted to the status counters.
  void finish();

  ReferenceChecks checks() const { return checks_; }

 private:
  struct Setting;
  // per_batch: locks the batch's providers as the foreign keys would (the constructor locks the
  // tenant), and throws if one is missing or of another tenant.
  void lock_parents(const std::vector<NewLearner>& learners);
  void lock_tenant();  // per_batch, once: the users' and learners' tenant

  soci::session& sql_;
  Id tenant_;
  std::string now_;
  ReferenceChecks checks_ = ReferenceChecks::per_row;
  std::vector<Id> ids_;            // every learner inserted, for the counters
  std::set<Id> providers_locked_;  // per_batch: checked and locked already
  std::unique_ptr<Setting> setting_;
};

}  // namespace lt::store::learner_import
