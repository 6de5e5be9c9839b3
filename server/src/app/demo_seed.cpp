// Demo data generation.
#include "app/demo_seed.hpp"

#include <chrono>
#include <random>
#include <stdexcept>

#include "app/application.hpp"
#include "app/demo_people.hpp"
#include "auth/secrets.hpp"
#include "domain/learner_rules.hpp"
#include "domain/text.hpp"
#include "services/audit.hpp"
#include "store/database.hpp"

namespace lt::app {

namespace {

using namespace demo;

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The learner's status flags (migration 0006) as its triggers would set them. Inserting them
// saves the trigger a second write of every row; should this copy of the rules drift, the trigger
// still corrects the row (it compares against the migration's definition).
int status_flags(int roll, bool logged_in, bool locked, bool sign_off, bool learners_add) {
  const bool incomplete = roll < 70;  // the sections complete at rolls 30, 40, 55 and 70
  return (logged_in ? 0 : 1) | (locked ? 2 : 0) | (incomplete ? 4 : 0) |
         (sign_off && !incomplete && roll < 85 ? 8 : 0) | (!learners_add && roll < 55 ? 16 : 0) |
         (incomplete ? 32 : 0);
}

long long max_id(soci::session& sql, const std::string& table) {
  long long id = 0;
  soci::indicator ind;
  sql << "SELECT MAX(id) FROM " + table, soci::into(id, ind);
  return ind == soci::i_ok ? id : 0;
}

}  // namespace

SeedReport seed_demo(Application& app, const std::string& tenant_name, std::size_t learners) {
  const auto started = std::chrono::steady_clock::now();
  auto& db = app.db();
  const auto tenant = app.tenants().ensure(tenant_name);
  const std::string now = app.deps().now();
  const std::string password_hash = auth::hash_password("Demo1234!");  // one hash for all
  std::mt19937_64 rng(20261122);
  SeedReport report;
  report.providers = std::max<std::size_t>(3, learners / 20000);

  std::vector<long long> providers;
  std::vector<std::pair<bool, bool>> provider_defaults;  // sign-off, learners add qualifications
  db.write([&](soci::session& sql) {
    long long next_user = max_id(sql, "users");
    const long long first_ukprn = 10090000 + max_id(sql, "providers");
    for (std::size_t i = 0; i < report.providers; ++i) {
      long long id = 0;
      // Bound values must outlive the statement, which runs at the end of the expression.
      const std::string town = kTowns[i % std::size(kTowns)];
      const std::string name = town + " Learning Centre " + std::to_string(i + 1);
      const std::string ukprn = std::to_string(first_ukprn + static_cast<long long>(i));
      const int sign_off = static_cast<int>(i % 2), learners_add = static_cast<int>(i % 3 != 0);
      sql << "INSERT INTO providers (tenant_id, name, ukprn, local_authority, sign_off_profiles, "
             "learners_add_qualifications, created_at, updated_at, version) VALUES (:t, :n, :u, "
             ":la, :so, :laq, :c, :c2, 1) RETURNING id",
          soci::use(tenant.id), soci::use(name), soci::use(ukprn), soci::use(town),
          soci::use(sign_off), soci::use(learners_add), soci::use(now), soci::use(now),
          soci::into(id);
      providers.push_back(id);
      provider_defaults.emplace_back(sign_off != 0, learners_add != 0);
      const std::string manager = "demo.manager." + std::to_string(id);
      const std::string manager_email = manager + "@example.org";
      ++next_user;
      sql << "INSERT INTO users (id, tenant_id, kind, username, username_key, email, first_name, "
             "last_name, password_hash, created_at, updated_at, email_verified) VALUES (:id, :t, "
             "'staff', :u, :k, :e, 'Demo', 'Manager', :p, :c, :c2, 1)",
          soci::use(next_user), soci::use(tenant.id), soci::use(manager), soci::use(manager),
          soci::use(manager_email), soci::use(password_hash), soci::use(now), soci::use(now);
      sql << "INSERT INTO role_assignments (tenant_id, user_id, role, scope_type, scope_id, "
             "created_at) VALUES (:t, :u, 'learner_manager', 'provider', :p, :c)",
          soci::use(tenant.id), soci::use(next_user), soci::use(id), soci::use(now);
      ++report.managers;
    }
  });

  // A large page cache keeps the random inserts into the name and key indexes in memory; the
  // connection goes back to its default afterwards.
  if (!db.is_postgres()) db.write([](soci::session& sql) { sql << "PRAGMA cache_size = -262144"; });
  constexpr std::size_t kBatch = 5000;
  for (std::size_t start = 0; start < learners; start += kBatch) {
    const std::size_t count = std::min(kBatch, learners - start);
    db.write([&](soci::session& sql) {
      long long user_id = max_id(sql, "users");
      const long long learner_base = max_id(sql, "learners");
      std::string users =
          "INSERT INTO users (id, tenant_id, kind, username, username_key, email, "
          "first_name, last_name, password_hash, locked, must_change_password, "
          "last_login_at, created_at, updated_at) VALUES ";
      std::string roles =
          "INSERT INTO role_assignments (tenant_id, user_id, role, scope_type, "
          "scope_id, created_at) VALUES ";
      std::string rows =
          "INSERT INTO learners (id, tenant_id, user_id, provider_id, date_of_birth, "
          "year_group, house, street, town, postcode, telephone, uln, upn, gender, "
          "ethnicity, key_information_state, additional_information_state, "
          "qualifications_state, reference_state, approval, first_name_key, "
          "last_name_key, username_key, email_key, created_at, updated_at, status_flags) "
          "VALUES ";
      for (std::size_t i = 0; i < count; ++i) {
        const std::size_t n = start + i + static_cast<std::size_t>(learner_base);
        const std::string first = pick(kFirstNames, rng), last = pick(kLastNames, rng);
        const std::string username = domain::ascii_lower(first) + "." + domain::ascii_lower(last) +
                                     "." + std::to_string(n + 1);
        const std::string email = username + "@learners.example.org";
        const std::size_t provider_index = rng() % providers.size();
        const long long provider = providers[provider_index];
        const int roll = static_cast<int>(rng() % 100);
        const bool logged_in = roll >= 20, locked = roll < 2;
        const auto state = [&](int threshold) {
          return quoted(roll >= threshold ? "complete" : "incomplete");
        };
        const std::string postcode = make_postcode(rng);
        char dob[16], phone[20];
        std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1990 + static_cast<int>(rng() % 22),
                      1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
        std::snprintf(phone, sizeof phone, "07700 900%03d", static_cast<int>(rng() % 1000));
        ++user_id;
        const std::string sep = i ? "," : "";
        users += sep + "(" + std::to_string(user_id) + "," + std::to_string(tenant.id) +
                 ",'learner'," + quoted(username) + "," + quoted(username) + "," + quoted(email) +
                 "," + quoted(first) + "," + quoted(last) + "," + quoted(password_hash) + "," +
                 (locked ? "1" : "0") + "," + (logged_in ? "0" : "1") + "," +
                 (logged_in ? quoted(now) : "NULL") + "," + quoted(now) + "," + quoted(now) + ")";
        roles += sep + "(" + std::to_string(tenant.id) + "," + std::to_string(user_id) +
                 ",'learner','provider'," + std::to_string(provider) + "," + quoted(now) + ")";
        rows +=
            sep + "(" + std::to_string(learner_base + static_cast<long long>(i) + 1) + "," +
            std::to_string(tenant.id) + "," + std::to_string(user_id) + "," +
            std::to_string(provider) + "," + quoted(dob) + "," + quoted(pick(kYearGroups, rng)) +
            "," + quoted(std::to_string(1 + rng() % 200)) + ",'High Street'," +
            quoted(pick(kTowns, rng)) + "," + quoted(postcode) + "," + quoted(phone) + "," +
            quoted(make_uln(n)) + "," + quoted(make_upn(n, provider_index)) + "," +
            quoted(pick(kGenders, rng)) + "," + quoted(pick(kEthnicities, rng)) + "," + state(30) +
            "," + state(40) + "," + state(55) + "," + state(70) + "," +
            quoted(roll >= 85 ? "approved" : "not_approved") + "," +
            quoted(domain::ascii_lower(first)) + "," + quoted(domain::ascii_lower(last)) + "," +
            quoted(username) + "," + quoted(email) + "," + quoted(now) + "," + quoted(now) + "," +
            std::to_string(status_flags(roll, logged_in, locked,
                                        provider_defaults[provider_index].first,
                                        provider_defaults[provider_index].second)) +
            ")";
      }
      sql << users;
      sql << roles;
      sql << rows;
    });
    report.learners += count;
  }
  db.write([&](soci::session& sql) {
    if (!db.is_postgres()) sql << "PRAGMA cache_size = -2000";
    if (db.is_postgres()) {
      // Explicit ids leave the identity sequences behind; move them past the seeded rows.
      for (const char* table : {"users", "learners"})
        sql << std::string("SELECT setval(pg_get_serial_sequence('") + table +
                   "', 'id'), (SELECT MAX(id) FROM " + table + "))";
    }
    services::Context ctx;
    ctx.tenant_id = tenant.id;
    ctx.request_id = "demo-seed";
    services::Changes changes;
    changes.field("providers", nullptr, report.providers)
        .field("learners", nullptr, report.learners);
    app.audit().record(sql, ctx, "demo.seeded", "tenant", tenant.id, changes);
  });
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace lt::app
