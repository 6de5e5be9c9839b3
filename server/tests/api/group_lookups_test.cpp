// What the groups screens look up: the ?year_group= filter on the learner list (the membership
// picker) and GET /learners/{id}/groups (the learner's page), with their denials.
#include <gtest/gtest.h>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
long long add_learner(lt::test::HttpClient& c, const std::string& username, long long provider,
                      const std::string& year_group) {
  auto r = c.post("/api/v1/learners", json{{"username", username},
                                           {"password", "Start123"},
                                           {"first_name", "Year"},
                                           {"last_name", username},
                                           {"date_of_birth", "2008-04-01"},
                                           {"year_group", year_group},
                                           {"provider_id", provider}}
                                          .dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json()["id"];
}
long long add_group(lt::test::HttpClient& c, long long provider, const std::string& name) {
  auto r = c.post("/api/v1/groups", json{{"provider_id", provider}, {"name", name}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json()["id"];
}
void add_members(lt::test::HttpClient& c, long long group, const std::vector<long long>& ids) {
  auto r =
      c.post("/api/v1/groups/" + std::to_string(group) + "/members", json{{"add", ids}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
}
std::string groups_of(long long learner) {
  return "/api/v1/learners/" + std::to_string(learner) + "/groups";
}
std::vector<std::string> names(const json& list) {
  std::vector<std::string> out;
  for (const auto& g : list["items"]) out.push_back(g["name"]);
  return out;
}
}  // namespace

TEST(GroupLookups, TheLearnerListFiltersByYearGroup) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const auto ten_a = add_learner(*admin, "ten.alpha", provider, "year_10");
  add_learner(*admin, "ten.bravo", provider, "year_10");
  add_learner(*admin, "twelve.charlie", provider, "year_12");
  const auto group = add_group(*admin, provider, "Tutor group 10A");
  add_members(*admin, group, {ten_a});

  auto tens = admin->get("/api/v1/learners?year_group=year_10");
  ASSERT_EQ(tens.status, 200) << tens.body;
  EXPECT_EQ(tens.json()["total"], 2);
  for (const auto& l : tens.json()["items"]) EXPECT_EQ(l["year_group"], "year_10");
  EXPECT_EQ(admin->get("/api/v1/learners?year_group=year_12").json()["total"], 1);
  EXPECT_EQ(admin->get("/api/v1/learners?year_group=year_7").json()["total"], 0);
  EXPECT_EQ(admin->get("/api/v1/learners?year_group=").json()["total"], 3) << "empty means any";
  EXPECT_EQ(admin->get("/api/v1/learners?year_group=year_10&q=ten.b").json()["total"], 1)
      << "combines with the search";
  EXPECT_EQ(admin->get("/api/v1/learners?year_group=year_10&group_id=" + std::to_string(group))
                .json()["total"],
            1)
      << "combines with the group filter";

  for (const std::string bad : {"year_99", "Year_10", "year_10'%20OR%20'1'='1"}) {
    auto r = admin->get("/api/v1/learners?year_group=" + bad);
    ASSERT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.json()["errors"][0]["field"], "year_group");
    EXPECT_EQ(r.json()["errors"][0]["code"], "invalid_choice");
  }
}

TEST(GroupLookups, ALearnersGroupsAreListedByName) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const auto learner = add_learner(*admin, "in.two", provider, "year_10");
  const auto loner = add_learner(*admin, "in.none", provider, "year_10");
  const auto tutor = add_group(*admin, provider, "Tutor group 10A");
  const auto support = add_group(*admin, provider, "Learning support");
  add_group(*admin, provider, "Gifted and talented");
  add_members(*admin, tutor, {learner});
  add_members(*admin, support, {learner});

  auto listed = admin->get(groups_of(learner));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["total"], 2);
  EXPECT_EQ(names(listed.json()),
            (std::vector<std::string>{"Learning support", "Tutor group 10A"}));
  EXPECT_EQ(listed.json()["items"][0]["members"], 1);
  EXPECT_TRUE(listed.json()["next_cursor"].is_null());
  EXPECT_EQ(admin->get(groups_of(loner)).json()["total"], 0);

  ASSERT_EQ(admin->del("/api/v1/groups/" + std::to_string(support)).status, 204);
  EXPECT_EQ(names(admin->get(groups_of(learner)).json()),
            (std::vector<std::string>{"Tutor group 10A"}));
  EXPECT_EQ(admin->get(groups_of(999999)).status, 404);
  EXPECT_EQ(admin->get("/api/v1/learners/abc/groups").status, 404);
}

TEST(GroupLookups, OnlyThoseWhoMaySeeTheLearnerSeeTheirGroups) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  const auto other_provider = t.create_provider("Other School", "10012346");
  auto admin = t.admin();
  const auto inside = add_learner(*admin, "inside.learner", provider, "year_10");
  const auto outside = add_learner(*admin, "outside.learner", provider, "year_10");
  const auto mine = add_group(*admin, provider, "Mine");
  const auto theirs = add_group(*admin, provider, "Theirs");
  add_members(*admin, mine, {inside});
  add_members(*admin, theirs, {inside, outside});

  // Signed out.
  EXPECT_EQ(t.client()->get(groups_of(inside)).status, 401);
  EXPECT_EQ(t.client()->get("/api/v1/learners?year_group=year_10").status, 401);

  // A group-scoped learner manager sees the learner, but only the groups they are scoped to.
  t.create_user("lm.group", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", mine}}});
  auto lm = t.sign_in("lm.group", "Secret12");
  EXPECT_EQ(names(lm->get(groups_of(inside)).json()), (std::vector<std::string>{"Mine"}));
  EXPECT_EQ(lm->get(groups_of(outside)).status, 404) << "a learner outside their groups";
  EXPECT_EQ(lm->get("/api/v1/learners?year_group=year_10").json()["total"], 1)
      << "the filter stays inside the caller's scope";

  // Wrong role: a user manager manages groups but sees no learners.
  t.create_user("um.here", "Secret12",
                {{{"role", "user_manager"}, {"scope_type", "provider"}, {"scope_id", provider}}});
  EXPECT_EQ(t.sign_in("um.here", "Secret12")->get(groups_of(inside)).status, 403);

  // Another provider's manager.
  t.create_user(
      "pm.other", "Secret12",
      {{{"role", "provider_manager"}, {"scope_type", "provider"}, {"scope_id", other_provider}}});
  auto pm = t.sign_in("pm.other", "Secret12");
  EXPECT_EQ(pm->get(groups_of(inside)).status, 404);
  EXPECT_EQ(pm->get("/api/v1/learners?year_group=year_10").json()["total"], 0);

  // A learner reaching another learner.
  auto learner = t.client();
  learner->post("/api/v1/session",
                json{{"username", "outside.learner"}, {"password", "Start123"}}.dump());
  ASSERT_EQ(learner
                ->put("/api/v1/me/password",
                      json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump())
                .status,
            200);
  EXPECT_EQ(learner->get(groups_of(inside)).status, 403);
  EXPECT_EQ(learner->get("/api/v1/learners?year_group=year_10").status, 403);

  // Another tenant.
  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto other_admin = t.sign_in("their.admin", "Secret12", "other-college");
  EXPECT_EQ(other_admin->get(groups_of(inside)).status, 404);
  EXPECT_EQ(other_admin->get("/api/v1/learners?year_group=year_10").json()["total"], 0);
}
