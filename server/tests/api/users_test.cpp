// Staff account administration over /api/v1/users and /api/v1/roles, with the denials: signed
// out, wrong role, another provider, another tenant.
#include <gtest/gtest.h>

#include <set>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
std::string path(long long id, const std::string& tail = "") {
  return "/api/v1/users/" + std::to_string(id) + tail;
}
json provider_role(const std::string& role, long long provider) {
  return {{"role", role}, {"scope_type", "provider"}, {"scope_id", provider}};
}
}  // namespace

TEST(Users, AdministratorCreatesListsEditsAndDisables) {
  TestApp t;
  const auto provider = t.create_provider("Ucas Training School", "10012345");
  auto admin = t.admin();
  auto roles = admin->get("/api/v1/roles");
  ASSERT_EQ(roles.status, 200);
  EXPECT_GE(roles.json()["items"].size(), 10u);

  auto created =
      admin->post("/api/v1/users", json{{"username", "lm.smith"},
                                        {"email", "lm.smith@example.org"},
                                        {"first_name", "Lee"},
                                        {"last_name", "Smith"},
                                        {"telephone", "01632 960002"},
                                        {"roles", {provider_role("learner_manager", provider)}}}
                                       .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"];
  EXPECT_EQ(created.json()["roles"][0]["scope_id"], provider);

  auto listed = admin->get("/api/v1/users?q=SMITH");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["total"], 1);
  EXPECT_EQ(listed.json()["items"][0]["username"], "lm.smith");

  const int version = created.json()["version"];
  auto edited =
      admin->patch(path(id), json{{"last_name", "Smythe"},
                                  {"roles", {{{"role", "viewer"}, {"scope_type", "tenant"}}}},
                                  {"version", version}}
                                 .dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["last_name"], "Smythe");
  EXPECT_EQ(edited.json()["roles"][0]["role"], "viewer");
  EXPECT_EQ(admin->patch(path(id), json{{"last_name", "Old"}, {"version", version}}.dump()).status,
            409);

  auto disabled = admin->post(path(id, "/disable"), "");
  ASSERT_EQ(disabled.status, 200);
  EXPECT_EQ(disabled.json()["status"], "disabled");
  EXPECT_EQ(admin->get("/api/v1/users?status=disabled").json()["total"], 1);
  EXPECT_EQ(admin->post(path(id, "/enable"), "").json()["status"], "active");
}

TEST(Users, DisablingEndsSessionsAndBlocksSignIn) {
  TestApp t;
  const auto id = t.create_user("staff.member", "Secret12", {{{"role", "viewer"}}});
  auto staff = t.sign_in("staff.member", "Secret12");
  auto admin = t.admin();
  ASSERT_EQ(admin->post(path(id, "/disable"), "").status, 200);
  EXPECT_EQ(staff->get("/api/v1/me").status, 401);
  auto again = t.client()->post(
      "/api/v1/session", json{{"username", "staff.member"}, {"password", "Secret12"}}.dump());
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(again.json()["code"], "account_disabled");
  const long long admin_id = admin->get("/api/v1/me").json()["user"]["id"];
  EXPECT_EQ(admin->post(path(admin_id, "/disable"), "").json()["code"], "cannot_disable_self");
}

TEST(Users, InvalidInputNamesEachField) {
  TestApp t;
  auto admin = t.admin();
  auto bad = admin->post("/api/v1/users", json{{"username", "abc"},
                                               {"email", "nope"},
                                               {"first_name", ""},
                                               {"last_name", "X"},
                                               {"password", "short"}}
                                              .dump());
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> fields;
  const json errors = bad.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"username", "email", "first_name", "password"}));

  auto roles =
      admin->post("/api/v1/users",
                  json{{"username", "valid.name"},
                       {"first_name", "A"},
                       {"last_name", "B"},
                       {"password", "Secret12"},
                       {"roles",
                        {{{"role", "wizard"}},
                         {{"role", "administrator"}, {"scope_type", "provider"}, {"scope_id", 1}},
                         provider_role("learner_manager", 999)}}}
                      .dump());
  ASSERT_EQ(roles.status, 422);
  const json role_errors = roles.json()["errors"];
  ASSERT_EQ(role_errors.size(), 3u);
  EXPECT_EQ(role_errors[0]["code"], "unknown_role");
  EXPECT_EQ(role_errors[1]["code"], "invalid_scope");
  EXPECT_EQ(role_errors[2]["code"], "unknown_provider");
  EXPECT_EQ(admin->get("/api/v1/users?q=valid.name").json()["total"], 0) << "nothing half-written";

  auto duplicate = admin->post("/api/v1/users", json{{"username", "TEST.ADMIN"},
                                                     {"first_name", "A"},
                                                     {"last_name", "B"},
                                                     {"password", "Secret12"}}
                                                    .dump());
  EXPECT_EQ(duplicate.json()["errors"][0]["code"], "username_taken");
  EXPECT_EQ(admin->get("/api/v1/users/999999").status, 404);
  EXPECT_EQ(admin->get("/api/v1/users/abc").status, 404);
  EXPECT_EQ(admin->post("/api/v1/users", "{not json").status, 400);
  EXPECT_EQ(
      admin->post("/api/v1/users", "a=b", {{"Content-Type", "application/x-www-form-urlencoded"}})
          .status,
      415);
}

TEST(Users, DeniedWhenSignedOutOrWithoutTheRole) {
  TestApp t;
  const auto target = t.create_user("target.user", "Secret12", {{{"role", "viewer"}}});
  auto anonymous = t.client();
  for (const auto& [method, url] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/api/v1/users"},
                                                        {"POST", "/api/v1/users"},
                                                        {"GET", path(target)},
                                                        {"PATCH", path(target)},
                                                        {"POST", path(target, "/unlock")},
                                                        {"POST", path(target, "/disable")},
                                                        {"GET", "/api/v1/roles"}}) {
    auto r = anonymous->request(method, url, method == "GET" ? "" : "{}", {});
    EXPECT_EQ(r.status, 401) << method << " " << url;
  }
  const auto provider = t.create_provider("Ucas Training School", "10012345");
  t.create_user("learner.mgr", "Secret12", {provider_role("learner_manager", provider)});
  auto manager = t.sign_in("learner.mgr", "Secret12");
  EXPECT_EQ(manager->get("/api/v1/users").status, 403);
  EXPECT_EQ(manager->get(path(target)).status, 403);
  EXPECT_EQ(manager->post(path(target, "/unlock"), "").status, 403);
  EXPECT_EQ(manager
                ->post("/api/v1/users", json{{"username", "sneaky.one"},
                                             {"first_name", "S"},
                                             {"last_name", "O"},
                                             {"password", "Secret12"}}
                                            .dump())
                .status,
            403);
  t.create_user("read.only", "Secret12", {{{"role", "viewer"}}});
  auto viewer = t.sign_in("read.only", "Secret12");
  EXPECT_EQ(viewer->get("/api/v1/users").status, 200) << "viewers may look";
  EXPECT_EQ(viewer->post(path(target, "/disable"), "").status, 403) << "but not change";
}

TEST(Users, AProviderScopedUserManagerStaysInsideTheirProvider) {
  TestApp t;
  const auto mine = t.create_provider("Mine College", "10000001");
  const auto theirs = t.create_provider("Their College", "10000002");
  t.create_user("um.mine", "Secret12", {provider_role("user_manager", mine)});
  const auto colleague = t.create_user("colleague", "Secret12", {provider_role("tutor", mine)});
  const auto stranger = t.create_user("stranger", "Secret12", {provider_role("tutor", theirs)});
  auto um = t.sign_in("um.mine", "Secret12");

  auto list = um->get("/api/v1/users");
  ASSERT_EQ(list.status, 200);
  std::set<std::string> names;
  const json items = list.json()["items"];
  for (const auto& u : items) names.insert(u["username"].get<std::string>());
  EXPECT_TRUE(names.contains("colleague"));
  EXPECT_FALSE(names.contains("stranger"));
  EXPECT_EQ(um->get(path(colleague)).status, 200);
  EXPECT_EQ(um->get(path(stranger)).status, 404) << "another provider's user is not even visible";
  EXPECT_EQ(um->post(path(stranger, "/disable"), "").status, 404);

  auto grant_theirs = um->post("/api/v1/users", json{{"username", "new.tutor"},
                                                     {"first_name", "N"},
                                                     {"last_name", "T"},
                                                     {"password", "Secret12"},
                                                     {"roles", {provider_role("tutor", theirs)}}}
                                                    .dump());
  ASSERT_EQ(grant_theirs.status, 422);
  EXPECT_EQ(grant_theirs.json()["errors"][0]["code"], "cannot_grant");
  auto grant_admin = um->post("/api/v1/users", json{{"username", "new.admin"},
                                                    {"first_name", "N"},
                                                    {"last_name", "A"},
                                                    {"password", "Secret12"},
                                                    {"roles", {{{"role", "administrator"}}}}}
                                                   .dump());
  EXPECT_EQ(grant_admin.status, 422);
  auto fine = um->post("/api/v1/users", json{{"username", "new.tutor"},
                                             {"first_name", "N"},
                                             {"last_name", "T"},
                                             {"password", "Secret12"},
                                             {"roles", {provider_role("tutor", mine)}}}
                                            .dump());
  EXPECT_EQ(fine.status, 201) << fine.body;
}

TEST(Users, AnotherTenantsUsersAreInvisible) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  const auto theirs =
      t.create_user("their.user", "Secret12", {{{"role", "viewer"}}}, std::nullopt, other);
  auto admin = t.admin();
  EXPECT_EQ(admin->get(path(theirs)).status, 404);
  EXPECT_EQ(admin->post(path(theirs, "/disable"), "").status, 404);
  EXPECT_EQ(admin->get("/api/v1/users?q=their.user").json()["total"], 0);
}
