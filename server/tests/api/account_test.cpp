// The signed-in user's own account: personal details, username and password (manual section 3).
#include <gtest/gtest.h>

#include <set>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
const json kViewer = {{"role", "viewer"}};
json credentials(const std::string& username, const std::string& password) {
  return {{"username", username}, {"password", password}};
}
}  // namespace

TEST(Account, EditsPersonalDetailsWithOptimisticConcurrency) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  const int version = c->get("/api/v1/me").json()["user"]["version"];
  auto saved = c->patch("/api/v1/me", json{{"first_name", "Joanna"},
                                           {"last_name", "Bloggs"},
                                           {"email", "Jo@Example.ORG"},
                                           {"telephone", "01632 960001"},
                                           {"version", version}}
                                          .dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["user"]["first_name"], "Joanna");
  EXPECT_EQ(saved.json()["user"]["email"], "Jo@example.org");
  EXPECT_EQ(saved.json()["user"]["telephone"], "01632 960001");
  EXPECT_EQ(saved.json()["user"]["version"], version + 1);

  auto stale = c->patch("/api/v1/me", json{{"first_name", "Jo"}, {"version", version}}.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "version_conflict");
  EXPECT_EQ(c->get("/api/v1/me").json()["user"]["first_name"], "Joanna") << "nothing overwritten";
}

TEST(Account, BadDetailsGetFieldErrorsAndChangeNothing) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  const int version = c->get("/api/v1/me").json()["user"]["version"];
  auto bad = c->patch(
      "/api/v1/me",
      json{
          {"first_name", " "}, {"email", "not-an-email"}, {"telephone", "12"}, {"version", version}}
          .dump());
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> fields;
  const json errors = bad.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"first_name", "email", "telephone"}));
  EXPECT_EQ(c->get("/api/v1/me").json()["user"]["version"], version);
  auto no_version = c->patch("/api/v1/me", json{{"first_name", "Jo"}}.dump());
  EXPECT_EQ(no_version.status, 422);
  EXPECT_EQ(no_version.json()["errors"][0]["field"], "version");
}

TEST(Account, ChangingTheUsernameEndsEverySessionOfTheUser) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  t.create_user("taken.name", "Secret12", {kViewer});
  auto first = t.sign_in("jo.bloggs", "Secret12");
  auto second = t.sign_in("jo.bloggs", "Secret12");

  auto invalid = first->put("/api/v1/me/username", json{{"username", "bad name"}}.dump());
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(invalid.json()["errors"][0]["code"], "invalid_username");
  auto taken = first->put("/api/v1/me/username", json{{"username", "TAKEN.name"}}.dump());
  EXPECT_EQ(taken.status, 422);
  EXPECT_EQ(taken.json()["errors"][0]["code"], "username_taken") << "case-insensitive";

  auto changed = first->put("/api/v1/me/username", json{{"username", "joanna_b@home"}}.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["signed_out"], true);
  EXPECT_EQ(first->get("/api/v1/me").status, 401);
  EXPECT_EQ(second->get("/api/v1/me").status, 401);
  auto c = t.client();
  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).status, 401);
  EXPECT_EQ(c->post("/api/v1/session", credentials("joanna_b@home", "Secret12").dump()).status,
            200);
}

TEST(Account, ChangingThePasswordNeedsTheCurrentOneAndEndsOtherSessions) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto mine = t.sign_in("jo.bloggs", "Secret12");
  auto other = t.sign_in("jo.bloggs", "Secret12");

  auto wrong =
      mine->put("/api/v1/me/password",
                json{{"current_password", "Guess123"}, {"new_password", "Better123"}}.dump());
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "current_password");
  EXPECT_EQ(wrong.json()["errors"][0]["code"], "wrong_password");
  auto weak =
      mine->put("/api/v1/me/password",
                json{{"current_password", "Secret12"}, {"new_password", "abcdefgh"}}.dump());
  ASSERT_EQ(weak.status, 422);
  EXPECT_EQ(weak.json()["errors"][0]["field"], "new_password");
  EXPECT_EQ(weak.json()["errors"][0]["code"], "weak_password");

  auto ok = mine->put("/api/v1/me/password",
                      json{{"current_password", "Secret12"}, {"new_password", "Better123"}}.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(mine->get("/api/v1/me").status, 200) << "this session goes on";
  EXPECT_EQ(other->get("/api/v1/me").status, 401) << "the other session ended";
  auto c = t.client();
  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).status, 401);
  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Better123").dump()).status, 200);
}

TEST(Account, TheTenantMayRequireTheStrongPolicy) {
  TestApp t;
  auto admin = t.admin();
  auto settings = admin->get("/api/v1/settings");
  ASSERT_EQ(settings.status, 200);
  EXPECT_EQ(settings.json()["password_policy"], "standard");
  auto bad = admin->patch(
      "/api/v1/settings",
      json{{"password_policy", "tough"}, {"version", settings.json()["version"]}}.dump());
  EXPECT_EQ(bad.status, 422);
  auto saved = admin->patch(
      "/api/v1/settings",
      json{{"password_policy", "strong"}, {"version", settings.json()["version"]}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["password_policy"], "strong");

  auto weak =
      admin->put("/api/v1/me/password",
                 json{{"current_password", "Admin123!"}, {"new_password", "Better123"}}.dump());
  EXPECT_EQ(weak.status, 422) << "fine under standard, too weak under strong";
  auto strong = admin->put(
      "/api/v1/me/password",
      json{{"current_password", "Admin123!"}, {"new_password", "Much-Better-123"}}.dump());
  EXPECT_EQ(strong.status, 200);
  EXPECT_EQ(admin->get("/api/v1/me").json()["password_policy"]["preset"], "strong");
}
