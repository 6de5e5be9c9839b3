// Learner groups (manual section 8): create, rename, delete, membership, the ?group_id= filter,
// and a group-scoped learner manager who sees only their groups' learners.
#include <gtest/gtest.h>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
long long add_learner(lt::test::HttpClient& c, const std::string& username, long long provider) {
  auto r = c.post("/api/v1/learners", json{{"username", username},
                                           {"password", "Start123"},
                                           {"first_name", "Group"},
                                           {"last_name", username},
                                           {"date_of_birth", "2008-04-01"},
                                           {"year_group", "year_10"},
                                           {"provider_id", provider}}
                                          .dump());
  return r.json()["id"];
}
std::string group_path(long long id, const std::string& tail = "") {
  return "/api/v1/groups/" + std::to_string(id) + tail;
}
}  // namespace

TEST(Groups, ManagersCreateRenameFillFilterAndDeleteGroups) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const auto a = add_learner(*admin, "learner.alpha", provider);
  const auto b = add_learner(*admin, "learner.bravo", provider);
  add_learner(*admin, "learner.charlie", provider);

  auto created = admin->post("/api/v1/groups",
                             json{{"provider_id", provider}, {"name", "Tutor group 10A"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"];
  EXPECT_EQ(admin
                ->post("/api/v1/groups",
                       json{{"provider_id", provider}, {"name", "tutor GROUP 10a"}}.dump())
                .json()["errors"][0]["code"],
            "name_taken");
  auto renamed =
      admin->patch(group_path(id), json{{"name", "Tutor group 10B"}, {"version", 1}}.dump());
  ASSERT_EQ(renamed.status, 200);
  EXPECT_EQ(admin->patch(group_path(id), json{{"name", "Stale"}, {"version", 1}}.dump()).status,
            409);

  auto filled = admin->post(group_path(id, "/members"), json{{"add", {a, b}}}.dump());
  ASSERT_EQ(filled.status, 200) << filled.body;
  EXPECT_EQ(filled.json()["members"], 2);
  EXPECT_EQ(admin->post(group_path(id, "/members"), json{{"add", {a}}}.dump()).json()["members"], 2)
      << "adding twice changes nothing";
  EXPECT_EQ(admin->get("/api/v1/learners?group_id=" + std::to_string(id)).json()["total"], 2);
  EXPECT_EQ(admin->post(group_path(id, "/members"), json{{"remove", {b}}}.dump()).json()["members"],
            1);
  auto bad = admin->post(group_path(id, "/members"), json{{"add", {999999}}}.dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "add[0]");

  auto listed = admin->get("/api/v1/groups?provider_id=" + std::to_string(provider));
  ASSERT_EQ(listed.json()["total"], 1);
  EXPECT_EQ(listed.json()["items"][0]["name"], "Tutor group 10B");
  ASSERT_EQ(admin->del(group_path(id)).status, 204);
  EXPECT_EQ(admin->get(group_path(id)).status, 404);
  EXPECT_EQ(admin->get("/api/v1/learners").json()["total"], 3)
      << "deleting a group keeps its learners";
  auto events =
      admin->get("/api/v1/audit?entity_type=group&entity_id=" + std::to_string(id)).json();
  EXPECT_EQ(events["items"][0]["action"], "group.deleted");
}

TEST(Groups, AGroupScopedLearnerManagerSeesOnlyTheirGroups) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  const auto other_provider = t.create_provider("Other School", "10012346");
  auto admin = t.admin();
  const auto inside = add_learner(*admin, "inside.learner", provider);
  const auto outside = add_learner(*admin, "outside.learner", provider);
  const long long group =
      admin->post("/api/v1/groups", json{{"provider_id", provider}, {"name", "Support"}}.dump())
          .json()["id"];
  admin->post(group_path(group, "/members"), json{{"add", {inside}}}.dump());

  t.create_user("lm.group", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", group}}});
  auto lm = t.sign_in("lm.group", "Secret12");
  auto list = lm->get("/api/v1/learners");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 1);
  EXPECT_EQ(list.json()["items"][0]["id"], inside);
  EXPECT_EQ(lm->get("/api/v1/dashboard").json()["counts"]["learners"], 1);
  EXPECT_EQ(lm->get("/api/v1/learners/" + std::to_string(inside)).status, 200);
  EXPECT_EQ(lm->get("/api/v1/learners/" + std::to_string(outside)).status, 404);
  auto reach = lm->post(group_path(group, "/members"), json{{"add", {outside}}}.dump());
  EXPECT_EQ(reach.status, 422) << "cannot pull an outside learner into their group";
  EXPECT_EQ(
      lm->post("/api/v1/groups", json{{"provider_id", provider}, {"name", "Mine"}}.dump()).status,
      403)
      << "learner managers do not create groups";

  t.create_user(
      "pm.other", "Secret12",
      {{{"role", "provider_manager"}, {"scope_type", "provider"}, {"scope_id", other_provider}}});
  auto pm = t.sign_in("pm.other", "Secret12");
  EXPECT_EQ(pm->get(group_path(group)).status, 404) << "another provider's group";
  EXPECT_EQ(pm->del(group_path(group)).status, 404);
  auto wrong_provider =
      pm->post("/api/v1/groups", json{{"provider_id", provider}, {"name", "Takeover"}}.dump());
  EXPECT_EQ(wrong_provider.json()["errors"][0]["field"], "provider_id");
  EXPECT_EQ(
      pm->post("/api/v1/groups", json{{"provider_id", other_provider}, {"name", "Ours"}}.dump())
          .status,
      201);
}
