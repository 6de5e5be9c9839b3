// Learner references over /api/v1/learners/{id}/reference… and /api/v1/me/learner/reference
// (manual 5.5): drafts with optimistic concurrency, completion into numbered versions that are
// kept, the section rule, the learner's view, and every denial.
#include <gtest/gtest.h>

#include <set>

#include "support/app/learner_bodies.hpp"
#include "support/app/reference_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::full_reference;
using lt::test::reference_path;
using lt::test::TestApp;
using nlohmann::json;

namespace {

struct Setup {
  long long provider = 0, learner = 0;
  std::unique_ptr<lt::test::HttpClient> admin, lm, bob;
};

std::unique_ptr<lt::test::HttpClient> learner_client(TestApp& t, const std::string& username) {
  auto c = t.client();
  c->post("/api/v1/session", json{{"username", username}, {"password", "Start123"}}.dump());
  c->put("/api/v1/me/password",
         json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  return c;
}

Setup setup(TestApp& t) {
  Setup s;
  s.provider = t.create_provider("UCAS Training School", "10012345");
  s.admin = t.admin();
  s.admin->patch("/api/v1/providers/" + std::to_string(s.provider),
                 json{{"default_referee",
                       {{"name", "Miss Jane Smith"},
                        {"position", "Pastoral manager"},
                        {"telephone", "01245 789632"},
                        {"email", "jane.smith@example.org"}}},
                      {"version", 1}}
                     .dump());
  s.learner = lt::test::add_learner(*s.admin, "bob.learner1", s.provider);
  t.create_user(
      "lm.mine", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", s.provider}}});
  s.lm = t.sign_in("lm.mine", "Secret12");
  s.bob = learner_client(t, "bob.learner1");
  return s;
}

std::set<std::string> error_fields(const lt::test::HttpResponse& r) {
  std::set<std::string> fields;
  const json errors = r.json()["errors"];  // a copy: the parsed body is a temporary
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  return fields;
}

std::string learner_path(long long id, const std::string& tail = "") {
  return "/api/v1/learners/" + std::to_string(id) + tail;
}

}  // namespace

TEST(References, TheRatingScaleIsAReferenceList) {
  TestApp t;
  auto ratings = t.admin()->get("/api/v1/reference/reference-ratings");
  ASSERT_EQ(ratings.status, 200);
  ASSERT_EQ(ratings.json().size(), 5u);
  EXPECT_EQ(ratings.json()[0], (json{{"code", "excellent"}, {"label", "Excellent"}}));
  EXPECT_EQ(ratings.json()[3], (json{{"code", "below_average"}, {"label", "Below average"}}));
}

TEST(References, SaveADraftThenCompleteIntoNumberedVersions) {
  TestApp t;
  auto s = setup(t);
  auto empty = s.lm->get(reference_path(s.learner));
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()["version"], 0);
  EXPECT_EQ(empty.json()["state"], "incomplete");
  EXPECT_EQ(empty.json()["current_version"], nullptr);
  EXPECT_EQ(empty.json()["default_referee"]["name"], "Miss Jane Smith");

  // A half-written draft saves.
  auto saved = s.lm->put(
      reference_path(s.learner),
      json{{"attendance", 85}, {"ratings", {{"punctuality", "poor"}}}, {"version", 0}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 1);
  EXPECT_EQ(saved.json()["ratings"]["punctuality"], "poor");
  EXPECT_EQ(saved.json()["ratings"]["health"], "");
  auto stale =
      s.lm->put(reference_path(s.learner), json{{"attendance", 99}, {"version", 0}}.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "version_conflict");

  // Completing with a below-average rating and no further details names the field; nothing is
  // written, not even the draft sent with it.
  json body = full_reference(1);
  body["ratings"]["punctuality"] = "below_average";
  auto refused = s.lm->post(reference_path(s.learner, "/complete"), body.dump());
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_fields(refused), std::set<std::string>{"further_details"});
  auto unchanged = s.lm->get(reference_path(s.learner)).json();
  EXPECT_EQ(unchanged["version"], 1);
  EXPECT_EQ(unchanged["attendance"], 85);
  EXPECT_EQ(s.lm->get(reference_path(s.learner, "/versions")).json()["total"], 0);
  EXPECT_EQ(s.lm->get(learner_path(s.learner)).json()["sections"]["reference"], "incomplete");
  auto missing = s.lm->post(reference_path(s.learner, "/complete"), json{{"version", 1}}.dump());
  EXPECT_TRUE(error_fields(missing).contains("ratings.behaviour"));
  EXPECT_TRUE(error_fields(missing).contains("display_to_learner"));

  body["further_details"] = "Punctuality improved over the year after a family illness.";
  auto done = s.lm->post(reference_path(s.learner, "/complete"), body.dump());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["state"], "complete");
  EXPECT_EQ(done.json()["current_version"], 1);
  EXPECT_EQ(s.lm->get(learner_path(s.learner)).json()["sections"]["reference"], "complete");
  EXPECT_EQ(s.admin->get("/api/v1/dashboard").json()["counts"]["awaiting_reference"], 0);

  // A complete reference is reopened before it changes, and completes only through its form.
  auto closed = s.lm->put(reference_path(s.learner), full_reference(2, "excellent").dump());
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(closed.json()["code"], "section_complete");
  EXPECT_EQ(s.lm->post(learner_path(s.learner, "/sections/reference/reopen"), "").status, 200);
  EXPECT_EQ(s.admin->get("/api/v1/dashboard").json()["counts"]["awaiting_reference"], 1);
  auto shortcut = s.lm->post(learner_path(s.learner, "/sections/reference/complete"), "");
  EXPECT_EQ(shortcut.status, 409);
  EXPECT_EQ(shortcut.json()["code"], "complete_reference_details");
  auto again =
      s.lm->post(reference_path(s.learner, "/complete"), full_reference(2, "excellent").dump());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["current_version"], 2);

  // Both versions are kept, numbered, newest first, each as it was completed.
  auto versions = s.lm->get(reference_path(s.learner, "/versions")).json();
  ASSERT_EQ(versions["total"], 2);
  EXPECT_EQ(versions["items"][0]["number"], 2);
  EXPECT_EQ(versions["items"][1]["number"], 1);
  auto first = s.lm->get(reference_path(s.learner, "/versions/1"));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.json()["ratings"]["punctuality"], "below_average");
  EXPECT_EQ(first.json()["completed_by_name"], "Test lm.mine");
  EXPECT_TRUE(first.json()["completed_by"].is_number_integer());
  EXPECT_EQ(first.json()["completed_at"].get<std::string>().size(), 24u);
  EXPECT_EQ(first.json()["referee"]["name"], "Miss Jane Smith")
      << "a version names the default referee who gave it";
  EXPECT_EQ(s.lm->get(reference_path(s.learner, "/versions/2")).json()["ratings"]["punctuality"],
            "excellent");
  EXPECT_EQ(s.lm->get(reference_path(s.learner, "/versions/3")).status, 404);

  auto events =
      s.admin->get("/api/v1/audit?entity_type=learner&entity_id=" + std::to_string(s.learner)).body;
  EXPECT_NE(events.find("learner.reference_saved"), std::string::npos);
  EXPECT_NE(events.find("learner.reference_completed"), std::string::npos);
}

TEST(References, ADifferentRefereeAndBadValuesAreCheckedByField) {
  TestApp t;
  auto s = setup(t);
  json body = full_reference(0);
  body["different_referee"] = true;
  body["referee"] = {{"name", "Tom Jones"},
                     {"position", "Head of sixth form"},
                     {"telephone", "12345"},
                     {"email", "not-an-email"}};
  body["attendance"] = 101;
  body["ratings"]["health"] = "brilliant";
  auto bad = s.lm->put(reference_path(s.learner), body.dump());
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(error_fields(bad), (std::set<std::string>{"referee.telephone", "referee.email",
                                                      "attendance", "ratings.health"}));
  auto wrong_type = s.lm->put(reference_path(s.learner), json{{"attendance", "lots"}}.dump());
  EXPECT_EQ(error_fields(wrong_type), (std::set<std::string>{"attendance", "version"}));

  body["referee"] = {{"name", "Tom Jones"},
                     {"position", "Head of sixth form"},
                     {"telephone", "+44 1632 960002"},
                     {"email", "tom@example.org"}};
  body["attendance"] = 97;
  body["ratings"]["health"] = "average";
  auto done = s.lm->post(reference_path(s.learner, "/complete"), body.dump());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["referee"]["telephone"], "01632960002");
  auto v1 = s.lm->get(reference_path(s.learner, "/versions/1")).json();
  EXPECT_EQ(v1["referee"]["name"], "Tom Jones");
  EXPECT_EQ(v1["different_referee"], true);
}

TEST(References, TheLearnerSeesTheirReferenceOnlyWhenDisplayed) {
  TestApp t;
  auto s = setup(t);
  EXPECT_EQ(s.bob->get("/api/v1/me/learner/reference").status, 404) << "none yet";
  ASSERT_EQ(
      s.lm->post(reference_path(s.learner, "/complete"), full_reference(0, "good", false).dump())
          .status,
      200);
  EXPECT_EQ(s.bob->get("/api/v1/me/learner/reference").status, 404) << "not displayed";

  ASSERT_EQ(s.lm->post(learner_path(s.learner, "/sections/reference/reopen"), "").status, 200);
  ASSERT_EQ(s.lm->post(reference_path(s.learner, "/complete"),
                       full_reference(1, "excellent", true).dump())
                .status,
            200);
  auto mine = s.bob->get("/api/v1/me/learner/reference");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json()["number"], 2);
  EXPECT_EQ(mine.json()["ratings"]["behaviour"], "excellent");

  // Learners never write their reference, nor read the manager's view of it.
  EXPECT_EQ(s.bob->get(reference_path(s.learner)).status, 403);
  EXPECT_EQ(s.bob->put(reference_path(s.learner), full_reference(2).dump()).status, 403);
  EXPECT_EQ(s.bob->post(reference_path(s.learner, "/complete"), full_reference(2).dump()).status,
            403);
  EXPECT_EQ(s.bob->get(reference_path(s.learner, "/versions")).status, 403);
  EXPECT_EQ(s.bob->post("/api/v1/me/learner/sections/reference/reopen", "").status, 403);
  EXPECT_EQ(s.admin->get("/api/v1/me/learner/reference").status, 404) << "staff have none";
}

TEST(References, EveryoneOutsideTheLearnersReachIsRefused) {
  TestApp t;
  auto s = setup(t);
  ASSERT_EQ(
      s.lm->post(reference_path(s.learner, "/complete"), full_reference(0, "good", true).dump())
          .status,
      200);
  const auto attempts = [&](lt::test::HttpClient& c) {
    return std::vector<long>{
        c.get(reference_path(s.learner)).status,
        c.put(reference_path(s.learner), full_reference(1).dump()).status,
        c.post(reference_path(s.learner, "/complete"), full_reference(1).dump()).status,
        c.get(reference_path(s.learner, "/versions")).status,
        c.get(reference_path(s.learner, "/versions/1")).status};
  };

  auto anonymous = t.client();
  EXPECT_EQ(attempts(*anonymous), std::vector<long>(5, 401));
  EXPECT_EQ(anonymous->get("/api/v1/me/learner/reference").status, 401);

  const auto other_provider = t.create_provider("Other School", "10012346");
  t.create_user(
      "lm.other", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", other_provider}}});
  EXPECT_EQ(attempts(*t.sign_in("lm.other", "Secret12")), std::vector<long>(5, 404))
      << "a manager at another provider";

  const auto inside = lt::test::add_learner(*s.admin, "inside.learner", s.provider);
  const long long group =
      s.admin->post("/api/v1/groups", json{{"provider_id", s.provider}, {"name", "Support"}}.dump())
          .json()["id"];
  s.admin->post("/api/v1/groups/" + std::to_string(group) + "/members",
                json{{"add", {inside}}}.dump());
  t.create_user("lm.group", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", group}}});
  auto grouped = t.sign_in("lm.group", "Secret12");
  EXPECT_EQ(attempts(*grouped), std::vector<long>(5, 404)) << "a group manager outside the group";
  EXPECT_EQ(grouped->put(reference_path(inside), full_reference(0).dump()).status, 200)
      << "but inside it";

  t.create_user("tutor.mine", "Secret12",
                {{{"role", "tutor"}, {"scope_type", "provider"}, {"scope_id", s.provider}}});
  auto tutor = t.sign_in("tutor.mine", "Secret12");
  EXPECT_EQ(attempts(*tutor), (std::vector<long>{200, 403, 403, 200, 200}))
      << "tutors read, managers write";

  auto other_learner = learner_client(t, "inside.learner");
  EXPECT_EQ(attempts(*other_learner), std::vector<long>(5, 403)) << "another learner";
  EXPECT_EQ(other_learner->get("/api/v1/me/learner/reference").status, 404)
      << "and their own is not written";

  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  EXPECT_EQ(attempts(*t.sign_in("their.admin", "Secret12", "other-college")),
            std::vector<long>(5, 404))
      << "another tenant";

  // None of those attempts changed anything.
  auto versions = s.lm->get(reference_path(s.learner, "/versions")).json();
  EXPECT_EQ(versions["total"], 1);
  EXPECT_EQ(s.lm->get(reference_path(s.learner)).json()["version"], 1);
}
