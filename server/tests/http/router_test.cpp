// Router: segment matching, captures, specificity, 404 and 405 with Allow, HEAD as GET.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/router.hpp"

namespace lt::http {
namespace {

Handler reply(std::string text) {
  return [text](Request&) { return Response::text(200, text, "text/plain"); };
}

Request make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.request_id = "rid-1";
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("GET", "/api/v1/users", reply("list"));
    router.add("POST", "/api/v1/users", reply("create"));
    router.add("GET", "/api/v1/users/{id}", reply("one"));
    router.add("GET", "/api/v1/users/me", reply("me"));
    router.add("DELETE", "/api/v1/users/{id}", reply("delete"));
    router.add("POST", "/api/v1/users/{id}/actions/{action}", reply("action"));
    router.add("GET", "/healthz", reply("ok"));
  }
  Router router;
};

TEST_F(RouterTest, MatchesLiteralRouteAndSetsRoutePattern) {
  auto req = make("GET", "/api/v1/users");
  auto res = router.dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "list");
  EXPECT_EQ(req.route, "/api/v1/users");
}

TEST_F(RouterTest, CapturesNamedSegments) {
  auto req = make("POST", "/api/v1/users/42/actions/unlock");
  auto res = router.dispatch(req);
  EXPECT_EQ(res.body, "action");
  EXPECT_EQ(req.param("id"), "42");
  EXPECT_EQ(req.param("action"), "unlock");
  EXPECT_EQ(req.param("absent"), "");
  EXPECT_EQ(req.route, "/api/v1/users/{id}/actions/{action}");
}

TEST_F(RouterTest, CapturedValueIsTheDecodedPathSegment) {
  auto req = make("GET", "/api/v1/users/Jane Doe");
  EXPECT_EQ(router.dispatch(req).body, "one");
  EXPECT_EQ(req.param("id"), "Jane Doe");
}

TEST_F(RouterTest, LiteralSegmentBeatsCaptureRegardlessOfOrder) {
  auto req = make("GET", "/api/v1/users/me");
  EXPECT_EQ(router.dispatch(req).body, "me");
  EXPECT_TRUE(req.path_params.empty());
  auto other = make("GET", "/api/v1/users/7");
  EXPECT_EQ(router.dispatch(other).body, "one");
}

TEST_F(RouterTest, UnknownPathIsNotFoundProblem) {
  for (const char* path : {"/api/v1/nothing", "/api/v1/users/1/2", "/api/v1/users/", "/"}) {
    auto req = make("GET", path);
    auto res = router.dispatch(req);
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    auto body = nlohmann::json::parse(res.body);
    EXPECT_EQ(body["code"], "not_found");
    EXPECT_EQ(body["request_id"], "rid-1");
  }
}

TEST_F(RouterTest, WrongMethodIsMethodNotAllowedWithAllow) {
  auto req = make("PUT", "/api/v1/users/5");
  auto res = router.dispatch(req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "DELETE, GET, HEAD");
  EXPECT_EQ(nlohmann::json::parse(res.body)["code"], "method_not_allowed");

  auto list = make("PATCH", "/api/v1/users");
  EXPECT_EQ(router.dispatch(list).header("allow"), "GET, HEAD, POST");
}

TEST_F(RouterTest, HeadIsServedByTheGetRoute) {
  auto req = make("HEAD", "/api/v1/users/3");
  auto res = router.dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "one");
  EXPECT_EQ(req.param("id"), "3");
}

TEST_F(RouterTest, HasPathIgnoresMethod) {
  EXPECT_TRUE(router.has_path("/api/v1/users/9/actions/lock"));
  EXPECT_TRUE(router.has_path("/healthz"));
  EXPECT_FALSE(router.has_path("/api/v1/users/9/actions"));
  EXPECT_FALSE(router.has_path("/learners"));
}

TEST_F(RouterTest, RoutesListsEveryRegistration) {
  auto routes = router.routes();
  ASSERT_EQ(routes.size(), 7u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/api/v1/users");
  EXPECT_EQ(routes[5].pattern, "/api/v1/users/{id}/actions/{action}");
}

TEST(RouterErrors, RejectsPatternWithoutLeadingSlash) {
  Router router;
  EXPECT_THROW(router.add("GET", "api/x", reply("x")), std::invalid_argument);
}

TEST(RouterErrors, EmptyCaptureDoesNotMatch) {
  Router router;
  router.add("GET", "/a/{id}/b", reply("x"));
  auto req = make("GET", "/a//b");
  EXPECT_EQ(router.dispatch(req).status, 404);
}

}  // namespace
}  // namespace lt::http
