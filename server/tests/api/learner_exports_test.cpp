// The learner list as a download (issue 4 item 7): GET /learners.xlsx and /learners.csv hold
// exactly the learners GET /learners lists with the same filters, in its order; the workbook reads
// back with its headings and real dates, the CSV starts with a byte-order mark and keeps formulas
// out; each download is audited; and the denials (signed out, a learner, another provider, another
// tenant, a group-scoped manager) match the list's.
#include <map>

#include <gtest/gtest.h>

#include "formats/csv_reader.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/zip_archive.hpp"
#include "support/app/learner_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::HttpClient;
using lt::test::learner_body;
using lt::test::TestApp;
using nlohmann::json;

namespace {

const std::vector<std::string> kHeadings = {"Username",
                                            "First name",
                                            "Last name",
                                            "Email",
                                            "Provider",
                                            "Year group",
                                            "Date of birth",
                                            "Postcode",
                                            "ULN",
                                            "UPN",
                                            "Key information",
                                            "Additional information",
                                            "Qualifications",
                                            "Reference",
                                            "Approval",
                                            "Created on"};

struct Fixture {
  TestApp t;
  long long provider = 0, other = 0, group = 0;
  std::unique_ptr<HttpClient> admin;

  Fixture() {
    provider = t.create_provider("UCAS Training School", "10012345");
    other = t.create_provider("Beautiful Community School", "10054321");
    admin = t.admin();
    add(learner_body("amelia.smith", provider,
                     {{"first_name", "Amelia"},
                      {"last_name", "Smith"},
                      {"email", "amelia@example.org"},
                      {"postcode", "GL50 3SH"},
                      {"uln", "9276308686"},
                      {"upn", "B801200005001"}}));
    add(learner_body(
        "oliver.jones", provider,
        {{"first_name", "Oliver"}, {"last_name", "Jones"}, {"year_group", "year_10"}}));
    // A name a spreadsheet would run as a formula.
    add(learner_body("formula.learner", provider, {{"first_name", "=1+2"}, {"last_name", "Sums"}}));
    const long long theirs = add(
        learner_body("their.learner", other, {{"first_name", "Theo"}, {"last_name", "Theirs"}}));
    group = admin->post("/api/v1/groups", json{{"provider_id", other}, {"name", "10A"}}.dump())
                .json()["id"];
    admin->post("/api/v1/groups/" + std::to_string(group) + "/members",
                json{{"add", {theirs}}}.dump());
  }

  long long add(const json& body) {
    auto r = admin->post("/api/v1/learners", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
};

lt::formats::Table read_xlsx(const lt::test::HttpResponse& r) {
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), lt::formats::kXlsxType);
  auto table = lt::formats::read_xlsx(r.body, lt::formats::Limits{});
  EXPECT_TRUE(table) << (table ? "" : table.error().message);
  return table ? *table : lt::formats::Table{};
}

lt::formats::Table read_csv(const lt::test::HttpResponse& r) {
  EXPECT_EQ(r.status, 200) << r.body;
  auto table = lt::formats::read_csv(r.body, lt::formats::Limits{});
  EXPECT_TRUE(table) << (table ? "" : table.error().message);
  return table ? *table : lt::formats::Table{};
}

std::vector<std::string> usernames(const lt::formats::Table& table) {
  std::vector<std::string> out;
  for (const auto& row : table.rows) out.push_back(row.cells.at(0).text);
  return out;
}

// The usernames GET /learners lists for `filters` ("status=…&q=…"), in order, and its total.
std::pair<std::vector<std::string>, long long> listed(HttpClient& c, const std::string& filters) {
  auto page = c.get("/api/v1/learners?limit=500&" + filters).json();
  std::vector<std::string> out;
  for (const auto& l : page["items"]) out.push_back(l["username"]);
  return {out, page["total"].get<long long>()};
}

std::vector<std::string> exported(HttpClient& c, const std::string& format,
                                  const std::string& filters) {
  auto r = c.get("/api/v1/learners." + format + "?" + filters);
  return usernames(format == "xlsx" ? read_xlsx(r) : read_csv(r));
}

}  // namespace

TEST(LearnerExports, TheWorkbookHoldsEveryListedLearnerWithHeadingsAndRealDates) {
  Fixture f;
  auto r = f.admin->get("/api/v1/learners.xlsx");
  const auto table = read_xlsx(r);
  EXPECT_NE(r.header("content-disposition").value_or("").find("filename=\"learners.xlsx\""),
            std::string::npos);
  EXPECT_EQ(table.header, kHeadings);
  const auto [names, total] = listed(*f.admin, "");
  EXPECT_EQ(usernames(table), names) << "the list's learners in the list's order";
  EXPECT_EQ(static_cast<long long>(table.rows.size()), total);

  const auto amelia = f.admin->get("/api/v1/learners?q=amelia").json()["items"][0];
  const lt::formats::Row* row = nullptr;
  for (const auto& candidate : table.rows)
    if (candidate.cells[0].text == "amelia.smith") row = &candidate;
  ASSERT_NE(row, nullptr);
  std::vector<std::string> cells;
  for (const auto& cell : row->cells) cells.push_back(cell.text);
  EXPECT_EQ(cells,
            (std::vector<std::string>{"amelia.smith", "Amelia", "Smith", "amelia@example.org",
                                      "UCAS Training School", "Year 12", "2008-04-01", "GL50 3SH",
                                      "9276308686", "B801200005001", "Incomplete", "Incomplete",
                                      "Incomplete", "Incomplete", "Approval not required",
                                      amelia["created_at"].get<std::string>().substr(0, 10)}));

  // Date of birth is a real date: a serial number (2008-04-01 is day 39539), not text.
  auto zip = lt::formats::ZipArchive::open(r.body, lt::formats::Limits{});
  ASSERT_TRUE(zip);
  auto sheet = (*zip)->read_all("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<v>39539</v>"), std::string::npos);
  EXPECT_EQ(f.admin->get("/api/v1/learners.pdf").status, 404);
}

TEST(LearnerExports, TheCsvStartsWithAByteOrderMarkRoundTripsAndKeepsFormulasOut) {
  Fixture f;
  auto r = f.admin->get("/api/v1/learners.csv");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type").value_or("").rfind("text/csv", 0), 0u);
  EXPECT_NE(r.header("content-disposition").value_or("").find("filename=\"learners.csv\""),
            std::string::npos);
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF"
                         "Username,First name,Last name,",
                         0),
            0u);
  const auto csv = read_csv(r);
  const auto xlsx = read_xlsx(f.admin->get("/api/v1/learners.xlsx"));
  EXPECT_EQ(csv.header, kHeadings);
  ASSERT_EQ(csv.rows.size(), xlsx.rows.size());
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    auto expected = xlsx.rows[i].cells;
    if (expected[1].text == "=1+2") expected[1].text = "'=1+2";  // neutralised, as Excel shows
    auto got = csv.rows[i].cells;
    got.resize(expected.size());  // CSV keeps trailing empty cells; the workbook drops them
    expected.resize(got.size());
    EXPECT_EQ(got, expected) << "row " << i;
  }
  EXPECT_NE(r.body.find(",'=1+2,"), std::string::npos);
}

TEST(LearnerExports, EachFilterGivesTheListsLearnersAndTotal) {
  Fixture f;
  // Amelia signs in, so she is no longer "never logged in".
  auto amelia = f.t.client();
  ASSERT_EQ(amelia
                ->post("/api/v1/session",
                       json{{"username", "amelia.smith"}, {"password", "Start123"}}.dump())
                .status,
            200);
  const std::string provider = std::to_string(f.provider), other = std::to_string(f.other);
  for (const std::string& filters : std::vector<std::string>{
           "", "status=never_logged_in", "status=incomplete_profile", "q=smi", "q=THEO",
           "provider_id=" + provider, "provider_id=" + other, "group_id=" + std::to_string(f.group),
           "year_group=year_10", "sort=-created_at", "sort=username&provider_id=" + provider,
           "status=&year_group=&sort=", "q=nobody-at-all"}) {
    const auto [names, total] = listed(*f.admin, filters);
    for (const std::string format : {"xlsx", "csv"}) {
      const auto got = exported(*f.admin, format, filters);
      EXPECT_EQ(got, names) << format << "?" << filters;
      EXPECT_EQ(static_cast<long long>(got.size()), total) << format << "?" << filters;
    }
  }
  EXPECT_EQ(exported(*f.admin, "csv", "status=never_logged_in").size(), 3u);
  EXPECT_EQ(exported(*f.admin, "xlsx", "q=smi"), std::vector<std::string>{"amelia.smith"});

  // Paging parameters are not the export's: every learner comes, whatever they say.
  EXPECT_EQ(exported(*f.admin, "xlsx", "limit=1&cursor=rubbish").size(), 4u);
}

TEST(LearnerExports, BadFiltersAreRefusedAsTheListRefusesThem) {
  Fixture f;
  for (const std::string filters : {"status=sleeping", "sort=shoe_size", "year_group=year_99",
                                    "provider_id=abc", "group_id=1x"}) {
    auto list = f.admin->get("/api/v1/learners?" + filters);
    ASSERT_EQ(list.status, 422) << filters;
    for (const std::string format : {"xlsx", "csv"}) {
      auto r = f.admin->get("/api/v1/learners." + format + "?" + filters);
      EXPECT_EQ(r.status, 422) << format << "?" << filters;
      EXPECT_EQ(r.json()["errors"], list.json()["errors"]) << format << "?" << filters;
    }
  }
}

TEST(LearnerExports, EachDownloadIsAudited) {
  Fixture f;
  ASSERT_EQ(f.admin->get("/api/v1/learners.xlsx?provider_id=" + std::to_string(f.provider)).status,
            200);
  ASSERT_EQ(f.admin->get("/api/v1/learners.csv?q=theo").status, 200);
  auto audit = f.admin->get("/api/v1/audit?entity_type=user&limit=200").json();
  std::map<std::string, json> by_format;
  for (const auto& e : audit["items"])
    if (e["action"] == "learners.exported")
      by_format[e["changes"]["format"]["after"]] = e["changes"];
  ASSERT_EQ(by_format.size(), 2u);
  EXPECT_EQ(by_format["csv"]["learners"]["after"], 1);
  EXPECT_EQ(by_format["csv"]["filters"]["after"], (json{{"q", "theo"}}));
  EXPECT_EQ(by_format["xlsx"]["learners"]["after"], 3);
  EXPECT_EQ(by_format["xlsx"]["filters"]["after"], (json{{"provider_id", f.provider}}));
}

TEST(LearnerExports, OnlyLearnersTheCallerMayViewAreExported) {
  Fixture f;
  // A learner (password changed, so the refusal is about learners.view), and a user manager, who
  // manages accounts, not learners.
  auto learner = f.t.client();
  learner->post("/api/v1/session",
                json{{"username", "oliver.jones"}, {"password", "Start123"}}.dump());
  learner->put("/api/v1/me/password",
               json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  ASSERT_EQ(learner->get("/api/v1/me/learner").status, 200);
  f.t.create_user("um.only", "Secret12", {{{"role", "user_manager"}}});
  auto um = f.t.sign_in("um.only", "Secret12");
  for (const std::string format : {"xlsx", "csv"}) {
    const std::string url = "/api/v1/learners." + format;
    EXPECT_EQ(f.t.client()->get(url).status, 401) << format;
    EXPECT_EQ(learner->get(url).status, 403) << format;
    EXPECT_EQ(um->get(url).status, 403) << format;
  }

  // A manager at the other provider: only that provider's learner, even when asking for ours.
  f.t.create_user(
      "lm.other", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", f.other}}});
  auto lm = f.t.sign_in("lm.other", "Secret12");
  EXPECT_EQ(exported(*lm, "xlsx", ""), std::vector<std::string>{"their.learner"});
  EXPECT_EQ(exported(*lm, "csv", ""), std::vector<std::string>{"their.learner"});
  EXPECT_TRUE(exported(*lm, "xlsx", "provider_id=" + std::to_string(f.provider)).empty());
  EXPECT_TRUE(exported(*lm, "csv", "q=amelia").empty());

  // A manager of one group: its members only.
  f.t.create_user("lm.group", "Secret12",
                  {{{"role", "learner_manager"}, {"scope_type", "group"}, {"scope_id", f.group}}});
  auto group_lm = f.t.sign_in("lm.group", "Secret12");
  EXPECT_EQ(exported(*group_lm, "xlsx", ""), std::vector<std::string>{"their.learner"});
  EXPECT_EQ(exported(*group_lm, "csv", ""), listed(*group_lm, "").first);

  // Another tenant's administrator: nobody of ours.
  const long long tenant = f.t.create_tenant("elsewhere");
  f.t.create_user("admin.elsewhere", "Secret12", {{{"role", "administrator"}}}, std::nullopt,
                  tenant);
  auto stranger = f.t.sign_in("admin.elsewhere", "Secret12", "elsewhere");
  const auto workbook = read_xlsx(stranger->get("/api/v1/learners.xlsx"));
  EXPECT_EQ(workbook.header, kHeadings);
  EXPECT_TRUE(workbook.rows.empty());
  EXPECT_TRUE(exported(*stranger, "csv", "").empty());
}

TEST(LearnerExports, TheDownloadRoutesLeaveLearnerPathsAlone) {
  Fixture f;
  const long long id = f.admin->get("/api/v1/learners?q=amelia").json()["items"][0]["id"];
  auto one = f.admin->get("/api/v1/learners/" + std::to_string(id));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["username"], "amelia.smith");
  EXPECT_EQ(f.admin->get("/api/v1/learners/learners.xlsx").status, 404)
      << "an id that is no number, as before";
  EXPECT_EQ(f.admin->post("/api/v1/learners.xlsx", "{}").status, 405);
}
