// Every account change writes an audit event — who, when, what, field-level before and after, the
// request id — and none of them holds a password hash, a password or an emailed token; the chain
// stays verifiable after all of them.
#include <gtest/gtest.h>

#include <map>

#include "services/audit.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
json credentials(const std::string& username, const std::string& password) {
  return {{"username", username}, {"password", password}};
}
}  // namespace

TEST(AuditTrail, EveryAccountChangeIsRecordedWithoutSecrets) {
  TestApp t;
  auto admin = t.admin();
  auto created = admin->post("/api/v1/users",
                             json{{"username", "new.person"},
                                  {"email", "new.person@example.org"},
                                  {"first_name", "New"},
                                  {"last_name", "Person"},
                                  {"password", "Given123"},
                                  {"roles", {{{"role", "viewer"}}}}}
                                 .dump(),
                             {{"X-Request-Id", "req-create"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"];
  const std::string url = "/api/v1/users/" + std::to_string(id);
  ASSERT_EQ(admin->patch(url, json{{"last_name", "Personne"}, {"version", 1}}.dump()).status, 200);
  ASSERT_EQ(admin->post(url + "/disable", "").status, 200);
  ASSERT_EQ(admin->post(url + "/enable", "").status, 200);

  auto person = t.sign_in("new.person", "Given123");
  ASSERT_EQ(person
                ->put("/api/v1/me/password",
                      json{{"current_password", "Given123"}, {"new_password", "Chosen123"}}.dump())
                .status,
            200);
  const int version = person->get("/api/v1/me").json()["user"]["version"];
  ASSERT_EQ(
      person->patch("/api/v1/me", json{{"telephone", "01632 960001"}, {"version", version}}.dump())
          .status,
      200);
  ASSERT_EQ(person->put("/api/v1/me/username", json{{"username", "renamed.person"}}.dump()).status,
            200);

  auto c = t.client();
  for (int i = 0; i < 5; ++i)
    c->post("/api/v1/session", credentials("renamed.person", "Wrong123").dump());
  ASSERT_EQ(admin->post(url + "/unlock", "").status, 200);
  ASSERT_EQ(c->post("/api/v1/password-resets", json{{"username_or_email", "renamed.person"}}.dump())
                .status,
            202);
  const auto token = lt::test::token_from(t.outbox()[0]["body"], "/reset-password/");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(
      c->post("/api/v1/password-resets/" + token, json{{"password", "Renewed123"}}.dump()).status,
      204);
  const int settings_version = admin->get("/api/v1/settings").json()["version"];
  ASSERT_EQ(admin
                ->patch("/api/v1/settings",
                        json{{"password_policy", "strong"}, {"version", settings_version}}.dump())
                .status,
            200);

  auto listed =
      admin->get("/api/v1/audit?entity_type=user&entity_id=" + std::to_string(id) + "&limit=500");
  ASSERT_EQ(listed.status, 200);
  std::map<std::string, json> first_of;  // action → its oldest event
  const json items = listed.json()["items"];
  for (const auto& e : items) first_of[e["action"].get<std::string>()] = e;  // newest first
  for (const std::string action :
       {"user.created", "user.updated", "user.disabled", "user.enabled", "session.signed_in",
        "user.password_changed", "user.username_changed", "session.sign_in_failed", "user.locked",
        "user.unlocked", "user.password_reset_requested", "user.password_reset"})
    EXPECT_TRUE(first_of.contains(action)) << action << " missing from " << listed.body;

  const json& creation = first_of["user.created"];
  EXPECT_EQ(creation["actor_username"], "test.admin");
  EXPECT_EQ(creation["request_id"], "req-create");
  EXPECT_EQ(creation["changes"]["username"]["before"], nullptr);
  EXPECT_EQ(creation["changes"]["username"]["after"], "new.person");
  EXPECT_FALSE(creation["changes"].contains("password"));
  EXPECT_EQ(first_of["user.updated"]["changes"]["last_name"]["after"], "Personne")
      << "the administrator's edit is the oldest update";
  EXPECT_EQ(first_of["user.disabled"]["changes"]["status"]["after"], "disabled");
  const json& rename = first_of["user.username_changed"];
  EXPECT_EQ(rename["changes"]["username"]["before"], "new.person");
  EXPECT_EQ(rename["changes"]["username"]["after"], "renamed.person");
  EXPECT_EQ(rename["actor_id"], id) << "the user changed it themselves";
  EXPECT_EQ(first_of["user.locked"]["changes"]["locked"]["after"], true);
  EXPECT_EQ(first_of["user.unlocked"]["changes"]["locked"]["after"], false);
  for (const auto& e : items) {
    EXPECT_FALSE(e["at"].get<std::string>().empty());
    EXPECT_EQ(e["at"].get<std::string>().back(), 'Z');
    EXPECT_FALSE(e["request_id"].get<std::string>().empty()) << e.dump();
  }

  auto tenant_events = admin->get("/api/v1/audit?entity_type=tenant").json()["items"];
  ASSERT_FALSE(tenant_events.empty());
  const json& settings = tenant_events[0];
  EXPECT_EQ(settings["action"], "tenant.settings_updated");
  EXPECT_EQ(settings["actor_username"], "test.admin");
  EXPECT_EQ(settings["changes"]["password_policy"]["before"], "standard");
  EXPECT_EQ(settings["changes"]["password_policy"]["after"], "strong");

  const std::string everything = admin->get("/api/v1/audit?limit=500").body;
  for (const std::string& secret :
       {std::string("password_hash"), std::string("$argon2"), token, std::string("Given123"),
        std::string("Chosen123"), std::string("Renewed123"), std::string("Wrong123")})
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  const auto chain = t.app().audit().verify_chain();
  EXPECT_TRUE(chain.ok) << chain.problem;
  EXPECT_GE(chain.events_checked, static_cast<long long>(items.size()));
}

TEST(AuditTrail, FailedChangesWriteNothing) {
  TestApp t;
  auto admin = t.admin();
  const auto before = admin->get("/api/v1/audit").json()["total"].get<long long>();
  EXPECT_EQ(admin->post("/api/v1/providers", json{{"name", "X"}, {"ukprn", "2"}}.dump()).status,
            422);
  EXPECT_EQ(
      admin->patch("/api/v1/providers/999", json{{"name", "X"}, {"version", 1}}.dump()).status,
      404);
  EXPECT_EQ(admin->patch("/api/v1/me", json{{"email", "nope"}, {"version", 1}}.dump()).status, 422);
  EXPECT_EQ(admin->get("/api/v1/audit").json()["total"], before);
}
