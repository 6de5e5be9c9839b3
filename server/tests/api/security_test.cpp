// Security behaviour end to end: sessions that end for real (sign-out, idle and absolute expiry,
// password reset), the forced password change on every route, CSRF on cookie mutations, lock-out
// counting, and the rules for usernames, passwords and tenant settings.
#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "http/router.hpp"
#include "support/app/test_app.hpp"

using lt::test::HttpClient;
using lt::test::TestApp;
using nlohmann::json;

namespace {

json credentials(const std::string& username, const std::string& password) {
  return {{"username", username}, {"password", password}};
}
const json kViewer = {{"role", "viewer"}};

std::string user_path(long long id, const std::string& tail = "") {
  return "/api/v1/users/" + std::to_string(id) + tail;
}

// A client that carries only the given session cookie and no Origin header (not a browser).
std::unique_ptr<HttpClient> bare_client(TestApp& t, const std::string& token) {
  auto c = std::make_unique<HttpClient>(t.port());
  c->set_default_header("Cookie", "lt_session=" + token);
  return c;
}

}  // namespace

TEST(Security, TheTestServerNamesItsDatabase) {
  TestApp t;
  const std::string kind = lt::test::database_kind();
  std::cout << "[ database ] API tests run on " << kind << "\n";
  RecordProperty("database", kind);
  EXPECT_EQ(t.database_url().rfind(kind == "postgres" ? "postgresql://" : "sqlite:", 0), 0u);
  EXPECT_EQ(t.client()->get("/readyz").json()["status"], "ready");
}

TEST(Security, ASignedOutSessionCannotBeReplayed) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  const auto token = c->cookie("lt_session");
  ASSERT_TRUE(token && !token->empty());
  auto again = t.sign_in("jo.bloggs", "Secret12");
  EXPECT_NE(again->cookie("lt_session"), token) << "every sign-in gets a new session id";

  auto out = c->del("/api/v1/session");
  ASSERT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);
  auto replayed = bare_client(t, *token)->get("/api/v1/me");
  EXPECT_EQ(replayed.status, 401) << "the session ended on the server, not just in the browser";
  EXPECT_EQ(again->get("/api/v1/me").status, 200) << "signing out ends only that session";
  EXPECT_EQ(bare_client(t, "forged-token")->get("/api/v1/me").status, 401);
}

TEST(Security, SessionsExpireWhenIdleAndAfterTwelveHours) {
  lt::domain::ManualClock clock(std::chrono::system_clock::now());
  TestApp t({.clock = &clock});
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto idle = t.sign_in("jo.bloggs", "Secret12");
  auto busy = t.sign_in("jo.bloggs", "Secret12");
  clock.advance(std::chrono::minutes(100));
  EXPECT_EQ(idle->get("/api/v1/me").status, 200);
  EXPECT_EQ(busy->get("/api/v1/me").status, 200);
  clock.advance(std::chrono::minutes(121));
  EXPECT_EQ(idle->get("/api/v1/me").status, 401) << "idle for more than two hours";
  // Used every 100 minutes, a session still ends 12 hours after sign-in.
  auto active = t.sign_in("jo.bloggs", "Secret12");
  for (int i = 0; i < 7; ++i) {
    clock.advance(std::chrono::minutes(100));
    ASSERT_EQ(active->get("/api/v1/me").status, 200) << "after " << (i + 1) * 100 << " minutes";
  }
  clock.advance(std::chrono::minutes(30));
  EXPECT_EQ(active->get("/api/v1/me").status, 401) << "730 minutes after sign-in";
}

TEST(Security, EveryOtherRouteWaitsForTheForcedPasswordChange) {
  TestApp t;
  auto admin = t.admin();
  auto created = admin->post("/api/v1/users", json{{"username", "new.starter"},
                                                   {"first_name", "New"},
                                                   {"last_name", "Starter"},
                                                   {"password", "Given123"},
                                                   {"roles", {{{"role", "administrator"}}}}}
                                                  .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto c = t.sign_in("new.starter", "Given123");
  const std::set<std::string> allowed = {"GET /api/v1/me", "PUT /api/v1/me/password"};
  const std::set<std::string> open = {"/healthz",
                                      "/readyz",
                                      "/metrics",
                                      "/api/v1/openapi.json",
                                      "/api/v1/session",
                                      "/api/v1/password-resets",
                                      "/api/v1/password-resets/{token}",
                                      "/api/v1/verifications/{token}"};
  const auto audited = admin->get("/api/v1/audit").json()["total"];
  int checked = 0;
  for (const auto& route : t.app().router().routes()) {
    const std::string name = route.method + " " + route.pattern;
    if (open.contains(route.pattern) || allowed.contains(name)) continue;
    std::string url = route.pattern;
    if (const auto at = url.find("{id}"); at != std::string::npos) url.replace(at, 4, "1");
    auto r = c->request(route.method, url, route.method == "GET" ? "" : "{}", {});
    EXPECT_EQ(r.status, 403) << name;
    EXPECT_EQ(r.json().value("code", ""), "password_change_required") << name;
    ++checked;
  }
  EXPECT_GE(checked, 20);
  EXPECT_EQ(admin->get("/api/v1/audit").json()["total"], audited)
      << "nothing was changed by the refused calls";
  EXPECT_EQ(c->del("/api/v1/session").status, 204) << "signing out is always possible";
}

TEST(Security, CookieMutationsNeedTheServersOrigin) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  const auto token = *c->cookie("lt_session");
  const int version = c->get("/api/v1/me").json()["user"]["version"];
  const auto patch = json{{"first_name", "Forged"}, {"version", version}}.dump();

  auto no_origin = bare_client(t, token)->patch("/api/v1/me", patch);
  EXPECT_EQ(no_origin.status, 403);
  EXPECT_EQ(no_origin.json()["code"], "csrf_rejected");
  auto cross_site = c->patch("/api/v1/me", patch, {{"Origin", "http://127.0.0.1:1"}});
  EXPECT_EQ(cross_site.json()["code"], "csrf_rejected") << "another port is another origin";
  auto sign_out = c->del("/api/v1/session", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(sign_out.status, 403) << "a forged sign-out is refused too";
  auto login = t.client()->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump(),
                                {{"Origin", "https://evil.example"}});
  EXPECT_EQ(login.status, 403) << "no sign-in from another site";
  EXPECT_EQ(login.json()["code"], "csrf_rejected");

  auto read = c->get("/api/v1/me", {{"Origin", "https://evil.example"}});
  ASSERT_EQ(read.status, 200) << "reads are not mutations";
  EXPECT_EQ(read.json()["user"]["first_name"], "Test") << "no forged change went through";
  EXPECT_EQ(c->patch("/api/v1/me", patch).status, 200) << "with our Origin it works";
}

TEST(Security, UnknownUsersNeverLockAndASuccessResetsTheCount) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.client();
  for (int i = 0; i < 6; ++i) {
    auto r = c->post("/api/v1/session", credentials("ghost.user", "Wrong123").dump());
    EXPECT_EQ(r.json()["code"], "invalid_credentials") << "attempt " << i + 1;
  }
  for (int i = 0; i < 4; ++i)
    c->post("/api/v1/session", credentials("jo.bloggs", "Wrong123").dump());
  ASSERT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).status, 200);
  for (int i = 0; i < 4; ++i) {
    auto r = c->post("/api/v1/session", credentials("jo.bloggs", "Wrong123").dump());
    EXPECT_EQ(r.json()["code"], "invalid_credentials") << "the count started again at sign-in";
  }
  auto fifth = c->post("/api/v1/session", credentials("jo.bloggs", "Wrong123").dump());
  EXPECT_EQ(fifth.json()["code"], "account_locked");
}

TEST(Security, UnlockStartsTheCountAgainAndIsDeniedOutsideTheCallersReach) {
  TestApp t;
  const auto mine = t.create_provider("Mine College", "10000001");
  const auto theirs = t.create_provider("Their College", "10000002");
  const auto stranger =
      t.create_user("stranger", "Secret12",
                    {{{"role", "tutor"}, {"scope_type", "provider"}, {"scope_id", theirs}}});
  t.create_user("um.mine", "Secret12",
                {{{"role", "user_manager"}, {"scope_type", "provider"}, {"scope_id", mine}}});
  t.create_user("read.only", "Secret12", {kViewer});
  auto c = t.client();
  for (int i = 0; i < 5; ++i)
    c->post("/api/v1/session", credentials("stranger", "Wrong123").dump());

  auto um = t.sign_in("um.mine", "Secret12");
  EXPECT_EQ(um->post(user_path(stranger, "/unlock"), "").status, 404) << "another provider's user";
  EXPECT_EQ(um->patch(user_path(stranger), json{{"last_name", "X"}, {"version", 1}}.dump()).status,
            404);
  EXPECT_EQ(t.sign_in("read.only", "Secret12")->post(user_path(stranger, "/unlock"), "").status,
            403);
  auto admin = t.admin();
  EXPECT_EQ(admin->post(user_path(999999, "/unlock"), "").status, 404);
  EXPECT_EQ(admin->get(user_path(stranger)).json()["locked"], true) << "still locked";

  ASSERT_EQ(admin->post(user_path(stranger, "/unlock"), "").status, 200);
  auto one_wrong = c->post("/api/v1/session", credentials("stranger", "Wrong123").dump());
  EXPECT_EQ(one_wrong.json()["code"], "invalid_credentials") << "unlocking reset the count";
  EXPECT_EQ(c->post("/api/v1/session", credentials("stranger", "Secret12").dump()).status, 200);
}

TEST(Security, APasswordResetEndsTheUsersSessionsAndANewLinkRetiresTheOldOne) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer}, "jo@example.org");
  auto signed_in = t.sign_in("jo.bloggs", "Secret12");
  auto c = t.client();
  ASSERT_EQ(
      c->post("/api/v1/password-resets", json{{"username_or_email", "jo.bloggs"}}.dump()).status,
      202);
  const auto first = lt::test::token_from(t.outbox()[0]["body"], "/reset-password/");
  ASSERT_EQ(c->post("/api/v1/password-resets", json{{"username_or_email", "JO@example.org"}}.dump())
                .status,
            202);
  const auto second = lt::test::token_from(t.outbox()[0]["body"], "/reset-password/");
  ASSERT_FALSE(first.empty());
  ASSERT_NE(first, second) << "the email address finds the account too";
  EXPECT_EQ(c->get("/api/v1/password-resets/" + first).status, 410) << "the newer link replaces it";

  auto missing = c->post("/api/v1/password-resets/" + second, "{}");
  ASSERT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["errors"][0]["field"], "password");
  ASSERT_EQ(
      c->post("/api/v1/password-resets/" + second, json{{"password", "Renewed12"}}.dump()).status,
      204);
  EXPECT_EQ(signed_in->get("/api/v1/me").status, 401) << "sessions end with the old password";
}

TEST(Security, UsernamesAreSixTo256AllowedCharacters) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  for (const std::string& bad :
       {std::string("five5"), std::string(257, 'a'), std::string("jo bloggs"),
        std::string("jo!bloggs"), std::string("jo/bloggs")}) {
    auto r = c->put("/api/v1/me/username", json{{"username", bad}}.dump());
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_EQ(r.json()["errors"][0]["field"], "username") << bad;
  }
  auto missing = c->put("/api/v1/me/username", "{}");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(c->get("/api/v1/me").json()["user"]["username"], "jo.bloggs") << "nothing changed";

  const std::string longest = std::string(250, 'b') + "@x.y-_";
  ASSERT_EQ(longest.size(), 256u);
  auto ok = c->put("/api/v1/me/username", json{{"username", longest}}.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto again = t.sign_in(longest, "Secret12");
  EXPECT_EQ(again->get("/api/v1/me").json()["user"]["username"], longest);
  auto shortest = again->put("/api/v1/me/username", json{{"username", "a.b-_6"}}.dump());
  EXPECT_EQ(shortest.status, 200) << shortest.body;
}

TEST(Security, TheStandardPasswordPolicyBoundaries) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto c = t.sign_in("jo.bloggs", "Secret12");
  auto change = [&](const std::string& current, const std::string& next) {
    return c->put("/api/v1/me/password",
                  json{{"current_password", current}, {"new_password", next}}.dump());
  };
  for (const std::string weak :
       {"abc12", "abcdefghijklmnopqrs12", "abcdefgh", "12345678", "!!!!!!!"}) {
    auto r = change("Secret12", weak);
    EXPECT_EQ(r.status, 422) << weak;
    EXPECT_EQ(r.json()["errors"][0]["code"], "weak_password") << weak;
  }
  auto six = change("Secret12", "abcde1");
  EXPECT_EQ(six.status, 200) << six.body;
  auto twenty_with_symbol = change("abcde1", "abcdefghijklmnopqrs!");
  EXPECT_EQ(twenty_with_symbol.status, 200) << twenty_with_symbol.body;
  auto same = change("abcdefghijklmnopqrs!", "abcdefghijklmnopqrs!");
  EXPECT_EQ(same.status, 422);
  auto missing = c->put("/api/v1/me/password", json{{"current_password", "x"}}.dump());
  EXPECT_EQ(missing.status, 422);
}

TEST(Security, SettingsAreVersionedAndBelongToOneTenant) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto admin = t.admin();
  const int version = admin->get("/api/v1/settings").json()["version"];
  ASSERT_EQ(admin
                ->patch("/api/v1/settings",
                        json{{"password_policy", "strong"}, {"version", version}}.dump())
                .status,
            200);
  auto stale = admin->patch("/api/v1/settings",
                            json{{"password_policy", "standard"}, {"version", version}}.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["code"], "version_conflict");
  EXPECT_EQ(admin->get("/api/v1/settings").json()["password_policy"], "strong");
  auto missing = admin->patch("/api/v1/settings", json{{"password_policy", "strong"}}.dump());
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["errors"][0]["field"], "version");

  auto theirs = t.sign_in("their.admin", "Secret12", "other-college");
  EXPECT_EQ(theirs->get("/api/v1/settings").json()["password_policy"], "standard")
      << "another tenant's policy is its own";
  EXPECT_EQ(theirs->get("/api/v1/me").json()["password_policy"]["preset"], "standard");
}

TEST(Security, AnotherTenantsRecordsCannotBeChanged) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  const auto their_user = t.create_user("their.user", "Secret12", {kViewer}, std::nullopt, other);
  const auto their_provider = t.create_provider("Theirs", "10012345", other);
  auto admin = t.admin();
  EXPECT_EQ(admin->post(user_path(their_user, "/unlock"), "").status, 404);
  EXPECT_EQ(admin->post(user_path(their_user, "/enable"), "").status, 404);
  EXPECT_EQ(admin->patch(user_path(their_user), json{{"last_name", "Mine"}, {"version", 1}}.dump())
                .status,
            404);
  EXPECT_EQ(admin
                ->patch("/api/v1/providers/" + std::to_string(their_provider),
                        json{{"name", "Mine now"}, {"version", 1}}.dump())
                .status,
            404);
  auto theirs = t.sign_in("their.user", "Secret12", "other-college");
  EXPECT_EQ(theirs->get("/api/v1/me").json()["user"]["last_name"], "their.user");
}

TEST(Security, RequestBodiesMustBeJsonObjects) {
  TestApp t;
  auto c = t.client();
  auto form = c->post("/api/v1/session", "username=a&password=b",
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(form.header("content-type"), "application/problem+json");
  auto array = c->post("/api/v1/session", "[1,2]");
  EXPECT_EQ(array.status, 400);
  t.create_user("jo.bloggs", "Secret12", {kViewer});
  auto signed_in = t.sign_in("jo.bloggs", "Secret12");
  EXPECT_EQ(signed_in->patch("/api/v1/me", "{\"first_name\": ").status, 400);
  EXPECT_EQ(signed_in->patch("/api/v1/me", "first_name=x", {{"Content-Type", "text/plain"}}).status,
            415);
  auto wrong_type = signed_in->patch("/api/v1/me", json{{"first_name", 42}, {"version", 1}}.dump());
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(wrong_type.json()["errors"][0]["field"], "first_name");
}

TEST(Security, AProviderScopedManagerCannotTakeAwayRolesAtAnotherProvider) {
  TestApp t;
  const auto mine = t.create_provider("Mine College", "10000001");
  const auto theirs = t.create_provider("Their College", "10000002");
  auto at = [](const std::string& role, long long provider) {
    return json{{"role", role}, {"scope_type", "provider"}, {"scope_id", provider}};
  };
  t.create_user("um.mine", "Secret12", {at("user_manager", mine)});
  const auto both =
      t.create_user("tutor.both", "Secret12", {at("tutor", mine), at("tutor", theirs)});
  auto um = t.sign_in("um.mine", "Secret12");
  auto seen = um->get(user_path(both));
  ASSERT_EQ(seen.status, 200) << "a colleague at my provider";
  const int version = seen.json()["version"];

  auto strip =
      um->patch(user_path(both), json{{"roles", {at("tutor", mine)}}, {"version", version}}.dump());
  EXPECT_EQ(strip.status, 422) << strip.body;
  EXPECT_EQ(strip.json()["errors"][0]["code"], "cannot_grant") << strip.body;
  auto grant_theirs =
      um->patch(user_path(both),
                json{{"roles", {at("tutor", mine), at("tutor", theirs), at("viewer", theirs)}},
                     {"version", version}}
                    .dump());
  ASSERT_EQ(grant_theirs.status, 422);
  EXPECT_EQ(grant_theirs.json()["errors"][0]["field"], "roles[2].role");
  auto admin = t.admin();
  EXPECT_EQ(admin->get(user_path(both)).json()["roles"].size(), 2u)
      << "the role at the other provider is not theirs to remove";

  auto add_mine = um->patch(
      user_path(both), json{{"roles", {at("tutor", mine), at("tutor", theirs), at("viewer", mine)}},
                            {"version", version}}
                           .dump());
  EXPECT_EQ(add_mine.status, 200) << "changing roles at my provider, keeping theirs, is fine: "
                                  << add_mine.body;
}

TEST(Security, VerificationLinksLastAWeek) {
  lt::domain::ManualClock clock(std::chrono::system_clock::now());
  TestApp t({.clock = &clock});
  t.create_user("week.one", "Secret12", {kViewer}, "week.one@example.org");
  t.create_user("week.two", "Secret12", {kViewer}, "week.two@example.org");
  auto mail = t.outbox();  // newest first
  ASSERT_EQ(mail.size(), 2u);
  const auto second = lt::test::token_from(mail[0]["body"], "/verify/");
  const auto first = lt::test::token_from(mail[1]["body"], "/verify/");
  auto c = t.client();
  clock.advance(std::chrono::hours(24 * 7 - 1));
  EXPECT_EQ(c->get("/api/v1/verifications/" + first).status, 200) << "still valid on day 7";
  clock.advance(std::chrono::hours(2));
  auto late = c->post("/api/v1/verifications/" + second, json{{"password", "Chosen123"}}.dump());
  EXPECT_EQ(late.status, 410);
  EXPECT_EQ(late.json()["code"], "token_invalid");
  EXPECT_EQ(c->get("/api/v1/verifications/" + first).status, 410);
}
