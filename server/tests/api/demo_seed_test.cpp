// `demo seed` creates valid, varied learners that the API serves like any other.
#include <gtest/gtest.h>

#include "app/demo_seed.hpp"
#include "domain/learner_rules.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

TEST(DemoSeed, CreatesValidVariedLearnersVisibleToTheirManagers) {
  TestApp t;
  const auto report = lt::app::seed_demo(t.app(), "default", 1500);
  EXPECT_EQ(report.learners, 1500u);
  EXPECT_EQ(report.providers, 3u);
  auto admin = t.admin();
  auto counts = admin->get("/api/v1/dashboard").json()["counts"];
  EXPECT_EQ(counts["learners"], 1500);
  for (const char* status :
       {"never_logged_in", "locked_out", "incomplete_profile", "awaiting_approval",
        "awaiting_qualifications", "awaiting_reference"}) {
    EXPECT_GT(counts[status].get<long long>(), 0) << status << ": the states vary";
    EXPECT_LT(counts[status].get<long long>(), 1500) << status;
  }
  auto page = admin->get("/api/v1/learners?limit=200").json();
  const json items = page["items"];
  ASSERT_EQ(items.size(), 200u);
  for (const auto& l : items) {
    EXPECT_TRUE(lt::domain::check_uln(l["uln"].get<std::string>())) << l["uln"];
    EXPECT_TRUE(lt::domain::check_upn(l["upn"].get<std::string>())) << l["upn"];
    EXPECT_EQ(*lt::domain::check_postcode(l["postcode"].get<std::string>()), l["postcode"]);
    EXPECT_TRUE(lt::domain::check_uk_telephone(l["telephone"].get<std::string>()));
  }
  // A seeded manager signs in and sees only their provider's learners.
  const long long provider = items[0]["provider_id"];
  auto manager = t.sign_in("demo.manager." + std::to_string(provider), "Demo1234!");
  const auto mine = manager->get("/api/v1/learners?limit=1").json()["total"].get<long long>();
  EXPECT_GT(mine, 0);
  EXPECT_LT(mine, 1500);
  // New records after seeding still get fresh ids (sequences moved past the seeded rows).
  auto created = admin->post("/api/v1/learners", json{{"username", "after.seed"},
                                                      {"password", "Start123"},
                                                      {"first_name", "After"},
                                                      {"last_name", "Seed"},
                                                      {"date_of_birth", "2008-04-01"},
                                                      {"year_group", "year_12"},
                                                      {"provider_id", provider}}
                                                     .dump());
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(t.app().audit().verify_chain().ok);
}
