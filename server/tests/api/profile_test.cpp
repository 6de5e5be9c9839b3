// Profile sections and approval (manual 5.2 f–g and 5.6): learners edit their own profile, a
// completed section must be reopened before it changes, the manager approves where sign-off
// applies, and any later change by the learner un-approves it.
#include <gtest/gtest.h>

#include "support/app/reference_bodies.hpp"
#include "support/app/smtp_sink.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
struct Setup {
  long long provider = 0, learner = 0;
  std::unique_ptr<lt::test::HttpClient> admin, bob;
};

Setup with_learner(TestApp& t, bool sign_off) {
  Setup s;
  s.provider = t.create_provider("UCAS Training School", "10012345");
  s.admin = t.admin();
  json defaults = {{"default_referee", {{"name", "Jane Smith"}, {"position", "Pastoral manager"}}},
                   {"version", 1}};
  if (sign_off) defaults["sign_off_profiles"] = true;
  s.admin->patch("/api/v1/providers/" + std::to_string(s.provider), defaults.dump());
  s.learner = s.admin
                  ->post("/api/v1/learners", json{{"username", "bob.learner1"},
                                                  {"password", "Start123"},
                                                  {"first_name", "Bob"},
                                                  {"last_name", "Learner"},
                                                  {"email", "bob@example.org"},
                                                  {"date_of_birth", "2008-04-01"},
                                                  {"year_group", "year_12"},
                                                  {"provider_id", s.provider}}
                                                 .dump())
                  .json()["id"];
  s.bob = t.client();
  s.bob->post("/api/v1/session",
              json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  s.bob->put("/api/v1/me/password",
             json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  return s;
}

std::string learner_path(long long id, const std::string& tail) {
  return "/api/v1/learners/" + std::to_string(id) + tail;
}
}  // namespace

TEST(Profile, ACompletedSectionMustBeReopenedBeforeItChanges) {
  TestApp t;
  auto s = with_learner(t, false);
  auto mine = s.bob->get("/api/v1/me/learner");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["id"], s.learner);
  auto edited =
      s.bob->patch("/api/v1/me/learner", json{{"town", "Cheltenham"}, {"version", 1}}.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto completed = s.bob->post("/api/v1/me/learner/sections/additional_information/complete", "");
  ASSERT_EQ(completed.status, 200);
  EXPECT_EQ(completed.json()["sections"]["additional_information"], "complete");
  const int version = completed.json()["version"];
  auto blocked =
      s.bob->patch("/api/v1/me/learner", json{{"town", "Gloucester"}, {"version", version}}.dump());
  ASSERT_EQ(blocked.status, 409);
  EXPECT_EQ(blocked.json()["code"], "section_complete");
  EXPECT_EQ(blocked.json()["errors"][0]["field"], "town");
  auto manager_blocked = s.admin->patch(learner_path(s.learner, ""),
                                        json{{"town", "Gloucester"}, {"version", version}}.dump());
  EXPECT_EQ(manager_blocked.status, 409) << "the manager reopens first too";
  auto reopened = s.bob->post("/api/v1/me/learner/sections/additional_information/reopen", "");
  ASSERT_EQ(reopened.status, 200);
  EXPECT_EQ(
      s.bob
          ->patch("/api/v1/me/learner",
                  json{{"town", "Gloucester"}, {"version", reopened.json()["version"]}}.dump())
          .status,
      200);
  EXPECT_EQ(s.bob->post("/api/v1/me/learner/sections/reference/complete", "").status, 403)
      << "the reference is the manager's";
  EXPECT_EQ(s.bob->post("/api/v1/me/learner/sections/hobbies/complete", "").status, 404);
  auto provider_change =
      s.bob->patch("/api/v1/me/learner", json{{"provider_id", 999}, {"version", 4}}.dump());
  EXPECT_NE(provider_change.json().value("provider_id", 0LL), 999)
      << "learners cannot move themselves";
  EXPECT_EQ(s.admin->get("/api/v1/me/learner").status, 404) << "staff have no learner profile";
}

TEST(Profile, ApprovalWhereSignOffAppliesAndUnapprovalOnChange) {
  lt::test::SmtpSink smtp;
  TestApp t({.smtp_url = smtp.url()});
  auto s = with_learner(t, true);
  EXPECT_EQ(s.admin->get(learner_path(s.learner, "")).json()["approval"], "incomplete");
  auto early = s.admin->post(learner_path(s.learner, "/approve"), "");
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json()["code"], "profile_incomplete");

  for (const std::string section : {"key_information", "additional_information", "qualifications"})
    ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/" + section + "/complete", "").status, 200)
        << section;
  // The reference section completes with the reference itself (references_test).
  ASSERT_EQ(s.admin
                ->post(lt::test::reference_path(s.learner, "/complete"),
                       lt::test::full_reference(0).dump())
                .status,
            200);
  EXPECT_EQ(s.admin->get(learner_path(s.learner, "")).json()["approval"], "awaiting");
  EXPECT_EQ(s.admin->get("/api/v1/dashboard").json()["counts"]["awaiting_approval"], 1);
  EXPECT_EQ(s.admin->get("/api/v1/learners?status=awaiting_approval").json()["total"], 1);

  auto approved = s.admin->post(learner_path(s.learner, "/approve"), "");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["approval"], "approved");
  EXPECT_EQ(s.admin->get("/api/v1/dashboard").json()["counts"]["awaiting_approval"], 0);
  auto mails = smtp.wait_for(1);
  ASSERT_GE(mails.size(), 1u);
  EXPECT_EQ(mails.back().subject, "Your profile has been approved");

  // The learner reopens a section: the profile drops out of approval and back into the queue.
  ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/key_information/reopen", "").status, 200);
  EXPECT_EQ(s.admin->get(learner_path(s.learner, "")).json()["approval"], "incomplete");
  ASSERT_EQ(s.bob->post("/api/v1/me/learner/sections/key_information/complete", "").status, 200);
  EXPECT_EQ(s.admin->get(learner_path(s.learner, "")).json()["approval"], "awaiting")
      << "un-approved and back with the manager";
  auto events =
      s.admin->get("/api/v1/audit?entity_type=learner&entity_id=" + std::to_string(s.learner)).body;
  EXPECT_NE(events.find("learner.approved"), std::string::npos);

  ASSERT_EQ(s.admin->post(learner_path(s.learner, "/approve"), "").status, 200);
  auto unapproved = s.admin->post(learner_path(s.learner, "/unapprove"), "");
  EXPECT_EQ(unapproved.json()["approval"], "awaiting");
  EXPECT_EQ(s.bob->post(learner_path(s.learner, "/approve"), "").status, 403)
      << "learners cannot approve";
}

TEST(Profile, NoApprovalWithoutSignOff) {
  TestApp t;
  auto s = with_learner(t, false);
  EXPECT_EQ(s.admin->get(learner_path(s.learner, "")).json()["approval"], "not_required");
  EXPECT_EQ(s.admin->post(learner_path(s.learner, "/approve"), "").json()["code"],
            "approval_not_required");
}
