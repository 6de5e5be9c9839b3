// Bulk qualifications over the API (issue 4 item 6, manual 9): the export of a year group's
// learners whose managers add their qualifications (four sheets, current qualifications filled
// in), the edited sheet imported back (replacing those learners' qualifications, all or nothing,
// errors by row and column), and the denials.
#include <gtest/gtest.h>

#include "domain/qualification_sheet.hpp"
#include "formats/csv_writer.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_reader.hpp"
#include "support/app/job_kinds.hpp"
#include "support/app/learner_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using lt::test::wait_for_job;
using nlohmann::json;

namespace {

struct Fixture {
  TestApp t;
  long long provider = 0, other = 0, amy = 0, ben = 0;
  std::unique_ptr<lt::test::HttpClient> lm;
  Fixture() {
    provider = t.create_provider("UCAS Training School", "10012345");
    other = t.create_provider("Beautiful Community School", "10054321");
    t.create_user(
        "lm.quals", "Secret12",
        {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", provider}}});
    lm = t.sign_in("lm.quals", "Secret12");
    const json manager_adds = {{"manager_adds_qualifications", "yes"}};
    amy = add("amy.smith01", {{"first_name", "Amy"}, {"last_name", "Smith"}});
    ben = add("ben.jones01", {{"first_name", "Ben"}, {"last_name", "Jones"}});
    add("cat.learner", {{"first_name", "Cat"}, {"manager_adds_qualifications", "no"}});
    add("dan.learner", {{"first_name", "Dan"}, {"year_group", "year_11"}});
  }
  long long add(const std::string& username, json extra) {
    if (!extra.contains("manager_adds_qualifications"))
      extra["manager_adds_qualifications"] = "yes";
    auto r = lm->post("/api/v1/learners", lt::test::learner_body(username, provider, extra).dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<long long>();
  }
  // Exports Year 12 and returns the learners' sheet.
  lt::formats::Table export_year_12() {
    auto r = lm->post("/api/v1/exports/qualifications", json{{"year_group", "year_12"}}.dump());
    EXPECT_EQ(r.status, 202) << r.body;
    const long long id = r.json()["id"].get<long long>();
    const json job = wait_for_job(*lm, id, "succeeded");
    EXPECT_EQ(job["status"], "succeeded") << job.dump();
    auto file = lm->get("/api/v1/jobs/" + std::to_string(id) + "/result");
    EXPECT_EQ(file.status, 200);
    auto table = lt::formats::read_xlsx(file.body, lt::formats::Limits{});
    if (!table) throw std::runtime_error(table.error().message);
    return *table;
  }
  json import(const lt::formats::Table& table, const std::string& status) {
    lt::formats::CsvWriter csv;
    csv.row(table.header);
    for (const auto& row : table.rows) {
      std::vector<std::string> cells;
      for (const auto& c : row.cells) cells.push_back(c.text);
      csv.row(cells);
    }
    auto r = lm->post("/api/v1/imports/qualifications", csv.take(),
                      {{"Content-Type", "text/csv"}, {"X-Filename", "quals.csv"}});
    EXPECT_EQ(r.status, 202) << r.body;
    const long long id = r.json()["id"].get<long long>();
    EXPECT_EQ(wait_for_job(*lm, id, status)["status"], status);
    return lm->get("/api/v1/imports/" + std::to_string(id)).json();
  }
  json qualifications(long long learner) {
    return lm->get("/api/v1/learners/" + std::to_string(learner) + "/qualifications")
        .json()["items"];
  }
};

// Sets a cell of the row (growing it as needed) under `heading`.
void put(lt::formats::Table& table, std::size_t row, const std::string& heading,
         const std::string& value) {
  const auto at = std::find(table.header.begin(), table.header.end(), heading);
  ASSERT_NE(at, table.header.end()) << heading;
  auto& cells = table.rows[row].cells;
  const auto col = static_cast<std::size_t>(at - table.header.begin());
  if (cells.size() <= col) cells.resize(col + 1);
  cells[col].text = value;
}

std::size_t row_of(const lt::formats::Table& table, long long learner) {
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    if (table.rows[i].cells[0].text == std::to_string(learner)) return i;
  throw std::runtime_error("learner not in the sheet");
}

}  // namespace

TEST(QualificationTransfer, ExportThenImportReplacesTheLearnersQualifications) {
  Fixture f;
  ASSERT_EQ(f.lm->post("/api/v1/learners/" + std::to_string(f.amy) + "/qualifications",
                       json{{"type", "gcse"},
                            {"subject", "english_language"},
                            {"completed_on", "2024-06"},
                            {"actual_grade", "7"}}
                           .dump())
                .status,
            201);
  auto sheet = f.export_year_12();
  EXPECT_EQ(sheet.sheet, "Learner qualifications");
  EXPECT_EQ(sheet.header, lt::domain::qualification_sheet_headings());
  ASSERT_EQ(sheet.rows.size(), 2u) << "Year 12 learners whose manager adds qualifications";
  const std::size_t amy = row_of(sheet, f.amy);
  EXPECT_EQ(sheet.rows[amy].cells[4].text, "Smith");
  EXPECT_EQ(sheet.rows[amy].cells[6].text, "UCAS Training School");
  EXPECT_EQ(sheet.rows[amy].cells[8].text, "GCSE (9–1)") << "the current one, filled in";
  EXPECT_EQ(sheet.rows[amy].cells[9].text, "English Language");

  put(sheet, amy, "Qualification type 2", "GCSE (9–1)");
  put(sheet, amy, "Qualification subject 2", "mathematics");
  put(sheet, amy, "Qualification completion date 2", "2026-06");
  put(sheet, amy, "Qualification predicted grade 2", "7");
  const std::size_t ben = row_of(sheet, f.ben);
  put(sheet, ben, "Qualification type 1", "gcse");
  put(sheet, ben, "Qualification subject 1", "Biology");
  put(sheet, ben, "Qualification completion date 1", "2026-06");
  put(sheet, ben, "Qualification predicted grade 1", "9");
  const json done = f.import(sheet, "succeeded");
  EXPECT_EQ(done["created_count"], 3);
  EXPECT_EQ(done["message"], "Qualifications of 2 learners imported.");
  EXPECT_EQ(f.qualifications(f.amy).size(), 2u) << "replaced by the sheet's two";
  const json bens = f.qualifications(f.ben);
  ASSERT_EQ(bens.size(), 1u);
  EXPECT_EQ(bens[0]["subject"]["code"], "biology");
  EXPECT_EQ(bens[0]["predicted_grade"]["code"], "9");

  // Importing the same sheet again changes nothing: it replaces, it does not add.
  f.import(sheet, "succeeded");
  EXPECT_EQ(f.qualifications(f.amy).size(), 2u);
  const json history = f.lm->get("/api/v1/imports?kind=qualification_import").json();
  EXPECT_EQ(history["items"].size(), 2u);
  EXPECT_TRUE(f.lm->get("/api/v1/imports").json()["items"].empty()) << "learner imports only";
  EXPECT_EQ(f.lm->get("/api/v1/exports").json()["items"].size(), 1u);
}

TEST(QualificationTransfer, AnyBadRowRejectsTheSheetWithErrorsByRowAndColumn) {
  Fixture f;
  auto sheet = f.export_year_12();
  const std::size_t amy = row_of(sheet, f.amy), ben = row_of(sheet, f.ben);
  put(sheet, amy, "Qualification type 1", "GCSE (9–1)");
  put(sheet, amy, "Qualification subject 1", "Mathematics");
  put(sheet, amy, "Qualification completion date 1", "2026-06");
  put(sheet, amy, "Qualification predicted grade 1", "Z");               // not a grade of GCSE
  put(sheet, ben, "Surname", "Changed");                                 // identifying column
  put(sheet, ben, "Qualification type 2", "Underwater basket weaving");  // no such type
  sheet.rows.push_back(sheet.rows[amy]);                                 // the same learner again
  const json failed = f.import(sheet, "failed");
  std::set<std::pair<long long, std::string>> where;
  for (const auto& e : failed["errors"])
    where.insert({e["row"].get<long long>(), e["column"].get<std::string>()});
  const long long amy_row = static_cast<long long>(sheet.rows[amy].number);
  const long long ben_row = static_cast<long long>(sheet.rows[ben].number);
  EXPECT_TRUE(where.count({amy_row, "Qualification predicted grade 1"})) << failed.dump();
  EXPECT_TRUE(where.count({ben_row, "Surname"})) << failed.dump();
  EXPECT_TRUE(where.count({ben_row, "Qualification type 2"})) << failed.dump();
  EXPECT_TRUE(where.count({4, "Account ID"})) << "the repeated learner, row 4: " << failed.dump();
  EXPECT_TRUE(f.qualifications(f.amy).empty()) << "all or nothing";
}

TEST(QualificationTransfer, Denials) {
  Fixture f;
  auto anonymous = f.t.client();
  EXPECT_EQ(
      anonymous->post("/api/v1/exports/qualifications", json{{"year_group", "year_12"}}.dump())
          .status,
      401);
  EXPECT_EQ(anonymous->get("/api/v1/exports").status, 401);
  EXPECT_EQ(
      anonymous
          ->post("/api/v1/imports/qualifications", "a,b\n1,2\n", {{"Content-Type", "text/csv"}})
          .status,
      401);
  f.t.create_user("tutor.q", "Secret12",
                  {{{"role", "tutor"}, {"scope_type", "provider"}, {"scope_id", f.provider}}});
  auto tutor = f.t.sign_in("tutor.q", "Secret12");
  EXPECT_EQ(
      tutor->post("/api/v1/exports/qualifications", json{{"year_group", "year_12"}}.dump()).status,
      403);
  EXPECT_EQ(
      tutor->post("/api/v1/imports/qualifications", "a,b\n1,2\n", {{"Content-Type", "text/csv"}})
          .status,
      403);

  auto bad = f.lm->post("/api/v1/exports/qualifications", json{{"year_group", "year_99"}}.dump());
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "year_group");
  const long long group_elsewhere =
      f.t.admin()
          ->post("/api/v1/groups", json{{"name", "Elsewhere"}, {"provider_id", f.other}}.dump())
          .json()["id"]
          .get<long long>();
  auto outside = f.lm->post("/api/v1/exports/qualifications",
                            json{{"year_group", "year_12"}, {"group_id", group_elsewhere}}.dump());
  EXPECT_EQ(outside.status, 422);
  EXPECT_EQ(outside.json()["errors"][0]["code"], "unknown_group");

  // A manager at another provider exports none of these learners and cannot import for them.
  auto sheet = f.export_year_12();
  f.t.create_user(
      "lm.other.q", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", f.other}}});
  auto other = f.t.sign_in("lm.other.q", "Secret12");
  auto theirs =
      other->post("/api/v1/exports/qualifications", json{{"year_group", "year_12"}}.dump());
  ASSERT_EQ(theirs.status, 202);
  const json job = wait_for_job(*other, theirs.json()["id"].get<long long>(), "succeeded");
  EXPECT_EQ(job["result"]["learners"], 0);
  EXPECT_EQ(f.lm->get("/api/v1/jobs/" + std::to_string(job["id"].get<long long>())).status, 404)
      << "not their job";
  lt::formats::CsvWriter csv;
  csv.row(sheet.header);
  std::vector<std::string> cells;
  for (const auto& c : sheet.rows[0].cells) cells.push_back(c.text);
  csv.row(cells);
  auto r =
      other->post("/api/v1/imports/qualifications", csv.take(), {{"Content-Type", "text/csv"}});
  ASSERT_EQ(r.status, 202);
  const json refused = wait_for_job(*other, r.json()["id"].get<long long>(), "failed");
  EXPECT_EQ(refused["status"], "failed");

  // Another tenant.
  const long long tenant = f.t.create_tenant("elsewhere");
  f.t.create_user("admin.q", "Secret12", {{{"role", "administrator"}}}, std::nullopt, tenant);
  auto foreign = f.t.sign_in("admin.q", "Secret12", "elsewhere");
  EXPECT_TRUE(foreign->get("/api/v1/exports").json()["items"].empty());
  EXPECT_EQ(foreign->get("/api/v1/jobs/" + std::to_string(job["id"].get<long long>())).status, 404);
}
