// Signing in and out, /me, lock-out, forced password change and CSRF, over real HTTP.
#include <gtest/gtest.h>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
json credentials(const std::string& username, const std::string& password) {
  return {{"username", username}, {"password", password}};
}
const json kAdminRole = {{"role", "administrator"}};
}  // namespace

TEST(Session, SignInSetsAnHttpOnlyCookieAndMeAnswers) {
  TestApp t;
  RecordProperty("database", lt::test::database_kind());
  t.create_user("jo.bloggs", "Secret12", {kAdminRole});
  auto c = t.client();
  auto r = c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const auto cookie = r.header("set-cookie").value_or("");
  EXPECT_NE(cookie.find("lt_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(r.json()["user"]["username"], "jo.bloggs");
  EXPECT_EQ(r.json()["must_change_password"], false);

  auto me = c->get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["user"]["username"], "jo.bloggs");
  EXPECT_EQ(me.json()["tenant"]["name"], "default");
  EXPECT_NE(me.json()["user"]["last_login_at"], nullptr);

  ASSERT_EQ(c->del("/api/v1/session").status, 204);
  auto after = c->get("/api/v1/me");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.json()["code"], "unauthenticated");
}

TEST(Session, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kAdminRole});
  auto c = t.client();
  auto wrong = c->post("/api/v1/session", credentials("jo.bloggs", "Secret13").dump());
  auto unknown = c->post("/api/v1/session", credentials("nobody.here", "Secret13").dump());
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["code"], "invalid_credentials");
  EXPECT_EQ(unknown.json()["code"], "invalid_credentials");
  EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
  EXPECT_EQ(wrong.header("content-type"), "application/problem+json");
}

TEST(Session, MissingFieldsAreFieldErrors) {
  TestApp t;
  auto r = t.client()->post("/api/v1/session", "{}");
  ASSERT_EQ(r.status, 422);
  const auto errors = r.json()["errors"];
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]["field"], "username");
  EXPECT_EQ(errors[1]["field"], "password");
  EXPECT_EQ(errors[0]["code"], "required");
}

TEST(Session, FiveFailuresLockUntilAnAdministratorUnlocks) {
  TestApp t;
  const auto id = t.create_user("locked.user", "Secret12", {{{"role", "viewer"}}});
  auto c = t.client();
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(
        c->post("/api/v1/session", credentials("locked.user", "nope1234").dump()).json()["code"],
        "invalid_credentials")
        << "attempt " << i;
  auto fifth = c->post("/api/v1/session", credentials("locked.user", "nope1234").dump());
  EXPECT_EQ(fifth.status, 401);
  EXPECT_EQ(fifth.json()["code"], "account_locked");
  auto right = c->post("/api/v1/session", credentials("locked.user", "Secret12").dump());
  EXPECT_EQ(right.status, 401);
  EXPECT_EQ(right.json()["code"], "account_locked") << "even the right password";

  auto admin = t.admin();
  auto listed = admin->get("/api/v1/users/" + std::to_string(id));
  EXPECT_EQ(listed.json()["locked"], true);
  auto unlocked = admin->post("/api/v1/users/" + std::to_string(id) + "/unlock", "");
  ASSERT_EQ(unlocked.status, 200) << unlocked.body;
  EXPECT_EQ(unlocked.json()["locked"], false);
  EXPECT_EQ(c->post("/api/v1/session", credentials("locked.user", "Secret12").dump()).status, 200);
}

TEST(Session, APasswordSetBySomeoneElseMustBeChangedFirst) {
  TestApp t;
  auto admin = t.admin();
  auto created = admin->post("/api/v1/users", json{{"username", "new.starter"},
                                                   {"first_name", "New"},
                                                   {"last_name", "Starter"},
                                                   {"password", "Given123"},
                                                   {"roles", {kAdminRole}}}
                                                  .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["must_change_password"], true);

  auto c = t.client();
  auto signed_in = c->post("/api/v1/session", credentials("new.starter", "Given123").dump());
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_EQ(signed_in.json()["must_change_password"], true);
  EXPECT_EQ(c->get("/api/v1/me").status, 200) << "me still answers";
  for (const std::string path : {"/api/v1/users", "/api/v1/providers", "/api/v1/audit"}) {
    auto denied = c->get(path);
    EXPECT_EQ(denied.status, 403) << path;
    EXPECT_EQ(denied.json()["code"], "password_change_required") << path;
  }
  auto changed =
      c->put("/api/v1/me/password",
             json{{"current_password", "Given123"}, {"new_password", "Chosen123"}}.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["must_change_password"], false);
  EXPECT_EQ(c->get("/api/v1/users").status, 200);
}

TEST(Session, CookieMutationsFromAnotherOriginAreRejected) {
  TestApp t;
  auto admin = t.admin();
  auto forged =
      admin->post("/api/v1/providers", json{{"name", "Evil"}, {"ukprn", "10000001"}}.dump(),
                  {{"Origin", "https://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(forged.json()["code"], "csrf_rejected");
  auto list = admin->get("/api/v1/providers");
  EXPECT_EQ(list.json()["total"], 0) << "nothing was written";
}

TEST(Session, ALearnerCannotSignInToAnotherTenant) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  t.create_user("jo.bloggs", "Secret12", {kAdminRole}, std::nullopt, other);
  auto c = t.client();
  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).status, 401)
      << "the default tenant has no such user";
  auto in_other =
      c->post("/api/v1/session",
              json{{"username", "jo.bloggs"}, {"password", "Secret12"}, {"tenant", "other-college"}}
                  .dump());
  EXPECT_EQ(in_other.status, 200);
  EXPECT_EQ(in_other.json()["tenant"]["name"], "other-college");
}
