// The learner import's SQL: look-ups that bind one JSON array of values, and bulk inserts
// (store/bulk_insert).
#include "store/learner_import_repo.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "domain/text.hpp"
#include "store/bulk_insert.hpp"
#include "store/dialect.hpp"
#include "store/query.hpp"
#include "store/raw_select.hpp"

namespace lt::store::learner_import {

namespace {

// Rows of `table` x whose `column` is one of a list of values: one JSON array of text bound
// as a single parameter, so one statement covers 100,000 values (an IN (…) list needs a bound name
// per value). Each database gets the form its planner handles well: SQLite builds an index of
// the IN subquery and probes the column's index (a join would scan the array for every row);
// PostgreSQL hash-joins the array (IN and = ANY there compare every row with the whole list).
// The placeholders, :b0 and :b1 (as raw_select numbers them), are "tenant, values" on SQLite and
// "values, tenant" on PostgreSQL; `values_first` says which. `live_only` leaves out deleted rows.
std::string rows_matching(soci::session& sql, const std::string& columns, const std::string& table,
                          const std::string& column, bool live_only, bool& values_first) {
  values_first = is_postgres(sql);
  if (values_first)
    return "SELECT " + columns + " FROM " + table +
           " x JOIN json_array_elements_text(CAST(:b0 AS json)) AS v(value) ON x." + column +
           " = v.value WHERE x.tenant_id = :b1" + (live_only ? " AND x.deleted_at IS NULL" : "");
  // The unary + keeps SQLite from seeking learners_by_created on (tenant_id, deleted_at), which
  // it otherwise prefers to the column's own index: a walk over every live learner per look-up.
  return "SELECT " + columns + " FROM " + table + " x WHERE x.tenant_id = :b0" +
         (live_only ? " AND +x.deleted_at IS NULL" : "") + " AND x." + column +
         " IN (SELECT value FROM json_each(:b1))";
}

// Runs rows_matching(…) for `values`, handing each fetched row to `take`.
template <class Into, class Take>
void for_each_match(soci::session& sql, const std::string& columns, const std::string& table,
                    const std::string& column, bool live_only, Id tenant,
                    const std::vector<std::string>& values, Into&& into, Take&& take) {
  if (values.empty()) return;
  const std::string list = nlohmann::json(values).dump();
  bool values_first = false;
  const std::string text = rows_matching(sql, columns, table, column, live_only, values_first);
  soci::statement st(sql);
  st.alloc();
  if (values_first) st.exchange(soci::use(list));
  st.exchange(soci::use(tenant));
  if (!values_first) st.exchange(soci::use(list));
  into(st);
  st.prepare(text);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) take();
}

// Adds the learners `ids` to learner_status_counts, once per (provider, flags). The ids travel as
// one JSON array: PostgreSQL's may not be consecutive (its sequence serves other transactions).
void add_to_counters(soci::session& sql, const std::vector<Id>& ids) {
  const std::string list = nlohmann::json(ids).dump();
  // The same forms as rows_matching, for the same reasons.
  const std::string from =
      is_postgres(sql)
          ? "learners x JOIN json_array_elements_text(CAST(:ids AS json)) AS v(value) ON x.id = "
            "CAST(v.value AS BIGINT) WHERE TRUE"
          : "learners x WHERE x.id IN (SELECT value FROM json_each(:ids))";
  sql << "INSERT INTO learner_status_counts (tenant_id, provider_id, status_flags, learners) "
         "SELECT x.tenant_id, x.provider_id, x.status_flags, COUNT(*) FROM " +
             from +
             " AND x.deleted_at IS NULL GROUP BY x.tenant_id, x.provider_id, x.status_flags ON "
             "CONFLICT (tenant_id, provider_id, status_flags) DO UPDATE SET learners = "
             "learner_status_counts.learners + excluded.learners",
      soci::use(list);
}

// On SQLite the per-row status triggers of migration 0006 cost more than the rows themselves. A
// batch sets the insert triggers aside inside its own transaction (readers keep their snapshot;
// a rollback restores them), inserts each learner's flags as computed, puts the triggers back
// exactly as the schema held them, and adds to the counters once per (provider, flags).
class InsertTriggersSetAside {
 public:
  explicit InsertTriggersSetAside(soci::session& sql) : sql_(sql) {
    std::string name, text;
    soci::statement st =
        (sql.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                        "tbl_name = 'learners' AND name IN ('learners_status_insert', "
                        "'learners_status_insert_flags')",
         soci::into(name), soci::into(text));
    st.execute();
    while (st.fetch()) saved_.emplace_back(name, text);
    for (const auto& [trigger, _] : saved_) sql << "DROP TRIGGER " + trigger;
  }
  // Puts the triggers back (the caller counts the learners inserted meanwhile).
  void restore() {
    for (const auto& [_, text] : saved_) sql_ << text;
  }

 private:
  soci::session& sql_;
  std::vector<std::pair<std::string, std::string>> saved_;
};

// SQLite's default 2 MB page cache holds a sliver of the indexes 100,000 rows go into; with 32 MB
// the batch's pages stay in memory instead of being spilled and read back (users and learners
// insert in about half the time). The pooled connection gets its own setting back afterwards,
// which frees the pages, however the batch ends.
class LargePageCache {
 public:
  explicit LargePageCache(soci::session& sql) : sql_(sql) {
    sql_ << "PRAGMA cache_size", soci::into(before_);
    sql_ << "PRAGMA cache_size = -32768";
  }
  ~LargePageCache() {
    try {
      sql_ << "PRAGMA cache_size = " + std::to_string(before_);
    } catch (...) {  // the connection is failing anyway; the pool will drop it
    }
  }
  LargePageCache(const LargePageCache&) = delete;
  LargePageCache& operator=(const LargePageCache&) = delete;

 private:
  soci::session& sql_;
  long long before_ = -2000;
};

}  // namespace

NewLearner::NewLearner(Id provider, int flags, const std::array<std::string_view, kFields>& fields)
    : provider_id(provider), status_flags(flags) {
  std::size_t size = 0;
  for (auto f : fields) size += f.size();
  text_.reserve(size);
  for (std::size_t i = 0; i < kFields; ++i) {
    text_ += fields[i];
    ends_[i] = static_cast<std::uint32_t>(text_.size());
  }
}

std::set<std::string> existing_ulns(soci::session& sql, Id tenant,
                                    const std::vector<std::string>& ulns) {
  std::set<std::string> found;
  std::string uln;
  auto into = [&](soci::statement& st) { st.exchange(soci::into(uln)); };
  for_each_match(sql, "x.uln", "learners", "uln", true, tenant, ulns, into,
                 [&] { found.insert(uln); });
  return found;
}

void existing_people(soci::session& sql, Id tenant, const std::vector<Id>& provider_ids,
                     const std::vector<std::string>& last_name_keys, const PersonSink& take) {
  if (provider_ids.empty() || last_name_keys.empty()) return;
  bool values_first = false;
  std::string query =
      rows_matching(sql, "x.provider_id, x.first_name_key, x.last_name_key, x.date_of_birth",
                    "learners", "last_name_key", true, values_first);
  // SQLite seeks (tenant, provider, last name) in learners_by_provider, never reading other
  // providers' rows. PostgreSQL, whose statistics trail a big import, hash-joins the names against
  // a walk of the tenant's learners either way, and that walk took 1.6 times as long through
  // the provider's index: there the provider is checked here instead.
  const bool provider_in_sql = !is_postgres(sql);
  if (provider_in_sql) query += " AND x.provider_id IN (" + id_list(provider_ids) + ")";
  std::string list = nlohmann::json(last_name_keys).dump();
  Binds binds = values_first ? Binds{std::move(list), std::to_string(tenant)}
                             : Binds{std::to_string(tenant), std::move(list)};
  // Read straight from the driver: a big tenant gives hundreds of thousands of rows here.
  raw_select(sql, query, binds, [&](const RawRow& row) {
    const Id provider = row.integer(0);
    if (!provider_in_sql &&
        std::find(provider_ids.begin(), provider_ids.end(), provider) == provider_ids.end())
      return;
    take(provider, row.text(1), row.text(2), row.text(3));
  });
}

std::set<std::string> taken_usernames(soci::session& sql, Id tenant,
                                      const std::vector<std::string>& username_keys) {
  std::set<std::string> found;
  std::string key;
  auto into = [&](soci::statement& st) { st.exchange(soci::into(key)); };
  for_each_match(sql, "x.username_key", "users", "username_key", false, tenant, username_keys, into,
                 [&] { found.insert(key); });
  return found;
}

void refresh_stale_statistics(soci::session& sql) {
  if (!is_postgres(sql)) return;
  std::vector<std::string> stale;
  soci::rowset<std::string> rows =
      (sql.prepare << "SELECT c.relname FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = "
                      "c.oid WHERE c.relname IN ('learners', 'users') AND s.n_mod_since_analyze > "
                      "GREATEST(1000, 0.1 * GREATEST(c.reltuples, 0))");
  for (const auto& table : rows) stale.push_back(table);
  // Only the columns the look-ups filter and join on: a whole-table ANALYZE of 200,000 learners
  // and users took 0.5-0.9 s, these 0.15 s. It leaves the table's count of changes standing, so
  // autovacuum still analyses every column in its own time.
  for (const auto& table : stale)
    sql << "ANALYZE " + table +
               (table == "learners"
                    ? " (id, tenant_id, provider_id, uln, last_name_key, deleted_at)"
                    : " (tenant_id, username_key)");
}

ReferenceChecks reference_checks_available(soci::session& sql) {
  if (!is_postgres(sql)) return ReferenceChecks::per_row;
  int version = 0, allowed = 0;
  sql << "SELECT CAST(current_setting('server_version_num') AS INTEGER)", soci::into(version);
  if (version >= 150000)
    sql << "SELECT CAST(has_parameter_privilege('session_replication_role', 'SET') AS INTEGER)",
        soci::into(allowed);
  else
    sql << "SELECT CAST(current_setting('is_superuser') = 'on' AS INTEGER)", soci::into(allowed);
  return allowed ? ReferenceChecks::per_batch : ReferenceChecks::per_row;
}

// What the batch insert changes for its lifetime, per database (see the class comment).
struct LearnerBatchInsert::Setting {
  std::optional<LargePageCache> cache;
  std::optional<InsertTriggersSetAside> triggers;
};

LearnerBatchInsert::LearnerBatchInsert(soci::session& sql, Id tenant, std::string now,
                                       std::optional<ReferenceChecks> checks)
    : sql_(sql), tenant_(tenant), now_(std::move(now)), setting_(std::make_unique<Setting>()) {
  if (is_postgres(sql_)) {
    checks_ = checks ? *checks : reference_checks_available(sql_);
    sql_ << "SET LOCAL lt.bulk_learner_insert = 'on'";  // migration 0012
    if (checks_ == ReferenceChecks::per_batch) {
      sql_ << "SET LOCAL session_replication_role = replica";
      lock_tenant();
    }
  } else {
    setting_->cache.emplace(sql_);
    setting_->triggers.emplace(sql_);
  }
}

LearnerBatchInsert::~LearnerBatchInsert() = default;

std::vector<Id> LearnerBatchInsert::add(const std::vector<NewLearner>& learners) {
  const std::size_t n = learners.size();
  if (n == 0) return {};
  soci::session& sql = sql_;
  const Id tenant = tenant_;
  const std::string& now = now_;
  lock_parents(learners);
  const auto user_ids = reserve_ids(sql, "users", n);
  const auto learner_ids = reserve_ids(sql, "learners", n);
  // The row's lower-case keys: bulk_insert views them until it asks for the next row.
  std::string username_key, first_key, last_key, email_key;

  try {
    bulk_insert(
        sql, "users",
        {"id", "tenant_id", "kind", "username", "username_key", "email", "first_name", "last_name",
         "must_change_password", "initial_password", "created_at", "updated_at"},
        n, [&](std::size_t i, BulkRow& r) {
          const auto& l = learners[i];
          const auto email = l[NewLearner::email];
          username_key = domain::ascii_lower(l.username);
          r = {user_ids[i],
               tenant,
               "learner",
               l.username,
               username_key,
               email.empty() ? BulkValue() : BulkValue(email),
               l[NewLearner::first_name],
               l[NewLearner::last_name],
               1LL,
               l.sealed_password,
               now,
               now};
        });
  } catch (const UniqueKeyRefused& refused) {
    // Migration 0001's UNIQUE (tenant_id, username_key), as PostgreSQL names it.
    if (refused.constraint == "users_tenant_id_username_key_key")
      throw UsernameTaken(refused.what());
    throw;
  }
  bulk_insert(sql, "role_assignments",
              {"tenant_id", "user_id", "role", "scope_type", "scope_id", "created_at"}, n,
              [&](std::size_t i, BulkRow& r) {
                r = {tenant, user_ids[i], "learner", "provider", learners[i].provider_id, now};
              });
  // The learner columns written as the file gave them (after the checks).
  static constexpr std::pair<const char*, NewLearner::Field> kAsGiven[] = {
      {"date_of_birth", NewLearner::date_of_birth},
      {"year_group", NewLearner::year_group},
      {"house", NewLearner::house},
      {"street", NewLearner::street},
      {"locality", NewLearner::locality},
      {"town", NewLearner::town},
      {"postcode", NewLearner::postcode},
      {"telephone", NewLearner::telephone},
      {"uln", NewLearner::uln},
      {"upn", NewLearner::upn},
      {"ccis", NewLearner::ccis},
      {"gender", NewLearner::gender},
      {"ethnicity", NewLearner::ethnicity}};
  std::vector<std::string> columns = {"id", "tenant_id", "user_id", "provider_id"};
  for (const auto& [column, _] : kAsGiven) columns.emplace_back(column);
  columns.insert(columns.end(), {"first_name_key", "last_name_key", "username_key", "email_key",
                                 "created_at", "updated_at", "status_flags"});
  bulk_insert(sql, "learners", columns, n, [&](std::size_t i, BulkRow& r) {
    const auto& l = learners[i];
    first_key = domain::ascii_lower(l[NewLearner::first_name]);
    last_key = domain::ascii_lower(l[NewLearner::last_name]);
    username_key = domain::ascii_lower(l.username);
    email_key = domain::ascii_lower(l[NewLearner::email]);
    r = {learner_ids[i], tenant, user_ids[i], l.provider_id};
    for (const auto& [_, field] : kAsGiven) r.emplace_back(l[field]);
    r.insert(r.end(), {first_key, last_key, username_key, email_key, now, now, l.status_flags});
  });
  ids_.insert(ids_.end(), learner_ids.begin(), learner_ids.end());
  return learner_ids;
}

void LearnerBatchInsert::finish() {
  if (setting_->triggers) {
    setting_->triggers->restore();
  } else {
    sql_ << "SET LOCAL lt.bulk_learner_insert = 'off'";
    if (checks_ == ReferenceChecks::per_batch)
      sql_ << "SET LOCAL session_replication_role = origin";
  }
  add_to_counters(sql_, ids_);
}

// With the foreign keys' row triggers skipped, each reference a batch writes is held as they
// would hold it. A learner's role assignment and learner row refer to the user row
// add() itself wrote a moment before, in this transaction, under an id it reserved (a failed
// COPY of the users fails the whole import); the users and learners refer to the tenant, and the
// learners to their providers, which other transactions could change: those rows are read FOR KEY
// SHARE (lock_tenant, once; lock_parents, per batch), the lock the foreign keys take, so none can
// be deleted or re-keyed until the import ends, and a missing one fails the import as the foreign
// key would have. store/learner_batch_insert_test lists the keys and insert triggers of the three
// tables, so one added later cannot be skipped unnoticed.
void LearnerBatchInsert::lock_tenant() {
  Id found = 0;
  sql_ << "SELECT id FROM tenants WHERE id = :t FOR KEY SHARE", soci::use(tenant_),
      soci::into(found);
  if (found != tenant_)
    throw std::runtime_error("users_tenant_id_fkey: tenant " + std::to_string(tenant_) +
                             " does not exist");
}

void LearnerBatchInsert::lock_parents(const std::vector<NewLearner>& learners) {
  if (checks_ != ReferenceChecks::per_batch) return;
  std::set<Id> wanted;
  for (const auto& l : learners)
    if (!providers_locked_.count(l.provider_id)) wanted.insert(l.provider_id);
  if (wanted.empty()) return;
  const std::vector<Id> ids(wanted.begin(), wanted.end());
  soci::rowset<Id> rows = (sql_.prepare << "SELECT id FROM providers WHERE tenant_id = :t AND id "
                                           "IN (" +
                                               id_list(ids) + ") FOR KEY SHARE",
                           soci::use(tenant_));
  for (Id id : rows) {
    wanted.erase(id);
    providers_locked_.insert(id);
  }
  if (!wanted.empty())
    throw std::runtime_error("learners_provider_fkey: provider " + std::to_string(*wanted.begin()) +
                             " is not a provider of tenant " + std::to_string(tenant_));
}

}  // namespace lt::store::learner_import
