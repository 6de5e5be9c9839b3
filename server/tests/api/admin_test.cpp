// The audit trail (field-level, no secrets, hash-chained and verifiable), the outbox and the
// settings, each for administrators only.
#include <gtest/gtest.h>

#include "services/audit.hpp"
#include "store/database.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

TEST(Audit, EveryChangeIsRecordedWithFieldsActorAndRequestId) {
  TestApp t;
  auto admin = t.admin();
  auto created =
      admin->post("/api/v1/providers", json{{"name", "Ucas School"}, {"ukprn", "10012345"}}.dump(),
                  {{"X-Request-Id", "trace-provider-1"}});
  ASSERT_EQ(created.status, 201);
  const long long id = created.json()["id"];
  admin->patch("/api/v1/providers/" + std::to_string(id),
               json{{"name", "UCAS School"}, {"version", 1}}.dump());

  auto events = admin->get("/api/v1/audit?entity_type=provider&entity_id=" + std::to_string(id));
  ASSERT_EQ(events.status, 200);
  const json items = events.json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["action"], "provider.updated");
  EXPECT_EQ(items[0]["changes"]["name"]["before"], "Ucas School");
  EXPECT_EQ(items[0]["changes"]["name"]["after"], "UCAS School");
  EXPECT_FALSE(items[0]["changes"].contains("ukprn")) << "unchanged fields are not recorded";
  EXPECT_EQ(items[1]["action"], "provider.created");
  EXPECT_EQ(items[1]["request_id"], "trace-provider-1");
  EXPECT_EQ(items[1]["actor_username"], "test.admin");

  const long long actor = admin->get("/api/v1/me").json()["user"]["id"];
  auto by_actor = admin->get("/api/v1/audit?actor_id=" + std::to_string(actor));
  EXPECT_GE(by_actor.json()["total"], 3) << "sign-in, create, update";
  auto page = admin->get("/api/v1/audit?limit=1");
  ASSERT_TRUE(page.json()["next_cursor"].is_string());
  auto next =
      admin->get("/api/v1/audit?limit=1&cursor=" + page.json()["next_cursor"].get<std::string>());
  EXPECT_LT(next.json()["items"][0]["id"], page.json()["items"][0]["id"]);
}

TEST(Audit, NeverContainsPasswordHashesOrTokens) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {{{"role", "viewer"}}}, "jo@example.org");
  auto jo = t.sign_in("jo.bloggs", "Secret12");
  jo->put("/api/v1/me/password",
          json{{"current_password", "Secret12"}, {"new_password", "Better123"}}.dump());
  t.client()->post("/api/v1/password-resets", json{{"username_or_email", "jo.bloggs"}}.dump());
  const auto token = lt::test::token_from(t.outbox()[0]["body"], "/reset-password/");
  ASSERT_FALSE(token.empty());
  auto all = t.admin()->get("/api/v1/audit?limit=500");
  const auto text = all.body;
  EXPECT_EQ(text.find("argon2"), std::string::npos);
  EXPECT_EQ(text.find("password_hash"), std::string::npos);
  EXPECT_EQ(text.find(token), std::string::npos);
  EXPECT_EQ(text.find("Better123"), std::string::npos);
  EXPECT_NE(text.find("user.password_changed"), std::string::npos);
  EXPECT_NE(text.find("user.password_reset_requested"), std::string::npos);
}

TEST(Audit, VerifyFindsTheFirstTamperedEvent) {
  TestApp t;
  auto admin = t.admin();
  admin->post("/api/v1/providers", json{{"name", "One"}, {"ukprn", "10000001"}}.dump());
  admin->post("/api/v1/providers", json{{"name", "Two"}, {"ukprn", "10000002"}}.dump());
  auto clean = t.app().audit().verify_chain();
  ASSERT_TRUE(clean.ok);
  EXPECT_GE(clean.events_checked, 4);

  const long long target =
      admin->get("/api/v1/audit?entity_type=provider").json()["items"][1]["id"];
  t.app().db().write([&](soci::session& sql) {
    sql << "UPDATE audit_events SET changes = '{\"name\":{\"before\":null,\"after\":\"Forged\"}}' "
           "WHERE id = :id",
        soci::use(target);
  });
  auto broken = t.app().audit().verify_chain();
  ASSERT_FALSE(broken.ok);
  EXPECT_EQ(broken.first_broken->id, target);
  EXPECT_NE(broken.problem.find("edited"), std::string::npos);
}

TEST(Audit, VerifyNoticesARemovedEvent) {
  TestApp t;
  auto admin = t.admin();
  admin->post("/api/v1/providers", json{{"name", "One"}, {"ukprn", "10000001"}}.dump());
  admin->post("/api/v1/providers", json{{"name", "Two"}, {"ukprn", "10000002"}}.dump());
  const json items = admin->get("/api/v1/audit?entity_type=provider").json()["items"];
  const long long removed = items[1]["id"], following = items[0]["id"];
  t.app().db().write([&](soci::session& sql) {
    sql << "DELETE FROM audit_events WHERE id = :id", soci::use(removed);
  });
  auto broken = t.app().audit().verify_chain();
  ASSERT_FALSE(broken.ok);
  EXPECT_GT(broken.first_broken->id, removed);
  EXPECT_LE(broken.first_broken->id, following);
}

TEST(Administration, AuditOutboxAndSettingsAreForAdministratorsOnly) {
  TestApp t;
  t.create_user("read.only", "Secret12", {{{"role", "viewer"}}});
  t.create_user("user.manager", "Secret12", {{{"role", "user_manager"}}});
  for (const std::string who : {"read.only", "user.manager"}) {
    auto c = t.sign_in(who, "Secret12");
    EXPECT_EQ(c->get("/api/v1/audit").status, 403) << who;
    EXPECT_EQ(c->get("/api/v1/outbox").status, 403) << who;
    EXPECT_EQ(c->get("/api/v1/settings").status, 403) << who;
    EXPECT_EQ(
        c->patch("/api/v1/settings", json{{"password_policy", "strong"}, {"version", 1}}.dump())
            .status,
        403)
        << who;
  }
  auto anonymous = t.client();
  for (const std::string url : {"/api/v1/audit", "/api/v1/outbox", "/api/v1/settings"})
    EXPECT_EQ(anonymous->get(url).status, 401) << url;

  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto theirs = t.sign_in("their.admin", "Secret12", "other-college");
  t.admin()->post("/api/v1/providers", json{{"name", "Ours"}, {"ukprn", "10000001"}}.dump());
  const auto their_audit = theirs->get("/api/v1/audit?entity_type=provider");
  EXPECT_EQ(their_audit.json()["total"], 0) << "another tenant's events are not shown";
}

TEST(Administration, OutboxListsMailWithStatusFilter) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {}, "jo@example.org");
  auto admin = t.admin();
  auto all = admin->get("/api/v1/outbox");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(all.json()["total"], 1);
  EXPECT_EQ(all.json()["items"][0]["subject"], "Verify your Learnertrack account");
  EXPECT_EQ(admin->get("/api/v1/outbox?status=pending").json()["total"], 1);
  EXPECT_EQ(admin->get("/api/v1/outbox?status=sent").json()["total"], 0);
  EXPECT_EQ(admin->get("/api/v1/outbox?status=lost").status, 422);
}
