// A learner's qualifications (manual 5.4) over /api/v1/learners/{id}/qualifications and
// /api/v1/me/learner/qualifications: add, list, edit with version, delete, field errors, the
// completed section, who adds them, un-approval, audit, and every denial.
#include <gtest/gtest.h>

#include <set>

#include "support/app/reference_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::HttpClient;
using lt::test::TestApp;
using nlohmann::json;

namespace {

struct Setup {
  long long provider = 0, learner = 0;
  std::unique_ptr<HttpClient> admin, bob;
};

// A provider, a learner "bob.learner1" at it (signed in as `bob`) and the administrator.
Setup with_learner(TestApp& t, json extra = json::object()) {
  Setup s;
  s.provider = t.create_provider("UCAS Training School", "10012345");
  s.admin = t.admin();
  json body = {{"username", "bob.learner1"},    {"password", "Start123"},
               {"first_name", "Bob"},           {"last_name", "Learner"},
               {"date_of_birth", "2008-04-01"}, {"year_group", "year_12"},
               {"provider_id", s.provider}};
  body.update(extra);
  s.learner = s.admin->post("/api/v1/learners", body.dump()).json()["id"];
  s.bob = t.client();
  s.bob->post("/api/v1/session",
              json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  s.bob->put("/api/v1/me/password",
             json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  return s;
}

std::string quals(long long learner, const std::string& tail = "") {
  return "/api/v1/learners/" + std::to_string(learner) + "/qualifications" + tail;
}

json maths(json extra = json::object()) {
  json body = {{"type", "gcse"},
               {"subject", "mathematics"},
               {"completed_on", "2024-08"},
               {"actual_grade", "7"}};
  body.update(extra);
  return body;
}

std::set<std::string> error_fields(const lt::test::HttpResponse& r) {
  std::set<std::string> fields;
  const json errors = r.json()["errors"];  // a copy: the parsed body is a temporary
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  return fields;
}

long long count_rows(TestApp& t) {
  return t.app().db().read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM learner_qualifications", soci::into(n);
    return n;
  });
}

}  // namespace

TEST(Qualifications, AManagerAddsListsEditsAndDeletes) {
  TestApp t;
  auto s = with_learner(t);
  auto added = s.admin->post(quals(s.learner), maths({{"predicted_grade", "8"}}).dump());
  ASSERT_EQ(added.status, 201) << added.body;
  const json q = added.json();
  EXPECT_EQ(q["type"], (json{{"code", "gcse"}, {"label", "GCSE (9–1)"}}));
  EXPECT_EQ(q["subject"]["label"], "Mathematics");
  EXPECT_EQ(q["completed_on"], "2024-08");
  EXPECT_EQ(q["predicted_grade"]["code"], "8");
  EXPECT_EQ(q["actual_grade"]["label"], "7");
  EXPECT_EQ(q["learner_id"], s.learner);

  ASSERT_EQ(s.admin
                ->post(quals(s.learner), json{{"type", "a_level"},
                                              {"subject", "physics"},
                                              {"completed_on", "2027-06"},
                                              {"predicted_grade", "a_star"}}
                                             .dump())
                .status,
            201);
  auto list = s.admin->get(quals(s.learner));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 2);
  EXPECT_EQ(list.json()["items"][0]["subject"]["code"], "physics") << "latest completion first";
  EXPECT_EQ(list.json()["section"], "incomplete");
  EXPECT_EQ(list.json()["learner_may_add"], true);

  const std::string one = quals(s.learner, "/" + std::to_string(q["id"].get<long long>()));
  auto edited = s.admin->patch(
      one, json{{"actual_grade", "9"}, {"predicted_grade", nullptr}, {"version", 1}}.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["actual_grade"]["code"], "9");
  EXPECT_TRUE(edited.json()["predicted_grade"].is_null());
  EXPECT_EQ(edited.json()["version"], 2);
  auto stale = s.admin->patch(one, json{{"actual_grade", "6"}, {"version", 1}}.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "version_conflict");
  EXPECT_EQ(s.admin->patch(one, json{{"actual_grade", "6"}}.dump()).json()["errors"][0]["field"],
            "version");

  EXPECT_EQ(s.admin->del(one).status, 204);
  EXPECT_EQ(s.admin->del(one).status, 404);
  EXPECT_EQ(s.admin->get(quals(s.learner)).json()["total"], 1);

  const auto events =
      s.admin->get("/api/v1/audit?entity_type=learner&entity_id=" + std::to_string(s.learner)).body;
  for (const char* action : {"learner.qualification_added", "learner.qualification_updated",
                             "learner.qualification_deleted"})
    EXPECT_NE(events.find(action), std::string::npos) << action;
}

TEST(Qualifications, FieldErrorsNameEachBadFieldAndWriteNothing) {
  TestApp t;
  auto s = with_learner(t);
  auto empty = s.admin->post(quals(s.learner), "{}");
  ASSERT_EQ(empty.status, 422);
  EXPECT_EQ(error_fields(empty), (std::set<std::string>{"type", "subject", "completed_on",
                                                        "predicted_grade", "actual_grade"}));
  auto wrong_type = s.admin->post(quals(s.learner), json{{"type", "gcse"},
                                                         {"subject", "further_mathematics"},
                                                         {"completed_on", "2024-13"},
                                                         {"predicted_grade", "a_star"}}
                                                        .dump());
  EXPECT_EQ(error_fields(wrong_type),
            (std::set<std::string>{"subject", "completed_on", "predicted_grade"}))
      << "Further Mathematics is an A level subject, A* an A level grade";
  EXPECT_EQ(error_fields(s.admin->post(quals(s.learner), maths({{"type", "hnd"}}).dump())),
            std::set<std::string>{"type"});
  auto future_actual = s.admin->post(quals(s.learner), maths({{"completed_on", "2030-06"}}).dump());
  EXPECT_EQ(future_actual.json()["errors"][0]["code"], "actual_grade_in_future");
  EXPECT_EQ(s.admin->post(quals(s.learner), maths({{"completed_on", "1900-06"}}).dump())
                .json()["errors"][0]["code"],
            "month_out_of_range");
  EXPECT_EQ(s.admin->post(quals(s.learner), maths({{"subject", 12}}).dump()).status, 422);
  EXPECT_EQ(count_rows(t), 0) << "nothing half-written";

  auto added = s.admin->post(quals(s.learner), maths().dump());
  const std::string one =
      quals(s.learner, "/" + std::to_string(added.json()["id"].get<long long>()));
  auto cleared = s.admin->patch(one, json{{"actual_grade", nullptr}, {"version", 1}}.dump());
  EXPECT_EQ(cleared.json()["errors"][0]["code"], "grade_required");
  auto moved = s.admin->patch(one, json{{"type", "a_level"}, {"version", 1}}.dump());
  EXPECT_EQ(error_fields(moved), (std::set<std::string>{"actual_grade"}))
      << "a type change checks the kept subject and grade against the new type";
  EXPECT_EQ(s.admin->get(quals(s.learner)).json()["items"][0]["version"], 1);
}

TEST(Qualifications, TheLearnerAddsTheirOwnAndCompletesTheSection) {
  TestApp t;
  auto s = with_learner(t, {{"profile_sign_off", "yes"}});
  auto mine = s.bob->post("/api/v1/me/learner/qualifications", maths().dump());
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(s.admin->get(quals(s.learner)).json()["total"], 1) << "the manager sees them";

  ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/qualifications/complete", "").status, 200);
  EXPECT_EQ(s.bob->get("/api/v1/me/learner/qualifications").json()["section"], "complete");
  auto closed = s.bob->post("/api/v1/me/learner/qualifications",
                            maths({{"subject", "english_language"}}).dump());
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(closed.json()["code"], "section_complete");
  const std::string one =
      "/api/v1/me/learner/qualifications/" + std::to_string(mine.json()["id"].get<long long>());
  EXPECT_EQ(s.bob->patch(one, json{{"actual_grade", "9"}, {"version", 1}}.dump()).json()["code"],
            "section_complete");
  EXPECT_EQ(s.bob->del(one).json()["code"], "section_complete");
  EXPECT_EQ(s.admin->post(quals(s.learner), maths().dump()).json()["code"], "section_complete")
      << "the manager reopens first too";

  // Approve the whole profile, then a change by the learner sends it back to the manager.
  for (const std::string section : {"key_information", "additional_information"})
    ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/" + section + "/complete", "").status, 200);
  ASSERT_EQ(s.admin
                ->post(lt::test::reference_path(s.learner, "/complete"),
                       lt::test::reference_by_own_referee(0).dump())
                .status,
            200);
  ASSERT_EQ(s.admin->post("/api/v1/learners/" + std::to_string(s.learner) + "/approve", "").status,
            200);
  ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/qualifications/reopen", "").status, 200);
  ASSERT_EQ(s.admin->post("/api/v1/learners/" + std::to_string(s.learner) + "/approve", "").status,
            409)
      << "reopening left the profile incomplete";
  ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/qualifications/complete", "").status, 200);
  ASSERT_EQ(s.admin->post("/api/v1/learners/" + std::to_string(s.learner) + "/approve", "").status,
            200);
}

TEST(Qualifications, ALearnersChangeUnapprovesAnApprovedProfile) {
  TestApp t;
  auto s = with_learner(t, {{"profile_sign_off", "yes"}});
  const std::string base = "/api/v1/learners/" + std::to_string(s.learner);
  for (const std::string section : {"key_information", "additional_information", "qualifications"})
    ASSERT_EQ(s.admin->post(base + "/sections/" + section + "/complete", "").status, 200);
  ASSERT_EQ(s.admin
                ->post(lt::test::reference_path(s.learner, "/complete"),
                       lt::test::reference_by_own_referee(0).dump())
                .status,
            200);
  ASSERT_EQ(s.admin->post(base + "/approve", "").status, 200);
  // The manager reopens only the qualifications section (a manager's action keeps approval).
  ASSERT_EQ(s.admin->post(base + "/sections/qualifications/reopen", "").status, 200);
  ASSERT_EQ(s.admin->post(base + "/sections/qualifications/complete", "").status, 200);
  ASSERT_EQ(s.admin->get(base).json()["approval"], "approved");
  ASSERT_EQ(s.admin->post(base + "/sections/qualifications/reopen", "").status, 200);
  ASSERT_EQ(s.bob->post("/api/v1/me/learner/qualifications", maths().dump()).status, 201);
  ASSERT_EQ(s.admin->post(base + "/sections/qualifications/complete", "").status, 200);
  EXPECT_EQ(s.admin->get(base).json()["approval"], "awaiting") << "the learner's add un-approved";
}

TEST(Qualifications, WhenTheManagerAddsThemTheLearnerOnlyReads) {
  TestApp t;
  auto s = with_learner(t, {{"manager_adds_qualifications", "yes"}});
  ASSERT_EQ(s.admin->post(quals(s.learner), maths().dump()).status, 201);
  auto list = s.bob->get("/api/v1/me/learner/qualifications");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 1);
  EXPECT_EQ(list.json()["learner_may_add"], false);
  auto denied = s.bob->post("/api/v1/me/learner/qualifications", maths().dump());
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.json()["code"], "qualifications_added_by_manager");
  const std::string one = "/api/v1/me/learner/qualifications/" +
                          std::to_string(list.json()["items"][0]["id"].get<long long>());
  EXPECT_EQ(s.bob->patch(one, json{{"actual_grade", "9"}, {"version", 1}}.dump()).status, 403);
  EXPECT_EQ(s.bob->del(one).status, 403);
  EXPECT_EQ(s.bob->post("/api/v1/me/learner/sections/qualifications/complete", "").status, 403);
  EXPECT_EQ(s.admin->get("/api/v1/learners?status=awaiting_qualifications").json()["total"], 1);
  ASSERT_EQ(s.admin
                ->post("/api/v1/learners/" + std::to_string(s.learner) +
                           "/sections/qualifications/complete",
                       "")
                .status,
            200);
  EXPECT_EQ(s.admin->get("/api/v1/learners?status=awaiting_qualifications").json()["total"], 0);
  EXPECT_EQ(count_rows(t), 1);
}

TEST(Qualifications, DenialsAcrossLearnersProvidersAndTenants) {
  TestApp t;
  auto s = with_learner(t);
  const auto theirs = t.create_provider("Other College", "10054321");
  const long long their_learner =
      s.admin
          ->post("/api/v1/learners", json{{"username", "amy.learner"},
                                          {"password", "Start123"},
                                          {"first_name", "Amy"},
                                          {"last_name", "Other"},
                                          {"date_of_birth", "2008-01-01"},
                                          {"year_group", "year_12"},
                                          {"provider_id", theirs}}
                                         .dump())
          .json()["id"];
  const auto theirs_added = s.admin->post(quals(their_learner), maths().dump());
  ASSERT_EQ(theirs_added.status, 201);
  const std::string their_one = "/" + std::to_string(theirs_added.json()["id"].get<long long>());

  // Signed out.
  auto anonymous = t.client();
  EXPECT_EQ(anonymous->get(quals(s.learner)).status, 401);
  EXPECT_EQ(anonymous->post(quals(s.learner), maths().dump()).status, 401);
  EXPECT_EQ(anonymous->get("/api/v1/me/learner/qualifications").status, 401);

  // A learner reaching another learner's qualifications.
  EXPECT_EQ(s.bob->get(quals(their_learner)).status, 403);
  EXPECT_EQ(s.bob->post(quals(their_learner), maths().dump()).status, 403);
  EXPECT_EQ(s.bob
                ->patch("/api/v1/me/learner/qualifications" + their_one,
                        json{{"actual_grade", "9"}, {"version", 1}}.dump())
                .status,
            404);
  EXPECT_EQ(s.bob->del("/api/v1/me/learner/qualifications" + their_one).status, 404);

  // A manager at another provider.
  t.create_user(
      "lm.mine", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", s.provider}}});
  auto lm = t.sign_in("lm.mine", "Secret12");
  EXPECT_EQ(lm->get(quals(s.learner)).status, 200);
  EXPECT_EQ(lm->post(quals(s.learner), maths().dump()).status, 201);
  EXPECT_EQ(lm->get(quals(their_learner)).status, 404);
  EXPECT_EQ(lm->post(quals(their_learner), maths().dump()).status, 404);
  EXPECT_EQ(lm->patch(quals(their_learner, their_one), json{{"version", 1}}.dump()).status, 404);
  EXPECT_EQ(lm->del(quals(their_learner, their_one)).status, 404);
  EXPECT_EQ(lm->del(quals(s.learner, their_one)).status, 404) << "not this learner's";

  // A read-only role.
  t.create_user("tutor.mine", "Secret12",
                {{{"role", "tutor"}, {"scope_type", "provider"}, {"scope_id", s.provider}}});
  auto tutor = t.sign_in("tutor.mine", "Secret12");
  EXPECT_EQ(tutor->get(quals(s.learner)).status, 200);
  EXPECT_EQ(tutor->post(quals(s.learner), maths().dump()).status, 403);

  // Staff have no own qualifications.
  EXPECT_EQ(s.admin->get("/api/v1/me/learner/qualifications").status, 404);

  // Another tenant.
  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto other_admin = t.sign_in("their.admin", "Secret12", "other-college");
  EXPECT_EQ(other_admin->get(quals(s.learner)).status, 404);
  EXPECT_EQ(other_admin->post(quals(s.learner), maths().dump()).status, 404);
  EXPECT_EQ(other_admin->del(quals(their_learner, their_one)).status, 404);
  EXPECT_EQ(count_rows(t), 2);
}
