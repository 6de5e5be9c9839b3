// The usernames a learner import hands out (services::assign_usernames) against a real database
// (SQLite, or PostgreSQL under scripts/with-postgres): unique against the tenant's accounts and
// from one batch of a file to the next, also where the look-up cannot see the earlier batches'
// usernames (on PostgreSQL the look-ups run outside the transaction that writes them).
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "services/learner_import.hpp"
#include "store/users_repo.hpp"
#include "support/app/two_tenants.hpp"

using lt::services::assign_usernames;
using lt::services::UsernamesGiven;
using lt::store::Id;
using lt::store::learner_import::NewLearner;

namespace {

class ImportUsernamesTest : public lt::test::TwoTenants {
 protected:
  std::vector<NewLearner> named(const std::string& first, const std::string& last, int count) {
    std::vector<NewLearner> out;
    for (int i = 0; i < count; ++i)
      out.emplace_back(alpha_provider_, 0,
                       std::array<std::string_view, NewLearner::kFields>{
                           first, last, "2010-01-01", "year_11", "", "", "", "", "", "DE1 1AA"});
    return out;
  }

  std::vector<std::string> usernames(std::vector<NewLearner> learners, UsernamesGiven& given) {
    db_->read([&](soci::session& sql) { assign_usernames(sql, alpha_, learners, &given); });
    std::vector<std::string> out;
    for (const auto& l : learners) out.push_back(l.username);
    return out;
  }

  void add_account(Id tenant, const std::string& username) {
    db_->write([&](soci::session& sql) {
      lt::store::UserRow u;
      u.tenant_id = tenant;
      u.kind = "staff";
      u.username = username;
      u.first_name = "Existing";
      u.last_name = "Account";
      u.created_at = u.updated_at = kNow;
      lt::store::users::insert(sql, u);
    });
  }
};

TEST_F(ImportUsernamesTest, NamesTakenInTheTenantAreSkippedAndOtherTenantsDoNotCount) {
  add_account(alpha_, "Amelia.Smith");  // usernames are unique whatever their case
  add_account(beta_, "amelia.smith2");
  UsernamesGiven given;
  const auto given_now = usernames(named("Amelia", "Smith", 2), given);
  EXPECT_EQ(std::set<std::string>(given_now.begin(), given_now.end()),
            (std::set<std::string>{"amelia.smith2", "amelia.smith3"}));
}

TEST_F(ImportUsernamesTest, LaterBatchesAreNumberedOnWithoutSeeingEarlierOnesWritten) {
  UsernamesGiven given;
  EXPECT_EQ(usernames(named("Amelia", "Smith", 2), given),
            (std::vector<std::string>{"amelia.smith", "amelia.smith2"}));
  // Nothing was written: the database still has none of them.
  EXPECT_EQ(usernames(named("Amelia", "Smith", 2), given),
            (std::vector<std::string>{"amelia.smith3", "amelia.smith4"}));
}

TEST_F(ImportUsernamesTest, ANameGivenEarlierIsNeverGivenAgainWhateverNumberIsTried) {
  UsernamesGiven given;
  EXPECT_EQ(usernames(named("Ava", "Green", 1), given), (std::vector<std::string>{"ava.green"}));
  // Where the numbering starts again (a random number can land on one given before), the names
  // given are still known, though none was written.
  given.next.clear();
  EXPECT_EQ(usernames(named("Ava", "Green", 1), given), (std::vector<std::string>{"ava.green2"}));
}

TEST_F(ImportUsernamesTest, WithoutStateEachCallStartsAfresh) {
  UsernamesGiven first, second;
  EXPECT_EQ(usernames(named("Leo", "Hill", 1), first), (std::vector<std::string>{"leo.hill"}));
  EXPECT_EQ(usernames(named("Leo", "Hill", 1), second), (std::vector<std::string>{"leo.hill"}))
      << "a fresh import knows only what the database holds";
}

}  // namespace
