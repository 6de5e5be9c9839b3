// Problem+json shape, Request/Response helpers and the transport's text codecs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/codec.hpp"
#include "http/message.hpp"
#include "http/problem.hpp"

namespace lt::http {
namespace {

TEST(Problem, HasRfc9457ShapeWithStableTypeUrl) {
  auto res = problem(409, "version_conflict", "Someone else changed it.", "req-7");
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["type"], "https://learnertrack.dev/problems/version_conflict");
  EXPECT_EQ(body["title"], "Conflict");
  EXPECT_EQ(body["status"], 409);
  EXPECT_EQ(body["detail"], "Someone else changed it.");
  EXPECT_EQ(body["code"], "version_conflict");
  EXPECT_EQ(body["request_id"], "req-7");
  EXPECT_FALSE(body.contains("errors"));
}

TEST(Problem, GenericCodeUsesAboutBlankAndNoRequestIdWhenNotGiven) {
  auto body = nlohmann::json::parse(problem(404, "not_found", "Nothing here.").body);
  EXPECT_EQ(body["type"], "about:blank");
  EXPECT_EQ(body["title"], "Not Found");
  EXPECT_FALSE(body.contains("request_id"));
}

TEST(Problem, FieldErrorsAreListed) {
  auto res =
      problem(422, "validation_failed", "Some fields need attention.", "",
              {{"uln", "invalid_uln", "Check the ULN."}, {"email", "required", "Enter it."}});
  auto body = nlohmann::json::parse(res.body);
  ASSERT_EQ(body["errors"].size(), 2u);
  EXPECT_EQ(body["errors"][0]["field"], "uln");
  EXPECT_EQ(body["errors"][0]["code"], "invalid_uln");
  EXPECT_EQ(body["errors"][0]["message"], "Check the ULN.");
  EXPECT_EQ(body["errors"][1]["field"], "email");
  EXPECT_EQ(body["title"], "Unprocessable Content");
}

TEST(Problem, StatusTitles) {
  EXPECT_EQ(status_title(503), "Service Unavailable");
  EXPECT_EQ(status_title(413), "Content Too Large");
  EXPECT_EQ(status_title(599), "Server Error");
}

TEST(Response, JsonSetsContentTypeAndBody) {
  auto res = Response::json(201, {{"id", 5}});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, R"({"id":5})");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
}

TEST(Response, JsonWithInvalidUtf8DoesNotThrow) {
  EXPECT_NO_THROW(Response::json(200, {{"name", std::string("bad\xff")}}));
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  auto res = Response::text(200, "hi", "text/plain");
  res.set_header("content-type", "text/csv");
  res.set_header("X-A", "1");
  res.set_header("x-a", "2");
  EXPECT_EQ(res.headers.size(), 2u);
  EXPECT_EQ(res.header("Content-Type"), "text/csv");
  EXPECT_EQ(res.header("X-A"), "2");
  EXPECT_FALSE(Response::empty(204).header("content-type"));
  EXPECT_TRUE(Response::empty(204).body.empty());
}

TEST(Request, HeaderCookieAndQueryLookups) {
  Request req;
  req.headers = {{"content-type", "application/json"},
                 {"cookie", "theme=dark; lt_session=\"abc123\";  flag ; x=1=2"}};
  req.query = {{"q", "a b"}, {"q", "second"}, {"limit", "5"}};
  EXPECT_EQ(req.header("content-type"), "application/json");
  EXPECT_EQ(req.header("Content-Type"), "application/json");
  EXPECT_FALSE(req.header("accept"));
  EXPECT_EQ(req.cookie("theme"), "dark");
  EXPECT_EQ(req.cookie("lt_session"), "abc123");
  EXPECT_EQ(req.cookie("x"), "1=2");
  EXPECT_FALSE(req.cookie("flag"));
  EXPECT_FALSE(req.cookie("them"));
  EXPECT_EQ(req.query_param("q"), "a b");
  EXPECT_EQ(req.query_param("limit"), "5");
  EXPECT_FALSE(req.query_param("cursor"));
}

TEST(Codec, PercentDecoding) {
  EXPECT_EQ(detail::percent_decode("/a%20b/%2e%2E", false), "/a b/..");
  EXPECT_EQ(detail::percent_decode("a+b", false), "a+b");
  EXPECT_EQ(detail::percent_decode("a+b", true), "a b");
  EXPECT_EQ(detail::percent_decode("100%", false), "100%");
  EXPECT_EQ(detail::percent_decode("%zz%4", false), "%zz%4");
}

TEST(Codec, QueryParsing) {
  std::multimap<std::string, std::string> q;
  detail::parse_query("name=J%C3%A9r%C3%B4me+X&flag&&tag=a&tag=b&e=", q);
  EXPECT_EQ(q.find("name")->second, "J\xC3\xA9r\xC3\xB4me X");
  EXPECT_EQ(q.find("flag")->second, "");
  EXPECT_EQ(q.count("tag"), 2u);
  EXPECT_EQ(q.find("e")->second, "");
  EXPECT_EQ(q.size(), 5u);
}

TEST(Codec, RequestIds) {
  EXPECT_TRUE(detail::is_sane_request_id("abc-DEF_1.2"));
  EXPECT_TRUE(detail::is_sane_request_id(std::string(64, 'a')));
  EXPECT_FALSE(detail::is_sane_request_id(std::string(65, 'a')));
  EXPECT_FALSE(detail::is_sane_request_id(""));
  EXPECT_FALSE(detail::is_sane_request_id("a b"));
  EXPECT_FALSE(detail::is_sane_request_id("a\r\nSet-Cookie: x"));
  auto a = detail::new_request_id();
  auto b = detail::new_request_id();
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace lt::http
