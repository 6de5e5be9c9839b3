// The learner import's SQL: chunked IN look-ups and bulk inserts (store/bulk_insert).
#include "store/learner_import_repo.hpp"

#include "domain/text.hpp"
#include "store/bulk_insert.hpp"

namespace lt::store::learner_import {

namespace {

constexpr std::size_t kChunk = 400;  // bound values per IN (…) list

// Runs `select` (which ends in "IN (") once per chunk of `values`, with the tenant bound first,
// and hands each fetched row to `take`.
template <class Into, class Take>
void in_chunks(soci::session& sql, const std::string& select, Id tenant,
               const std::vector<std::string>& values, Into& into, Take&& take) {
  for (std::size_t start = 0; start < values.size(); start += kChunk) {
    const std::size_t end = std::min(values.size(), start + kChunk);
    std::string text = select;
    for (std::size_t i = start; i < end; ++i)
      text += (i == start ? ":v" : ", :v") + std::to_string(i - start);
    text += ")";
    soci::statement st(sql);
    st.alloc();
    st.exchange(soci::use(tenant));
    for (std::size_t i = start; i < end; ++i) st.exchange(soci::use(values[i]));
    into(st);
    st.prepare(text);
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) take();
  }
}

}  // namespace

std::set<std::string> existing_ulns(soci::session& sql, Id tenant,
                                    const std::vector<std::string>& ulns) {
  std::set<std::string> found;
  std::string uln;
  auto into = [&](soci::statement& st) { st.exchange(soci::into(uln)); };
  in_chunks(sql,
            "SELECT uln FROM learners WHERE tenant_id = :t AND deleted_at IS NULL AND uln IN (",
            tenant, ulns, into, [&] { found.insert(uln); });
  return found;
}

std::set<Person> existing_people(soci::session& sql, Id tenant,
                                 const std::vector<std::string>& last_name_keys) {
  std::set<Person> found;
  Id provider = 0;
  std::string first, last, dob;
  auto into = [&](soci::statement& st) {
    st.exchange(soci::into(provider));
    st.exchange(soci::into(first));
    st.exchange(soci::into(last));
    st.exchange(soci::into(dob));
  };
  in_chunks(sql,
            "SELECT provider_id, first_name_key, last_name_key, date_of_birth FROM learners "
            "WHERE tenant_id = :t AND deleted_at IS NULL AND last_name_key IN (",
            tenant, last_name_keys, into, [&] { found.emplace(provider, first, last, dob); });
  return found;
}

std::set<std::string> taken_usernames(soci::session& sql, Id tenant,
                                      const std::vector<std::string>& username_keys) {
  std::set<std::string> found;
  std::string key;
  auto into = [&](soci::statement& st) { st.exchange(soci::into(key)); };
  in_chunks(sql, "SELECT username_key FROM users WHERE tenant_id = :t AND username_key IN (",
            tenant, username_keys, into, [&] { found.insert(key); });
  return found;
}

std::vector<Id> insert(soci::session& sql, Id tenant, const std::vector<NewLearner>& learners,
                       const std::string& now) {
  const std::size_t n = learners.size();
  // A page cache big enough for the indexes this transaction grows (users and learners have eight
  // between them), so SQLite does not spill half-written pages to the WAL mid-way; the
  // connection goes back to its default afterwards.
  const bool sqlite = sql.get_backend_name() != "postgresql";
  if (sqlite) sql << "PRAGMA cache_size = -131072";
  struct Restore {
    soci::session& sql;
    bool on;
    ~Restore() {
      try {
        if (on) sql << "PRAGMA cache_size = -2000";
      } catch (...) {  // the connection is being dropped anyway
      }
    }
  } restore{sql, sqlite};
  const auto user_ids = reserve_ids(sql, "users", n);
  const auto learner_ids = reserve_ids(sql, "learners", n);
  const std::string tenant_text = std::to_string(tenant);

  bulk_insert(sql, "users",
              {"id", "tenant_id", "kind", "username", "username_key", "email", "first_name",
               "last_name", "must_change_password", "created_at", "updated_at"},
              n, [&](std::size_t i, BulkRow& r) {
                const auto& l = learners[i];
                r = {std::to_string(user_ids[i]),
                     tenant_text,
                     "learner",
                     l.username,
                     domain::ascii_lower(l.username),
                     l.email,
                     l.first_name,
                     l.last_name,
                     "1",
                     now,
                     now};
              });
  bulk_insert(sql, "role_assignments",
              {"tenant_id", "user_id", "role", "scope_type", "scope_id", "created_at"}, n,
              [&](std::size_t i, BulkRow& r) {
                r = {tenant_text,
                     std::to_string(user_ids[i]),
                     "learner",
                     "provider",
                     std::to_string(learners[i].provider_id),
                     now};
              });
  bulk_insert(sql, "learners",
              {"id",
               "tenant_id",
               "user_id",
               "provider_id",
               "date_of_birth",
               "year_group",
               "house",
               "street",
               "locality",
               "town",
               "postcode",
               "telephone",
               "uln",
               "upn",
               "ccis",
               "gender",
               "ethnicity",
               "first_name_key",
               "last_name_key",
               "username_key",
               "email_key",
               "created_at",
               "updated_at",
               "status_flags"},
              n, [&](std::size_t i, BulkRow& r) {
                const auto& l = learners[i];
                r = {std::to_string(learner_ids[i]),
                     tenant_text,
                     std::to_string(user_ids[i]),
                     std::to_string(l.provider_id),
                     l.date_of_birth,
                     l.year_group,
                     l.house,
                     l.street,
                     l.locality,
                     l.town,
                     l.postcode,
                     l.telephone,
                     l.uln,
                     l.upn,
                     l.ccis,
                     l.gender,
                     l.ethnicity,
                     domain::ascii_lower(l.first_name),
                     domain::ascii_lower(l.last_name),
                     domain::ascii_lower(l.username),
                     domain::ascii_lower(l.email.value_or("")),
                     now,
                     now,
                     std::to_string(l.status_flags)};
              });
  bulk_insert(sql, "initial_passwords", {"user_id", "tenant_id", "sealed", "created_at"}, n,
              [&](std::size_t i, BulkRow& r) {
                r = {std::to_string(user_ids[i]), tenant_text, learners[i].sealed_password, now};
              });
  return learner_ids;
}

}  // namespace lt::store::learner_import
