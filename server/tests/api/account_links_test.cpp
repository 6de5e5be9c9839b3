// Forgotten passwords and account verification through a real SMTP server: the emailed link is
// single-use, expires, and completing it sets the password (and unlocks).
#include <gtest/gtest.h>

#include "support/app/smtp_sink.hpp"
#include "support/app/test_app.hpp"

using lt::test::SmtpSink;
using lt::test::TestApp;
using nlohmann::json;

namespace {
json credentials(const std::string& username, const std::string& password) {
  return {{"username", username}, {"password", password}};
}
}  // namespace

TEST(PasswordReset, TheEmailedLinkSetsANewPasswordOnceAndUnlocks) {
  SmtpSink smtp;
  TestApp t({.smtp_url = smtp.url()});
  t.create_user("jo.bloggs", "Secret12", {{{"role", "viewer"}}}, "jo@example.org");
  auto c = t.client();
  for (int i = 0; i < 5; ++i)
    c->post("/api/v1/session", credentials("jo.bloggs", "wrong123").dump());
  ASSERT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).json()["code"],
            "account_locked");

  auto asked =
      c->post("/api/v1/password-resets", json{{"username_or_email", "jo@example.org"}}.dump());
  ASSERT_EQ(asked.status, 202);
  // The first mail is the verification sent when the account was created with an email.
  auto mail = smtp.wait_for(2);
  ASSERT_EQ(mail.size(), 2u) << "delivered over SMTP";
  EXPECT_EQ(mail[1].to, "jo@example.org");
  EXPECT_EQ(mail[1].subject, "Reset your Learnertrack password");
  const auto token = lt::test::token_from(mail[1].body, "/reset-password/");
  ASSERT_EQ(token.size(), 43u) << mail[1].body;
  EXPECT_NE(mail[1].body.find(t.origin() + "/reset-password/"), std::string::npos);

  EXPECT_EQ(c->get("/api/v1/password-resets/" + token).status, 200);
  auto weak = c->post("/api/v1/password-resets/" + token, json{{"password", "short"}}.dump());
  ASSERT_EQ(weak.status, 422);
  EXPECT_EQ(weak.json()["errors"][0]["code"], "weak_password");
  ASSERT_EQ(
      c->post("/api/v1/password-resets/" + token, json{{"password", "Renewed12"}}.dump()).status,
      204);
  auto again = c->post("/api/v1/password-resets/" + token, json{{"password", "Another12"}}.dump());
  EXPECT_EQ(again.status, 410);
  EXPECT_EQ(again.json()["code"], "token_invalid");

  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Secret12").dump()).status, 401);
  EXPECT_EQ(c->post("/api/v1/session", credentials("jo.bloggs", "Renewed12").dump()).status, 200)
      << "new password works and the lock is gone";
  for (const auto& m : t.outbox()) EXPECT_EQ(m["status"], "sent");
}

TEST(PasswordReset, TheAnswerNeverRevealsWhetherTheAccountExists) {
  TestApp t;
  t.create_user("jo.bloggs", "Secret12", {}, "jo@example.org");
  auto c = t.client();
  auto known = c->post("/api/v1/password-resets", json{{"username_or_email", "jo.bloggs"}}.dump());
  auto unknown =
      c->post("/api/v1/password-resets", json{{"username_or_email", "ghost.user"}}.dump());
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(known.body, unknown.body);
  // Without SMTP the mail waits in the outbox, and only for the real account (newest first, after
  // the verification mail of its creation).
  auto outbox = t.outbox();
  ASSERT_EQ(outbox.size(), 2u);
  EXPECT_EQ(outbox[0]["subject"], "Reset your Learnertrack password");
  EXPECT_EQ(outbox[0]["status"], "pending");
  EXPECT_EQ(outbox[0]["to"], "jo@example.org");
}

TEST(PasswordReset, LinksExpireAfterAnHour) {
  lt::domain::ManualClock clock(std::chrono::system_clock::now());
  TestApp t({.clock = &clock});
  t.create_user("jo.bloggs", "Secret12", {}, "jo@example.org");
  auto c = t.client();
  c->post("/api/v1/password-resets", json{{"username_or_email", "jo.bloggs"}}.dump());
  const auto token = lt::test::token_from(t.outbox()[0]["body"], "/reset-password/");
  clock.advance(std::chrono::minutes(61));
  auto late = c->post("/api/v1/password-resets/" + token, json{{"password", "Renewed12"}}.dump());
  EXPECT_EQ(late.status, 410);
  EXPECT_EQ(late.json()["code"], "token_invalid");
  EXPECT_EQ(c->get("/api/v1/password-resets/" + token).status, 410);
  EXPECT_EQ(c->get("/api/v1/password-resets/not-a-real-token").status, 410);
}

TEST(Verification, AUserCreatedWithAnEmailChoosesTheirPasswordFromTheLink) {
  SmtpSink smtp;
  TestApp t({.smtp_url = smtp.url()});
  auto admin = t.admin();
  auto created = admin->post("/api/v1/users", json{{"username", "new.manager"},
                                                   {"email", "manager@example.org"},
                                                   {"first_name", "Nia"},
                                                   {"last_name", "Manager"},
                                                   {"roles", {{{"role", "viewer"}}}}}
                                                  .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["email_verified"], false);
  auto mail = smtp.wait_for(1);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].subject, "Verify your Learnertrack account");
  EXPECT_NE(mail[0].body.find("new.manager"), std::string::npos) << "the mail names the username";
  const auto token = lt::test::token_from(mail[0].body, "/verify/");

  auto c = t.client();
  EXPECT_EQ(c->post("/api/v1/session", credentials("new.manager", "Chosen123").dump()).status, 401)
      << "no password yet";
  auto check = c->get("/api/v1/verifications/" + token);
  ASSERT_EQ(check.status, 200);
  EXPECT_EQ(check.json()["username"], "new.manager");
  EXPECT_EQ(check.json()["password_policy"]["min_length"], 6);
  ASSERT_EQ(
      c->post("/api/v1/verifications/" + token, json{{"password", "Chosen123"}}.dump()).status,
      204);
  EXPECT_EQ(
      c->post("/api/v1/verifications/" + token, json{{"password", "Chosen456"}}.dump()).status,
      410);
  auto signed_in = c->post("/api/v1/session", credentials("new.manager", "Chosen123").dump());
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_EQ(signed_in.json()["user"]["email_verified"], true);
  EXPECT_EQ(signed_in.json()["must_change_password"], false);
}

TEST(Verification, AUserWithoutEmailOrPasswordCannotBeCreated) {
  TestApp t;
  auto r = t.admin()->post(
      "/api/v1/users",
      json{{"username", "no.contact"}, {"first_name", "No"}, {"last_name", "Contact"}}.dump());
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(r.json()["errors"][0]["field"], "email");
}

TEST(Outbox, FailedDeliveryIsRetriedWithTheErrorRecorded) {
  // Nothing listens on this port: delivery fails and the message waits for its next attempt.
  TestApp t({.smtp_url = "smtp://127.0.0.1:9"});
  t.create_user("jo.bloggs", "Secret12", {}, "jo@example.org");
  t.client()->post("/api/v1/password-resets", json{{"username_or_email", "jo.bloggs"}}.dump());
  json message;
  for (int i = 0; i < 100; ++i) {
    message = t.outbox()[0];
    if (message["attempts"] > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(message["status"], "pending");
  EXPECT_EQ(message["attempts"], 1);
  EXPECT_FALSE(message["last_error"].get<std::string>().empty());
  EXPECT_GT(message["next_attempt_at"].get<std::string>(),
            message["created_at"].get<std::string>());
}
