// Request body reading and the error → problem mapping of the API layer; email formatting.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "api/json_body.hpp"
#include "mail/smtp.hpp"

using lt::domain::Error;
using lt::domain::ErrorKind;

namespace {
lt::http::Request json_request(std::string body, std::string type = "application/json") {
  lt::http::Request r;
  r.method = "POST";
  r.body = std::move(body);
  r.headers.push_back({"content-type", std::move(type)});
  return r;
}
}  // namespace

TEST(JsonBody, ReadsFieldsAndCollectsTypeErrors) {
  auto body = lt::api::JsonBody::parse(json_request(R"({"name":"Jo","version":"3","age":7})"));
  ASSERT_TRUE(body);
  EXPECT_EQ(body->string("name"), "Jo");
  EXPECT_FALSE(body->integer("version").has_value());
  EXPECT_EQ(body->integer("age"), 7);
  EXPECT_FALSE(body->string("missing").has_value());
  auto finished = body->finish();
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().kind, ErrorKind::validation);
  EXPECT_EQ(finished.error().fields.at(0).field, "version");
  EXPECT_EQ(finished.error().fields.at(0).code, "invalid_type");
}

TEST(JsonBody, RejectsMalformedAndNonObjectAndNonJsonBodies) {
  EXPECT_EQ(lt::api::JsonBody::parse(json_request("{nope")).error().code, "malformed_json");
  EXPECT_EQ(lt::api::JsonBody::parse(json_request("[1,2]")).error().code, "malformed_json");
  EXPECT_EQ(lt::api::JsonBody::parse(json_request("a=b", "application/x-www-form-urlencoded"))
                .error()
                .code,
            "unsupported_media_type");
  EXPECT_TRUE(lt::api::JsonBody::parse(json_request("")).has_value()) << "empty body reads as {}";
}

TEST(ErrorMapping, EveryKindHasItsStatusAndProblemShape) {
  EXPECT_EQ(lt::api::status_of(ErrorKind::validation), 422);
  EXPECT_EQ(lt::api::status_of(ErrorKind::conflict), 409);
  EXPECT_EQ(lt::api::status_of(ErrorKind::unauthenticated), 401);
  EXPECT_EQ(lt::api::status_of(ErrorKind::gone), 410);
  auto response = lt::api::error_response(
      Error::validation("ukprn", "invalid_ukprn", "The UKPRN must be 8 digits."), "req-1");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.header("content-type"), "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["code"], "validation_failed");
  EXPECT_EQ(body["request_id"], "req-1");
  EXPECT_EQ(body["errors"][0]["field"], "ukprn");
  EXPECT_EQ(body["errors"][0]["code"], "invalid_ukprn");
}

TEST(ErrorMapping, InternalErrorsNeverLeakTheirDetail) {
  auto response = lt::api::error_response(Error::internal("SQL: secret table xyz"), "req-2");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("secret table"), std::string::npos);
  EXPECT_NE(response.body.find("req-2"), std::string::npos);
}

TEST(Smtp, MessageHasHeadersCrlfAndNoHeaderInjection) {
  const auto message = lt::mail::format_message(
      "LT <no-reply@lt.local>", "jo@example.org", "Hello\r\nBcc: evil@example.org",
      "line 1\nline 2\n", "Sun, 22 Nov 2026 09:00:00 +0000", "abc");
  EXPECT_NE(message.find("Subject: Hello  Bcc: evil@example.org\r\n"), std::string::npos);
  EXPECT_EQ(message.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(message.find("\r\n\r\nline 1\r\nline 2\r\n"), std::string::npos);
  EXPECT_NE(message.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
}
