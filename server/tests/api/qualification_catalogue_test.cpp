// The qualification catalogue (manual 5.4): the seeded UK set served as reference lists, the
// administrator's edits (add, rename, retire) and that they stay in their own tenant.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/app/learner_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {

bool has_code(const json& list, const std::string& code) {
  return std::any_of(list.begin(), list.end(), [&](const json& i) { return i["code"] == code; });
}

// The catalogue entry of that type code from GET /api/v1/qualification-catalogue.
json type_in(const json& catalogue, const std::string& code) {
  for (const auto& t : catalogue["items"])
    if (t["code"] == code) return t;
  return json();
}

}  // namespace

TEST(QualificationCatalogue, TheSeededUkSetIsServedAsReferenceLists) {
  TestApp t;
  auto admin = t.admin();
  auto types = admin->get("/api/v1/reference/qualification-types");
  ASSERT_EQ(types.status, 200);
  for (const char* code :
       {"gcse", "as_level", "a_level", "btec_l3_single", "btec_l3_diploma", "functional_skills",
        "cambridge_nationals", "t_level", "ib_diploma", "scottish_national_5", "scottish_higher",
        "entry_level_certificate", "epq"})
    EXPECT_TRUE(has_code(types.json(), code)) << code;
  EXPECT_EQ(types.json()[0], (json{{"code", "gcse"}, {"label", "GCSE (9–1)"}}))
      << "exactly {code, label}";

  auto gcse = admin->get("/api/v1/reference/qualification-types/gcse/grades").json();
  std::vector<std::string> codes;
  for (const auto& g : gcse) codes.push_back(g["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"9", "8", "7", "6", "5", "4", "3", "2", "1", "u"}));
  auto as = admin->get("/api/v1/reference/qualification-types/as_level/grades").json();
  EXPECT_FALSE(has_code(as, "a_star")) << "AS has no A*";
  EXPECT_TRUE(has_code(admin->get("/api/v1/reference/qualification-types/a_level/grades").json(),
                       "a_star"));
  auto subjects = admin->get("/api/v1/reference/qualification-types/gcse/subjects").json();
  for (const char* code : {"english_language", "mathematics", "combined_science", "statistics"})
    EXPECT_TRUE(has_code(subjects, code)) << code;
  EXPECT_FALSE(has_code(subjects, "further_mathematics"));
  auto fs = admin->get("/api/v1/reference/qualification-types/functional_skills/grades").json();
  EXPECT_EQ(fs,
            (json{{{"code", "pass"}, {"label", "Pass"}}, {{"code", "fail"}, {"label", "Fail"}}}));
  EXPECT_EQ(admin->get("/api/v1/reference/qualification-types/hnd/subjects").status, 404);
  EXPECT_EQ(t.client()->get("/api/v1/reference/qualification-types").status, 401);
}

TEST(QualificationCatalogue, AdministratorsAddRenameAndRetire) {
  TestApp t;
  auto admin = t.admin();
  const json gcse = type_in(admin->get("/api/v1/qualification-catalogue").json(), "gcse");
  ASSERT_TRUE(gcse.is_object());
  const std::string gcse_id = std::to_string(gcse["id"].get<long long>());

  auto added = admin->post("/api/v1/qualification-catalogue/types/" + gcse_id + "/subjects",
                           json{{"label", " Ancient History "}}.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["code"], "ancient_history");
  EXPECT_EQ(added.json()["label"], "Ancient History");
  EXPECT_TRUE(has_code(admin->get("/api/v1/reference/qualification-types/gcse/subjects").json(),
                       "ancient_history"));
  auto again = admin->post("/api/v1/qualification-catalogue/types/" + gcse_id + "/subjects",
                           json{{"label", "ancient history"}}.dump());
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.json()["errors"][0]["code"], "label_taken");
  EXPECT_EQ(admin
                ->post("/api/v1/qualification-catalogue/types/" + gcse_id + "/grades",
                       json{{"label", ""}}.dump())
                .json()["errors"][0]["field"],
            "label");

  const std::string subject = "/api/v1/qualification-catalogue/subjects/" +
                              std::to_string(added.json()["id"].get<long long>());
  auto renamed = admin->patch(
      subject, json{{"label", "Ancient History (short course)"}, {"version", 1}}.dump());
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["code"], "ancient_history") << "codes are stable";
  EXPECT_EQ(admin->patch(subject, json{{"retired", true}, {"version", 1}}.dump()).status, 409);
  ASSERT_EQ(admin->patch(subject, json{{"retired", true}, {"version", 2}}.dump()).status, 200);
  EXPECT_FALSE(has_code(admin->get("/api/v1/reference/qualification-types/gcse/subjects").json(),
                        "ancient_history"));
  EXPECT_TRUE(
      has_code(type_in(admin->get("/api/v1/qualification-catalogue").json(), "gcse")["subjects"],
               "ancient_history"))
      << "the administrator still sees retired entries";

  auto type = admin->post("/api/v1/qualification-catalogue/types",
                          json{{"label", "Higher National Certificate"}}.dump());
  ASSERT_EQ(type.status, 201);
  const std::string hnc = std::to_string(type.json()["id"].get<long long>());
  for (const char* grade : {"Distinction", "Merit", "Pass"})
    ASSERT_EQ(admin
                  ->post("/api/v1/qualification-catalogue/types/" + hnc + "/grades",
                         json{{"label", grade}}.dump())
                  .status,
              201);
  EXPECT_EQ(admin->get("/api/v1/reference/qualification-types/higher_national_certificate/grades")
                .json()
                .size(),
            3u);
  ASSERT_EQ(admin
                ->patch("/api/v1/qualification-catalogue/types/" + hnc,
                        json{{"retired", true}, {"version", 1}}.dump())
                .status,
            200);
  EXPECT_FALSE(has_code(admin->get("/api/v1/reference/qualification-types").json(),
                        "higher_national_certificate"));
  EXPECT_EQ(admin
                ->post("/api/v1/qualification-catalogue/types/999999/subjects",
                       json{{"label", "X"}}.dump())
                .status,
            404);
  const auto events = admin->get("/api/v1/audit?entity_type=qualification_subject").body;
  EXPECT_NE(events.find("qualification_subject.created"), std::string::npos);
  EXPECT_NE(events.find("qualification_subject.updated"), std::string::npos);
}

TEST(QualificationCatalogue, ARetiredSubjectStaysOnTheQualificationsThatHoldIt) {
  TestApp t;
  auto admin = t.admin();
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  const long long learner =
      admin->post("/api/v1/learners", lt::test::learner_body("bob.learner1", provider).dump())
          .json()["id"];
  const std::string quals = "/api/v1/learners/" + std::to_string(learner) + "/qualifications";
  auto q = admin->post(quals, json{{"type", "gcse"},
                                   {"subject", "latin"},
                                   {"completed_on", "2024-08"},
                                   {"actual_grade", "6"}}
                                  .dump());
  ASSERT_EQ(q.status, 201);
  json latin;
  const json gcse_subjects =
      type_in(admin->get("/api/v1/qualification-catalogue").json(), "gcse")["subjects"];
  for (const auto& s : gcse_subjects)
    if (s["code"] == "latin") latin = s;
  ASSERT_EQ(admin
                ->patch("/api/v1/qualification-catalogue/subjects/" +
                            std::to_string(latin["id"].get<long long>()),
                        json{{"retired", true}, {"version", latin["version"]}}.dump())
                .status,
            200);
  EXPECT_EQ(admin->get(quals).json()["items"][0]["subject"]["label"], "Latin");
  const std::string one = quals + "/" + std::to_string(q.json()["id"].get<long long>());
  EXPECT_EQ(admin->patch(one, json{{"actual_grade", "7"}, {"version", 1}}.dump()).status, 200)
      << "still editable";
  auto fresh = admin->post(quals, json{{"type", "gcse"},
                                       {"subject", "latin"},
                                       {"completed_on", "2024-08"},
                                       {"actual_grade", "6"}}
                                      .dump());
  EXPECT_EQ(fresh.json()["errors"][0]["field"], "subject") << "but not offered for new ones";
}

TEST(QualificationCatalogue, OnlyAdministratorsEditAndOnlyTheirOwnTenant) {
  TestApp t;
  auto admin = t.admin();
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  t.create_user(
      "lm.mine", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", provider}}});
  t.create_user("pm.tenant", "Secret12", {{{"role", "provider_manager"}}});
  const json gcse = type_in(admin->get("/api/v1/qualification-catalogue").json(), "gcse");
  const std::string gcse_id = std::to_string(gcse["id"].get<long long>());
  for (const char* who : {"lm.mine", "pm.tenant"}) {
    auto staff = t.sign_in(who, "Secret12");
    EXPECT_EQ(staff->get("/api/v1/reference/qualification-types").status, 200) << who;
    EXPECT_EQ(staff->get("/api/v1/qualification-catalogue").status, 403) << who;
    EXPECT_EQ(
        staff->post("/api/v1/qualification-catalogue/types", json{{"label", "X"}}.dump()).status,
        403)
        << who;
    EXPECT_EQ(staff
                  ->post("/api/v1/qualification-catalogue/types/" + gcse_id + "/subjects",
                         json{{"label", "Astrology"}}.dump())
                  .status,
              403)
        << who;
    EXPECT_EQ(staff
                  ->patch("/api/v1/qualification-catalogue/types/" + gcse_id,
                          json{{"label", "Mine"}, {"version", 1}}.dump())
                  .status,
              403)
        << who;
  }
  EXPECT_EQ(t.client()->get("/api/v1/qualification-catalogue").status, 401);

  // Another tenant has its own copy; edits on either side never reach the other.
  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto theirs = t.sign_in("their.admin", "Secret12", "other-college");
  const json their_gcse = type_in(theirs->get("/api/v1/qualification-catalogue").json(), "gcse");
  ASSERT_TRUE(their_gcse.is_object());
  EXPECT_NE(their_gcse["id"], gcse["id"]);
  EXPECT_EQ(their_gcse["subjects"].size(), gcse["subjects"].size());
  ASSERT_EQ(theirs
                ->post("/api/v1/qualification-catalogue/types/" +
                           std::to_string(their_gcse["id"].get<long long>()) + "/subjects",
                       json{{"label", "Cornish"}}.dump())
                .status,
            201);
  ASSERT_EQ(theirs
                ->patch("/api/v1/qualification-catalogue/types/" +
                            std::to_string(their_gcse["id"].get<long long>()),
                        json{{"label", "GCSE"}, {"version", 1}}.dump())
                .status,
            200);
  EXPECT_FALSE(has_code(admin->get("/api/v1/reference/qualification-types/gcse/subjects").json(),
                        "cornish"));
  EXPECT_EQ(admin->get("/api/v1/reference/qualification-types").json()[0]["label"], "GCSE (9–1)");
  EXPECT_TRUE(has_code(theirs->get("/api/v1/reference/qualification-types/gcse/subjects").json(),
                       "cornish"));
  // Reaching across by id is a 404.
  EXPECT_EQ(theirs
                ->patch("/api/v1/qualification-catalogue/types/" + gcse_id,
                        json{{"label", "Theirs"}, {"version", 1}}.dump())
                .status,
            404);
  EXPECT_EQ(theirs
                ->post("/api/v1/qualification-catalogue/types/" + gcse_id + "/subjects",
                       json{{"label", "Cornish"}}.dump())
                .status,
            404);
}
