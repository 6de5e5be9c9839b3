// The foreign keys that hold a learner's records to their tenant, against a real database (SQLite,
// or PostgreSQL under scripts/with-postgres). On both, a learner or role assignment must name a
// user (and a learner a provider) that exists; on PostgreSQL that user or
// provider must also be of the row's own tenant (migration 0014). SQLite keeps single-column keys.
#include <gtest/gtest.h>

#include "store/learners_repo.hpp"
#include "store/users_repo.hpp"
#include "support/app/two_tenants.hpp"

using namespace lt::store;

namespace {

class TenantKeys : public lt::test::TwoTenants {
 protected:
  void SetUp() override {
    TwoTenants::SetUp();
    db_->write([&](soci::session& sql) { alpha_user_ = user_in(sql, alpha_, "ann"); });
  }

  static Id user_in(soci::session& sql, Id tenant, const std::string& name) {
    UserRow u;
    u.tenant_id = tenant;
    u.kind = "learner";
    u.username = name;
    u.first_name = name;
    u.last_name = "Person";
    u.created_at = kNow;
    return users::insert(sql, u);
  }

  // Whether the write was accepted; a refused one leaves nothing behind (its transaction rolls
  // back).
  bool accepted(const std::function<void(soci::session&)>& write) {
    try {
      db_->write(write);
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

  bool role_accepted(Id tenant, Id user) {
    return accepted([&](soci::session& sql) {
      sql << "INSERT INTO role_assignments (tenant_id, user_id, role, scope_type, created_at) "
             "VALUES (:t, :u, 'learner', 'tenant', :n)",
          soci::use(tenant), soci::use(user), soci::use(kNow);
    });
  }

  bool learner_accepted(Id tenant, Id user, Id provider) {
    return accepted([&](soci::session& sql) {
      LearnerRow l;
      l.tenant_id = tenant;
      l.user_id = user;
      l.provider_id = provider;
      l.first_name = "Ann";
      l.last_name = "Person";
      l.username = "ann";
      l.date_of_birth = "2010-01-01";
      l.year_group = "year_11";
      l.created_at = kNow;
      learners::insert(sql, l);
    });
  }

  Id alpha_user_ = 0;
};

TEST_F(TenantKeys, RowsOfTheUsersOwnTenantAreAccepted) {
  EXPECT_TRUE(role_accepted(alpha_, alpha_user_));
  EXPECT_TRUE(learner_accepted(alpha_, alpha_user_, alpha_provider_));
  EXPECT_EQ(rows_of("learners"), 1);
}

TEST_F(TenantKeys, AUserOrProviderThatDoesNotExistIsRefused) {
  const Id nobody = alpha_user_ + 1000;
  EXPECT_FALSE(role_accepted(alpha_, nobody));
  EXPECT_FALSE(learner_accepted(alpha_, nobody, alpha_provider_));
  EXPECT_FALSE(learner_accepted(alpha_, alpha_user_, beta_provider_ + 1000));
  EXPECT_EQ(rows_of("role_assignments"), 0);
  EXPECT_EQ(rows_of("learners"), 0);
}

// SQLite accepts them (its keys name the id alone): there the services, which take the tenant
// from the signed-in user, are what keeps tenants apart.
TEST_F(TenantKeys, OnPostgresAUserOrProviderOfAnotherTenantIsRefused) {
  const bool postgres = db_->is_postgres();
  // Alpha's user under tenant beta, and alpha's learner at beta's provider.
  EXPECT_EQ(role_accepted(beta_, alpha_user_), !postgres);
  EXPECT_EQ(learner_accepted(alpha_, alpha_user_, beta_provider_), !postgres);
  if (postgres) {
    EXPECT_EQ(rows_of("learners"), 0);
  }
}

}  // namespace
