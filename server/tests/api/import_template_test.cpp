// GET /api/v1/imports/learners/template (manual 7.2): the blank .xlsx download with its content
// type and file name, drop-downs from the reference lists and the caller's own providers; and its
// denials: signed out, roles that may not create learners, another provider's manager (who sees
// only their UKPRN), another tenant's administrator (who sees only their own providers).
#include <gtest/gtest.h>

#include "domain/learner_import_columns.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_reader.hpp"
#include "support/app/learner_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {
constexpr const char* kPath = "/api/v1/imports/learners/template";

lt::formats::Table sheet(const std::string& bytes, const std::string& name = {}) {
  auto t = lt::formats::read_xlsx(bytes, lt::formats::Limits{}, name);
  if (!t) throw std::runtime_error(t.error().message);
  return *t;
}

// The UKPRN column of the template's Lists sheet.
std::vector<std::string> listed_ukprns(const std::string& bytes) {
  const auto lists = sheet(bytes, "Lists");
  const auto at = std::find(lists.header.begin(), lists.header.end(), "UKPRN");
  std::vector<std::string> out;
  if (at == lists.header.end()) return out;
  const auto col = static_cast<std::size_t>(at - lists.header.begin());
  for (const auto& row : lists.rows)
    if (col < row.cells.size() && !row.cells[col].text.empty()) out.push_back(row.cells[col].text);
  return out;
}
}  // namespace

TEST(ImportTemplate, AnAdministratorDownloadsTheBlankWorkbook) {
  TestApp t;
  t.create_provider("UCAS Training School", "10012345");
  t.create_provider("Beautiful Community School", "10054321");
  auto admin = t.admin();
  auto r = admin->get(kPath);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), lt::formats::kXlsxType);
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"learner-import-template.xlsx\"; "
            "filename*=UTF-8''learner-import-template.xlsx");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.body.substr(0, 2), "PK");

  const auto learners = sheet(r.body);
  EXPECT_EQ(learners.sheet, "Learners");
  ASSERT_EQ(learners.header.size(), lt::domain::learner_import_columns().size());
  EXPECT_EQ(learners.header[0], "UKPRN *");
  EXPECT_EQ(learners.header[5], "Date of birth *");
  EXPECT_EQ(learners.header[16], "Ethnicity");
  EXPECT_TRUE(learners.rows.empty());

  EXPECT_EQ(listed_ukprns(r.body), (std::vector<std::string>{"10012345", "10054321"}));
  const auto lists = sheet(r.body, "Lists");
  std::vector<std::string> year_groups, genders;
  for (const auto& row : lists.rows) {
    if (!row.cells[0].text.empty()) year_groups.push_back(row.cells[0].text);
    if (row.cells.size() > 1 && !row.cells[1].text.empty()) genders.push_back(row.cells[1].text);
  }
  EXPECT_EQ(year_groups.front(), "Year 7") << "labels of the seeded reference list";
  EXPECT_EQ(year_groups.size(), 9u);
  EXPECT_EQ(genders, (std::vector<std::string>{"Female", "Male", "Not known", "Not specified"}));
  EXPECT_EQ(lists.rows.size(), 19u) << "as many rows as ethnicities, the longest list";
  EXPECT_FALSE(sheet(r.body, "Instructions").rows.empty());

  // The template is a spreadsheet the upload path accepts as what it says it is.
  EXPECT_TRUE(lt::formats::read_table(r.body, lt::formats::kXlsxType,
                                      "learner-import-template.xlsx", lt::formats::Limits{}));
}

TEST(ImportTemplate, ALearnerManagerSeesOnlyTheirOwnProviders) {
  TestApp t;
  const auto mine = t.create_provider("UCAS Training School", "10012345");
  t.create_provider("Beautiful Community School", "10054321");
  t.create_user("lm.mine", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", mine}}});
  auto lm = t.sign_in("lm.mine", "Secret12");
  auto r = lm->get(kPath);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(listed_ukprns(r.body), (std::vector<std::string>{"10012345"}))
      << "another provider's UKPRN is not offered";

  // Group-scoped managers may not add learners at any provider: a template without UKPRNs.
  auto admin = t.admin();
  const auto group =
      admin->post("/api/v1/groups", json{{"name", "Year 12 A"}, {"provider_id", mine}}.dump())
          .json()["id"]
          .get<long long>();
  t.create_user("lm.group", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", group}}});
  auto by_group = t.sign_in("lm.group", "Secret12")->get(kPath);
  ASSERT_EQ(by_group.status, 200) << by_group.body;
  EXPECT_TRUE(listed_ukprns(by_group.body).empty());
}

TEST(ImportTemplate, OnlyThoseWhoMayCreateLearnersMayDownloadIt) {
  TestApp t;
  const auto mine = t.create_provider("UCAS Training School", "10012345");
  EXPECT_EQ(t.client()->get(kPath).status, 401);
  for (const std::string role : {"tutor", "provider_manager", "viewer", "user_manager"}) {
    t.create_user(role + ".one", "Secret12",
                  {{{"role", role}, {"scope_type", "provider"}, {"scope_id", mine}}});
    auto r = t.sign_in(role + ".one", "Secret12")->get(kPath);
    EXPECT_EQ(r.status, 403) << role;
    EXPECT_EQ(r.json()["code"], "forbidden") << role;
  }
  auto admin = t.admin();
  ASSERT_EQ(
      admin->post("/api/v1/learners", lt::test::learner_body("bob.learner1", mine).dump()).status,
      201);
  auto bob = t.client();
  bob->post("/api/v1/session", json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  bob->put("/api/v1/me/password",
           json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  EXPECT_EQ(bob->get(kPath).status, 403) << "a learner";
}

TEST(ImportTemplate, AnotherTenantsAdministratorSeesOnlyTheirProviders) {
  TestApp t;
  t.create_provider("UCAS Training School", "10012345");
  const auto other = t.create_tenant("other-college");
  t.create_provider("Other College", "10099999", other);
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto r = t.sign_in("their.admin", "Secret12", "other-college")->get(kPath);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(listed_ukprns(r.body), (std::vector<std::string>{"10099999"}));
}
