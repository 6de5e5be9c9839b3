// In-app notifications: approving and un-approving a profile tells the learner in the app; each
// user sees, counts and marks read only their own notifications, in their own tenant.
#include <gtest/gtest.h>

#include "support/app/learner_bodies.hpp"
#include "support/app/reference_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
// A learner whose profile needs sign-off, every section complete, signed in with their own
// password.
struct Ready {
  long long learner = 0;
  std::unique_ptr<lt::test::HttpClient> admin, bob;
};

Ready learner_ready_for_approval(TestApp& t) {
  Ready r;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  r.admin = t.admin();
  r.admin->patch(
      "/api/v1/providers/" + std::to_string(provider),
      json{{"sign_off_profiles", true},
           {"default_referee", {{"name", "Jane Smith"}, {"position", "Pastoral manager"}}},
           {"version", 1}}
          .dump());
  r.learner =
      r.admin->post("/api/v1/learners", lt::test::learner_body("bob.learner1", provider).dump())
          .json()["id"];
  for (const std::string section : {"key_information", "additional_information", "qualifications"})
    r.admin->post(
        "/api/v1/learners/" + std::to_string(r.learner) + "/sections/" + section + "/complete", "");
  // the reference section completes with the reference itself
  r.admin->post(lt::test::reference_path(r.learner, "/complete"),
                lt::test::full_reference(0).dump());
  r.bob = t.client();
  r.bob->post("/api/v1/session",
              json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  r.bob->put("/api/v1/me/password",
             json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  return r;
}
}  // namespace

TEST(Notifications, ApprovalAndUnapprovalTellTheLearnerInTheApp) {
  TestApp t;
  auto r = learner_ready_for_approval(t);
  auto empty = r.bob->get("/api/v1/notifications");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json()["total"], 0);
  EXPECT_EQ(empty.json()["unread"], 0);

  const std::string base = "/api/v1/learners/" + std::to_string(r.learner);
  ASSERT_EQ(r.admin->post(base + "/approve", "").status, 200);
  auto after_approval = r.bob->get("/api/v1/notifications").json();
  ASSERT_EQ(after_approval["total"], 1);
  EXPECT_EQ(after_approval["unread"], 1);
  EXPECT_EQ(after_approval["items"][0]["kind"], "profile_approved");
  EXPECT_EQ(after_approval["items"][0]["title"], "Your profile has been approved");
  EXPECT_EQ(after_approval["items"][0]["link"], "/profile");
  EXPECT_TRUE(after_approval["items"][0]["read_at"].is_null());
  EXPECT_EQ(r.admin->get("/api/v1/notifications").json()["total"], 0)
      << "the manager's own inbox holds nothing of the learner's";

  ASSERT_EQ(r.admin->post(base + "/unapprove", "").status, 200);
  auto both = r.bob->get("/api/v1/notifications").json();
  ASSERT_EQ(both["total"], 2);
  EXPECT_EQ(both["items"][0]["kind"], "profile_unapproved") << "newest first";
  EXPECT_EQ(both["unread"], 2);

  // Approving what is already approved says nothing new.
  ASSERT_EQ(r.admin->post(base + "/approve", "").status, 200);
  ASSERT_EQ(r.admin->post(base + "/approve", "").status, 200);
  EXPECT_EQ(r.bob->get("/api/v1/notifications").json()["total"], 3);
}

TEST(Notifications, MarkingReadCountsDownAndPagesNewestFirst) {
  TestApp t;
  auto r = learner_ready_for_approval(t);
  const std::string base = "/api/v1/learners/" + std::to_string(r.learner);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(r.admin->post(base + "/approve", "").status, 200);
    ASSERT_EQ(r.admin->post(base + "/unapprove", "").status, 200);
  }
  auto page1 = r.bob->get("/api/v1/notifications?limit=4").json();
  ASSERT_EQ(page1["items"].size(), 4u);
  EXPECT_EQ(page1["total"], 6);
  ASSERT_TRUE(page1["next_cursor"].is_string());
  auto page2 =
      r.bob->get("/api/v1/notifications?limit=4&cursor=" + page1["next_cursor"].get<std::string>())
          .json();
  ASSERT_EQ(page2["items"].size(), 2u);
  EXPECT_LT(page2["items"][0]["id"].get<long long>(), page1["items"][3]["id"].get<long long>());

  const long long newest = page1["items"][0]["id"];
  ASSERT_EQ(r.bob->post("/api/v1/notifications/" + std::to_string(newest) + "/read", "").status,
            204);
  auto after_one = r.bob->get("/api/v1/notifications").json();
  EXPECT_EQ(after_one["unread"], 5);
  EXPECT_TRUE(after_one["items"][0]["read_at"].is_string());
  EXPECT_EQ(r.bob->get("/api/v1/notifications?unread=true").json()["total"], 5);
  ASSERT_EQ(r.bob->post("/api/v1/notifications/" + std::to_string(newest) + "/read", "").status,
            204)
      << "reading twice is harmless";

  auto all = r.bob->post("/api/v1/notifications/read-all", "");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json()["marked"], 5);
  EXPECT_EQ(r.bob->get("/api/v1/notifications").json()["unread"], 0);
  EXPECT_EQ(r.bob->get("/api/v1/notifications?unread=true").json()["total"], 0);
  EXPECT_EQ(r.bob->get("/api/v1/notifications?unread=maybe").status, 422);
}

TEST(Notifications, OnlyTheirOwnerSeesOrMarksThem) {
  TestApp t;
  auto r = learner_ready_for_approval(t);
  ASSERT_EQ(r.admin->post("/api/v1/learners/" + std::to_string(r.learner) + "/approve", "").status,
            200);
  const long long id = r.bob->get("/api/v1/notifications").json()["items"][0]["id"];
  const std::string read = "/api/v1/notifications/" + std::to_string(id) + "/read";

  EXPECT_EQ(r.admin->post(read, "").status, 404) << "someone else's notification";
  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto other_admin = t.sign_in("their.admin", "Secret12", "other-college");
  EXPECT_EQ(other_admin->post(read, "").status, 404) << "another tenant";
  EXPECT_EQ(other_admin->get("/api/v1/notifications").json()["total"], 0);
  EXPECT_EQ(other_admin->post("/api/v1/notifications/read-all", "").json()["marked"], 0);

  auto signed_out = t.client();
  EXPECT_EQ(signed_out->get("/api/v1/notifications").status, 401);
  EXPECT_EQ(signed_out->post(read, "").status, 401);
  EXPECT_EQ(signed_out->post("/api/v1/notifications/read-all", "").status, 401);
  EXPECT_TRUE(r.bob->get("/api/v1/notifications").json()["items"][0]["read_at"].is_null())
      << "nobody else's attempts marked it read";
}
