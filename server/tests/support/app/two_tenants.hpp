// A store test's starting point: a migrated test database (SQLite, or PostgreSQL under
// scripts/with-postgres) with two tenants, alpha and beta, and one provider in each, for tests of
// what keeps one tenant's rows from naming another's.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/providers_repo.hpp"
#include "store/tenants_repo.hpp"
#include "support/app/test_app.hpp"

namespace lt::test {

class TwoTenants : public ::testing::Test {
 protected:
  inline static const std::string kNow = "2026-12-06T09:00:00.000Z";

  void SetUp() override {
    db_ = store::Database::open({database_.url(), 1});
    store::migrate(*db_);
    db_->write([&](soci::session& sql) {
      alpha_ = store::tenants::insert(sql, "alpha", kNow);
      beta_ = store::tenants::insert(sql, "beta", kNow);
      alpha_provider_ = provider_in(sql, alpha_);
      beta_provider_ = provider_in(sql, beta_);
    });
  }

  static store::Id provider_in(soci::session& sql, store::Id tenant) {
    store::ProviderRow p;
    p.tenant_id = tenant;
    p.name = "Provider of tenant " + std::to_string(tenant);
    p.ukprn = "1000000" + std::to_string(tenant);
    p.created_at = p.updated_at = kNow;
    return store::providers::insert(sql, p);
  }

  // The number `query` (a SELECT COUNT(*) …) answers now.
  long long count(const std::string& query) {
    return db_->read([&](soci::session& sql) {
      long long n = 0;
      sql << query, soci::into(n);
      return n;
    });
  }

  // Rows of `table` now.
  long long rows_of(const std::string& table) { return count("SELECT COUNT(*) FROM " + table); }

  TestDatabase database_;
  std::unique_ptr<store::Database> db_;
  store::Id alpha_ = 0, beta_ = 0, alpha_provider_ = 0, beta_provider_ = 0;
};

}  // namespace lt::test
