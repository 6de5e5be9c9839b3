// Provider records over /api/v1/providers, with the UKPRN rule and the denials.
#include <gtest/gtest.h>

#include <set>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

TEST(Providers, CreateReadUpdateWithUkprnRules) {
  TestApp t;
  auto admin = t.admin();
  auto created = admin->post("/api/v1/providers",
                             json{{"name", "Ucas Training School"}, {"ukprn", "10012345"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"];
  const std::string url = "/api/v1/providers/" + std::to_string(id);
  EXPECT_EQ(admin->get(url).json()["ukprn"], "10012345");

  auto bad = admin->post("/api/v1/providers", json{{"name", ""}, {"ukprn", "20012345"}}.dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "name");
  EXPECT_EQ(bad.json()["errors"][1]["code"], "invalid_ukprn");
  auto duplicate =
      admin->post("/api/v1/providers", json{{"name", "Copy"}, {"ukprn", "10012345"}}.dump());
  EXPECT_EQ(duplicate.json()["errors"][0]["code"], "ukprn_taken");

  auto renamed = admin->patch(url, json{{"name", "UCAS Training School"}, {"version", 1}}.dump());
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["name"], "UCAS Training School");
  EXPECT_EQ(renamed.json()["version"], 2);
  EXPECT_EQ(admin->patch(url, json{{"name", "Stale"}, {"version", 1}}.dump()).status, 409);
  EXPECT_EQ(admin->get("/api/v1/providers?q=ucas").json()["total"], 1);
  EXPECT_EQ(admin->get("/api/v1/providers?q=1001").json()["total"], 1);
  EXPECT_EQ(admin->get("/api/v1/providers?limit=abc").status, 422);
}

TEST(Providers, TheSameUkprnMayExistInAnotherTenant) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  t.create_provider("Theirs", "10012345", other);
  auto created =
      t.admin()->post("/api/v1/providers", json{{"name", "Ours"}, {"ukprn", "10012345"}}.dump());
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST(Providers, ScopedManagersSeeAndEditOnlyTheirProviders) {
  TestApp t;
  const auto mine = t.create_provider("Mine College", "10000001");
  const auto theirs = t.create_provider("Their College", "10000002");
  t.create_user("pm.mine", "Secret12",
                {{{"role", "provider_manager"}, {"scope_type", "provider"}, {"scope_id", mine}}});
  auto pm = t.sign_in("pm.mine", "Secret12");
  auto list = pm->get("/api/v1/providers");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 1);
  EXPECT_EQ(list.json()["items"][0]["id"], mine);
  const auto url = [](long long id) { return "/api/v1/providers/" + std::to_string(id); };
  EXPECT_EQ(pm->patch(url(mine), json{{"name", "Mine College Ltd"}, {"version", 1}}.dump()).status,
            200);
  EXPECT_EQ(pm->get(url(theirs)).status, 404);
  EXPECT_EQ(pm->patch(url(theirs), json{{"name", "Taken over"}, {"version", 1}}.dump()).status,
            404);
  EXPECT_EQ(
      pm->post("/api/v1/providers", json{{"name", "New"}, {"ukprn", "10000003"}}.dump()).status,
      403)
      << "creating a provider needs the permission tenant-wide";

  t.create_user("employer.contact", "Secret12",
                {{{"role", "employer_contact"}, {"scope_type", "employer"}, {"scope_id", 1}}});
  auto employer = t.sign_in("employer.contact", "Secret12");
  EXPECT_EQ(employer->get("/api/v1/providers").status, 403);
  EXPECT_EQ(employer->get(url(mine)).status, 403);
  EXPECT_EQ(t.client()->get("/api/v1/providers").status, 401);
  EXPECT_EQ(t.client()->post("/api/v1/providers", "{}").status, 401);
}

TEST(Providers, AnotherTenantsProvidersAreInvisible) {
  TestApp t;
  const auto other = t.create_tenant("other-college");
  const auto theirs = t.create_provider("Theirs", "10012345", other);
  auto admin = t.admin();
  EXPECT_EQ(admin->get("/api/v1/providers/" + std::to_string(theirs)).status, 404);
  EXPECT_EQ(admin->get("/api/v1/providers").json()["total"], 0);
}

TEST(Providers, FullRecordWithDefaultsAndReferee) {
  TestApp t;
  auto admin = t.admin();
  auto created = admin->post("/api/v1/providers", json{{"name", "Ucas Training School"},
                                                       {"ukprn", "10012345"},
                                                       {"local_authority", "Gloucestershire"},
                                                       {"sign_off_profiles", true},
                                                       {"learners_add_qualifications", false},
                                                       {"default_referee",
                                                        {{"name", "Pat Head"},
                                                         {"position", "Head of Sixth Form"},
                                                         {"telephone", "01632 960123"},
                                                         {"email", "pat.head@example.org"}}}}
                                                      .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const json p = created.json();
  EXPECT_EQ(p["local_authority"], "Gloucestershire");
  EXPECT_EQ(p["sign_off_profiles"], true);
  EXPECT_EQ(p["learners_add_qualifications"], false);
  EXPECT_EQ(p["default_referee"]["position"], "Head of Sixth Form");

  const std::string url = "/api/v1/providers/" + std::to_string(p["id"].get<long long>());
  auto bad = admin->patch(url, json{{"sign_off_profiles", "yes"},
                                    {"default_referee", {{"email", "nope"}, {"telephone", "123"}}},
                                    {"version", 1}}
                                   .dump());
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> fields;
  const json errors = bad.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.contains("sign_off_profiles"));
  auto referee =
      admin->patch(url, json{{"default_referee", {{"email", "nope"}}}, {"version", 1}}.dump());
  ASSERT_EQ(referee.status, 422);
  EXPECT_EQ(referee.json()["errors"][0]["field"], "default_referee.email");

  auto off = admin->patch(url, json{{"sign_off_profiles", false}, {"version", 1}}.dump());
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json()["sign_off_profiles"], false);
  EXPECT_EQ(off.json()["default_referee"]["name"], "Pat Head") << "untouched fields stay";
  auto audit = admin->get("/api/v1/audit?entity_type=provider&limit=1");
  EXPECT_EQ(audit.json()["items"][0]["changes"]["sign_off_profiles"]["before"], true);
}
