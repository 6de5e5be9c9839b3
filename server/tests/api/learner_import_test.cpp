// The learner import over the API (issue 4 items 3–5, manual 7.3–7.5): upload → job → learners
// with generated usernames and sealed passwords, all or nothing, errors by row and column, the
// history, the requester told by email, the never-logged-in list and its download, the first
// sign-in with a generated password; and the denials (signed out, wrong role, another provider,
// another tenant, a learner).
#include <gtest/gtest.h>

#include <future>
#include <map>
#include <optional>
#include <thread>

#include "domain/learner_rules.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/xlsx_writer.hpp"
#include "jobs/learner_import_job.hpp"
#include "support/app/job_kinds.hpp"
#include "support/app/learner_bodies.hpp"
#include "support/app/test_app.hpp"

using lt::test::TestApp;
using lt::test::wait_for_job;
using nlohmann::json;

namespace {

constexpr const char* kCsv = "text/csv";
const std::string kHeader =
    "UKPRN,Learner year group,First name,Last name,Postcode,Date of birth,Email address,ULN\n";

std::string uln(int n) {
  for (int attempt = 0;; ++attempt) {
    const std::string nine = std::to_string(412000000 + n * 13 + attempt);
    const int check = lt::domain::uln_check_digit(nine);
    if (check >= 0) return nine + std::to_string(check);
  }
}

// The import's handler reading `rows` rows a batch, so that a small file spans many batches, and
// writing them while the file is read (`overlap`) or after it (each database's default aside).
lt::test::TestAppOptions batches_of(std::size_t rows, bool overlap = true) {
  lt::test::TestAppOptions options;
  options.before_listen = [rows, overlap](lt::app::Application& app) {
    lt::jobs::LearnerImportSettings settings;
    settings.batch_rows = rows;
    settings.overlap_writing = overlap;
    app.job_registry().add(lt::jobs::kLearnerImportKind,
                           lt::jobs::learner_import_handler(app.audit(), settings));
  };
  return options;
}

struct Fixture {
  TestApp t;
  long long provider = 0, other = 0;
  std::unique_ptr<lt::test::HttpClient> lm;
  explicit Fixture(lt::test::TestAppOptions options = {}) : t(std::move(options)) {
    provider = t.create_provider("UCAS Training School", "10012345");
    other = t.create_provider("Beautiful Community School", "10054321");
    t.create_user(
        "lm.import", "Secret12",
        {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", provider}}},
        "lm.import@example.org");
    lm = t.sign_in("lm.import", "Secret12");
  }
  lt::test::HttpResponse upload(lt::test::HttpClient& client, const std::string& body,
                                const std::string& type = kCsv,
                                const std::string& name = "learners.csv") {
    return client.post("/api/v1/imports/learners", body,
                       {{"Content-Type", type}, {"X-Filename", name}});
  }
  // Uploads and waits for the import to end with `status`; returns GET /imports/{id}.
  json run(const std::string& body, const std::string& status) {
    auto r = upload(*lm, body);
    EXPECT_EQ(r.status, 202) << r.body;
    const long long id = r.json()["id"].get<long long>();
    EXPECT_EQ(wait_for_job(*lm, id, status, std::chrono::seconds(20))["status"], status);
    return lm->get("/api/v1/imports/" + std::to_string(id)).json();
  }
  long long learner_total() { return lm->get("/api/v1/learners").json()["total"].get<long long>(); }
};

std::string rows3() {
  return kHeader + "10012345,Year 12,Amelia,Smith,gl50 1aa,2008-04-01,amelia@example.org," +
         uln(1) + "\n10012345,Year 12,Oliver,Jones,SW1A 1AA,2008-05-02,," + uln(2) +
         "\n10012345,Post-16,\"Zoë\",\"O'Neil\",B33 8TH,2007-01-31,,\n";
}

}  // namespace

TEST(LearnerImport, AValidFileCreatesEveryLearnerWithGeneratedCredentials) {
  Fixture f;
  const json done = f.run(rows3(), "succeeded");
  EXPECT_EQ(done["created_count"], 3);
  EXPECT_EQ(done["error_count"], 0);
  EXPECT_EQ(done["filename"], "learners.csv");
  EXPECT_EQ(done["message"], "3 learners imported.");
  EXPECT_EQ(done["progress"]["total"], 3);
  EXPECT_EQ(f.learner_total(), 3);

  // The dashboard counters and the status flags agree with what was imported (the bulk insert
  // sets the per-row triggers aside on SQLite and counts once).
  const json counts = f.lm->get("/api/v1/dashboard").json()["counts"];
  EXPECT_EQ(counts["learners"], 3);
  EXPECT_EQ(counts["never_logged_in"], 3);
  EXPECT_EQ(counts["incomplete_profile"], 3);
  EXPECT_EQ(counts["awaiting_reference"], 3);
  EXPECT_EQ(counts["awaiting_qualifications"], 0) << "the provider lets learners add them";
  EXPECT_EQ(f.lm->get("/api/v1/learners?status=never_logged_in&q=o").json()["total"], 2)
      << "Oliver and O'Neil, found through the flags";

  auto list = f.lm->get("/api/v1/learners?q=smith").json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["username"], "amelia.smith");
  EXPECT_EQ(list["items"][0]["postcode"], "GL50 1AA") << "normalised as the form does";

  // Never logged in: every imported learner, with a readable generated password.
  auto never = f.lm->get("/api/v1/learners/never-logged-in");
  ASSERT_EQ(never.status, 200) << never.body;
  ASSERT_EQ(never.json()["items"].size(), 3u);
  json zoe;
  const json never_items = never.json()["items"];
  for (const auto& item : never_items)
    if (item["last_name"] == "O'Neil") zoe = item;
  ASSERT_TRUE(zoe.is_object());
  EXPECT_EQ(zoe["username"], "zo.oneil") << "ASCII letters of the names";
  ASSERT_TRUE(zoe["password"].is_string());
  const std::string password = zoe["password"];
  EXPECT_EQ(password.size(), 9u);
  EXPECT_EQ(zoe["provider_name"], "UCAS Training School");
  EXPECT_EQ(zoe["date_of_birth"], "2007-01-31");
  // Kept sealed on the user's row, never as the text itself.
  const auto stored = [&] {
    return f.t.app().db().read([&](soci::session& sql) {
      std::string sealed;
      soci::indicator ind = soci::i_null;
      sql << "SELECT initial_password FROM users WHERE username = 'zo.oneil'",
          soci::into(sealed, ind);
      return ind == soci::i_ok ? std::optional<std::string>(sealed) : std::nullopt;
    });
  };
  ASSERT_TRUE(stored().has_value());
  EXPECT_EQ(stored()->find(password), std::string::npos);
  EXPECT_GT(stored()->size(), password.size() + 16) << "nonce and tag";

  // The first sign-in takes the generated password and forces a change.
  auto learner = f.t.client();
  auto signed_in = learner->post("/api/v1/session",
                                 json{{"username", "zo.oneil"}, {"password", password}}.dump());
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_EQ(learner->get("/api/v1/me/learner").json()["code"], "password_change_required");
  // ... and the learner leaves the list, their generated password erased.
  never = f.lm->get("/api/v1/learners/never-logged-in");
  EXPECT_EQ(never.json()["items"].size(), 2u);
  EXPECT_EQ(f.lm->get("/api/v1/dashboard").json()["counts"]["never_logged_in"], 2);
  EXPECT_FALSE(stored().has_value());
  auto again = f.t.client()->post("/api/v1/session",
                                  json{{"username", "zo.oneil"}, {"password", "wrong1!"}}.dump());
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(
      f.t.client()
          ->post("/api/v1/session", json{{"username", "zo.oneil"}, {"password", password}}.dump())
          .status,
      200)
      << "the password still works, now as a hash";

  // The requester is told, in-app and by email.
  const auto mail = f.t.outbox();
  ASSERT_FALSE(mail.empty());
  EXPECT_EQ(mail.front()["to"], "lm.import@example.org");
  EXPECT_EQ(mail.front()["subject"], "Your learner import has finished");
  auto notes = f.lm->get("/api/v1/notifications").json();
  EXPECT_EQ(notes["items"][0]["title"], "Your learner import has finished");

  // The history lists it.
  auto history = f.lm->get("/api/v1/imports").json();
  ASSERT_EQ(history["items"].size(), 1u);
  EXPECT_EQ(history["items"][0]["status"], "succeeded");
  EXPECT_EQ(history["items"][0]["requested_by"]["id"].is_number(), true);
  EXPECT_TRUE(history["items"][0]["finished_at"].is_string());
}

TEST(LearnerImport, UsernamesStayUniqueAgainstExistingAccountsAndWithinTheFile) {
  Fixture f;
  ASSERT_EQ(f.lm->post("/api/v1/learners",
                       lt::test::learner_body("amelia.smith", f.provider,
                                              {{"first_name", "Other"}, {"last_name", "Person"}})
                           .dump())
                .status,
            201);
  const std::string body = kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n" +
                           "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-02,,\n" +
                           "10012345,Year 7,Al,Li,GL50 1AA,2013-04-02,,\n";
  f.run(body, "succeeded");
  std::set<std::string> names;
  const json items = f.lm->get("/api/v1/learners/never-logged-in").json()["items"];
  for (const auto& item : items) names.insert(item["username"]);
  EXPECT_EQ(names,
            (std::set<std::string>{"amelia.smith", "amelia.smith2", "amelia.smith3", "al.li1"}));
}

TEST(LearnerImport, AnyBadRowRejectsTheWholeFileWithEveryErrorByRowAndColumn) {
  Fixture f;
  const std::string body =
      kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n" +     // row 2: fine
      "10012345,Year 14,Oliver,,NOT A POSTCODE,2008-02-30,not-an-email,\n" +  // row 3
      "10054321,Year 12,Isla,Brown,GL50 1AA,2008-04-01,,\n" +                 // row 4: not mine
      "10012345,Year 12,Ava,Green,GL50 1AA,2008-04-01,," + uln(5) + "\n" +    // row 5
      "10012345,Year 12,Noah,Hall,GL50 1AA,2008-04-01,," + uln(5) + "\n" +    // row 6: same ULN
      "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n" +               // row 7: same person
      "10012345,Year 12,Mia,Wood,GL50 1AA,2008-04-01,,1234567890\n";          // row 8: bad ULN
  const json failed = f.run(body, "failed");
  EXPECT_EQ(f.learner_total(), 0) << "all or nothing";
  EXPECT_EQ(failed["created_count"], 0);
  EXPECT_EQ(failed["rows_with_errors"], 5);
  EXPECT_EQ(failed["message"], "5 rows have errors; nothing was imported.");
  std::set<std::pair<long long, std::string>> where;
  for (const auto& e : failed["errors"]) {
    where.insert({e["row"].get<long long>(), e["column"].get<std::string>()});
    EXPECT_FALSE(e["message"].get<std::string>().empty());
  }
  for (const auto& expected :
       std::vector<std::pair<long long, std::string>>{{3, "Learner year group"},
                                                      {3, "Last name"},
                                                      {3, "Postcode"},
                                                      {3, "Date of birth"},
                                                      {3, "Email address"},
                                                      {4, "UKPRN"},
                                                      {6, "ULN"},
                                                      {7, "Last name"},
                                                      {8, "ULN"}})
    EXPECT_TRUE(where.count(expected)) << expected.first << " " << expected.second;
  for (const auto& e : failed["errors"]) {
    if (e["row"] == 3 && e["column"] == "Postcode") {
      EXPECT_EQ(e["value"], "NOT A POSTCODE");
    }
  }

  // The errors as a spreadsheet.
  auto xlsx = f.lm->get("/api/v1/imports/" + std::to_string(failed["id"].get<long long>()) +
                        "/errors.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto table = lt::formats::read_xlsx(xlsx.body, lt::formats::Limits{});
  ASSERT_TRUE(table);
  EXPECT_EQ(table->header, (std::vector<std::string>{"Row", "Column", "Value", "Message"}));
  EXPECT_EQ(table->rows.size(), failed["errors"].size());

  // Told either way.
  EXPECT_EQ(f.t.outbox().front()["subject"], "Your learner import failed");
}

TEST(LearnerImport, DuplicatesOfExistingLearnersAreRefused) {
  Fixture f;
  f.run(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,," + uln(7) + "\n",
        "succeeded");
  const json failed = f.run(kHeader + "10012345,Year 12,AMELIA,SMITH,GL50 1AA,2008-04-01,,\n" +
                                "10012345,Year 11,Leo,Hall,GL50 1AA,2009-04-01,," + uln(7) + "\n",
                            "failed");
  ASSERT_EQ(failed["errors"].size(), 2u) << failed.dump();
  EXPECT_EQ(failed["errors"][0]["row"], 2);
  EXPECT_EQ(failed["errors"][0]["message"],
            "A learner with this name and date of birth already exists at this provider.");
  EXPECT_EQ(failed["errors"][1]["row"], 3);
  EXPECT_EQ(failed["errors"][1]["column"], "ULN");
  EXPECT_EQ(f.learner_total(), 1);
}

TEST(LearnerImport, TheSamePersonAtAnotherProviderIsNotADuplicate) {
  Fixture f(batches_of(1));
  auto admin = f.t.admin();
  auto run_as_admin = [&](const std::string& body, const std::string& status) {
    auto r = admin->post("/api/v1/imports/learners", body, {{"Content-Type", kCsv}});
    EXPECT_EQ(r.status, 202) << r.body;
    const long long id = r.json()["id"].get<long long>();
    EXPECT_EQ(wait_for_job(*admin, id, status, std::chrono::seconds(20))["status"], status);
    return admin->get("/api/v1/imports/" + std::to_string(id)).json();
  };
  run_as_admin(kHeader + "10054321,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n", "succeeded");
  // Amelia at the first provider is someone else. One batch per row, so the second row's
  // provider is looked up after the first's, for a last name already looked up.
  const json failed =
      run_as_admin(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n" +
                       "10054321,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n",
                   "failed");
  ASSERT_EQ(failed["errors"].size(), 1u) << failed.dump();
  EXPECT_EQ(failed["errors"][0]["row"], 3);
  EXPECT_EQ(failed["errors"][0]["message"],
            "A learner with this name and date of birth already exists at this provider.");
  run_as_admin(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n", "succeeded");
  EXPECT_EQ(admin->get("/api/v1/learners").json()["total"], 2);
}

TEST(LearnerImport, ANearMissOfAnExistingLearnerIsNotADuplicate) {
  Fixture f;
  f.run(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,,\n", "succeeded");
  // Another day, another first name, another last name: three other people.
  f.run(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-02,,\n" +
            "10012345,Year 12,Amelie,Smith,GL50 1AA,2008-04-01,,\n" +
            "10012345,Year 12,Amelia,Smyth,GL50 1AA,2008-04-01,,\n",
        "succeeded");
  EXPECT_EQ(f.learner_total(), 4);
}

TEST(LearnerImport, HeadingsMustBeTheTemplatesAndFormulasAreRefused) {
  Fixture f;
  json failed = f.run("UKPRN,First name,Last name,Shoe size\n10012345,A,B,9\n", "failed");
  std::set<std::string> messages;
  for (const auto& e : failed["errors"]) messages.insert(e["message"].get<std::string>());
  EXPECT_TRUE(
      messages.count("\"Shoe size\" is not a column of the learner import template. "
                     "Remove the column, or copy your data into the template."));
  EXPECT_TRUE(
      messages.count("The mandatory column \"Postcode\" is missing. Download the template "
                     "to see the columns expected."));

  // An .xlsx with a formula in a cell.
  auto writer = lt::formats::XlsxWriter::create();
  ASSERT_TRUE(writer);
  auto& sheet = (*writer)->add_sheet("Learners");
  sheet.header(
      {"UKPRN", "Learner year group", "First name", "Last name", "Postcode", "Date of birth"});
  using lt::formats::XlsxCell;
  sheet.row({XlsxCell::of_text("10012345"), XlsxCell::of_text("Year 12"), XlsxCell::of_text("Ivy"),
             XlsxCell::of_text("Walker"), XlsxCell::of_text("GL50 1AA"),
             XlsxCell::of_date("2008-04-01")});
  auto bytes = (*writer)->finish();
  ASSERT_TRUE(bytes);
  auto ok = f.upload(*f.lm, *bytes, lt::formats::kXlsxType, "learners.xlsx");
  ASSERT_EQ(ok.status, 202) << ok.body;
  EXPECT_EQ(wait_for_job(*f.lm, ok.json()["id"].get<long long>(), "succeeded")["status"],
            "succeeded")
      << "an .xlsx with a real date cell";
  EXPECT_EQ(f.learner_total(), 1);
}

TEST(LearnerImport, BadUploadsAreRefusedAtOnce) {
  Fixture f;
  auto pdf = f.upload(*f.lm, "%PDF-1.4 not a sheet", "application/pdf", "x.pdf");
  EXPECT_EQ(pdf.status, 415);
  EXPECT_EQ(pdf.json()["code"], "unsupported_file_type");
  auto renamed = f.upload(*f.lm, "PK\x03\x04 pretending", kCsv, "learners.csv");
  EXPECT_EQ(renamed.status, 415);
  EXPECT_EQ(renamed.json()["code"], "file_type_mismatch");
  auto empty = f.upload(*f.lm, "  \n", kCsv);
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.json()["errors"][0]["field"], "file");
  auto corrupt = f.upload(*f.lm, std::string("PK\x03\x04", 4) + std::string(200, 'x'),
                          lt::formats::kXlsxType, "learners.xlsx");
  ASSERT_EQ(corrupt.status, 202) << "read by the job";
  const json failed = wait_for_job(*f.lm, corrupt.json()["id"].get<long long>(), "failed");
  EXPECT_EQ(failed["status"], "failed");
  EXPECT_FALSE(failed["error"].get<std::string>().empty());
  EXPECT_EQ(f.learner_total(), 0);
}

TEST(LearnerImport, MoreRowsThanTheConfiguredLimitAreRefused) {
  lt::test::TestAppOptions options;
  options.before_listen = [](lt::app::Application& app) {
    lt::jobs::LearnerImportSettings settings;
    settings.limits.max_rows = 2;
    app.job_registry().add(lt::jobs::kLearnerImportKind,
                           lt::jobs::learner_import_handler(app.audit(), settings));
  };
  TestApp t(options);
  t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  auto r = admin->post("/api/v1/imports/learners", rows3(), {{"Content-Type", kCsv}});
  ASSERT_EQ(r.status, 202) << r.body;
  const json failed = wait_for_job(*admin, r.json()["id"].get<long long>(), "failed");
  EXPECT_NE(failed["error"].get<std::string>().find("2"), std::string::npos) << failed.dump();
  EXPECT_EQ(admin->get("/api/v1/learners").json()["total"], 0);
}

TEST(LearnerImport, TheSameFileTwiceAtOnceIsRefused) {
  lt::test::TestAppOptions options;
  options.before_listen = [](lt::app::Application& app) {
    // The first import stays running until the test ends, however busy the machine is.
    app.job_registry().add(lt::jobs::kLearnerImportKind, [](lt::jobs::JobContext& ctx) {
      while (!ctx.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return lt::domain::Result<json>(lt::domain::fail(lt::jobs::stopped()));
    });
  };
  TestApp t(options);
  t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const auto send = [&] {
    return admin->post("/api/v1/imports/learners", rows3(), {{"Content-Type", kCsv}});
  };
  ASSERT_EQ(send().status, 202);
  auto second = send();
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.json()["code"], "import_in_progress");
}

TEST(LearnerImport, AUsernameTakenWhileTheFileWasReadIsReplacedOnASecondReading) {
  // Another transaction (another import, say) creates the account "amelia.smith" and commits it
  // only once this import, having found the name free, is writing its users. On PostgreSQL the
  // import's look-ups run before its write and see committed rows only, so its COPY waits for
  // that transaction and then breaks the unique key: the import rolls back, reads the file again
  // and succeeds with the next name. On SQLite the import's look-ups are part of its write, which
  // waits for the single writer, so they see the account the first time.
  Fixture f;
  auto& db = f.t.app().db();
  const long long tenant = f.t.tenant_id();
  std::promise<void> inserted, go;
  std::shared_future<void> went = go.get_future().share();
  std::thread other([&] {
    db.write([&](soci::session& sql) {
      sql << "INSERT INTO users (tenant_id, kind, username, username_key, created_at, updated_at) "
             "VALUES (:t, 'staff', 'amelia.smith', 'amelia.smith', '2026-12-01T09:00:00Z', "
             "'2026-12-01T09:00:00Z')",
          soci::use(tenant);
      inserted.set_value();
      went.wait();
    });
  });
  inserted.get_future().wait();
  if (!db.is_postgres()) go.set_value();  // the upload itself writes
  auto r = f.upload(*f.lm, rows3());
  bool copy_waited = false;
  if (db.is_postgres()) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!copy_waited && std::chrono::steady_clock::now() < until) {
      int waiting = 0;
      db.read([&](soci::session& sql) {
        sql << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
               "AND wait_event_type = 'Lock' "
               "AND query LIKE 'COPY users %'",
            soci::into(waiting);
      });
      copy_waited = waiting > 0;
      if (!copy_waited) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    go.set_value();
  }
  other.join();
  ASSERT_EQ(r.status, 202) << r.body;
  if (db.is_postgres()) {
    EXPECT_TRUE(copy_waited) << "the import never wrote the taken name";
  }
  const long long id = r.json()["id"].get<long long>();
  EXPECT_EQ(wait_for_job(*f.lm, id, "succeeded", std::chrono::seconds(30))["status"], "succeeded");
  std::map<std::string, std::string> usernames;  // by first name
  const json never = f.lm->get("/api/v1/learners/never-logged-in").json();
  for (const auto& item : never["items"])
    usernames[item["first_name"].get<std::string>()] = item["username"].get<std::string>();
  EXPECT_EQ(usernames.size(), 3u);
  EXPECT_EQ(usernames["Amelia"], "amelia.smith2");
  EXPECT_EQ(f.learner_total(), 3);
}

TEST(LearnerImport, DenialsForEveryEndpoint) {
  Fixture f;
  const json done = f.run(rows3(), "succeeded");
  const std::string one = "/api/v1/imports/" + std::to_string(done["id"].get<long long>());

  auto anonymous = f.t.client();
  EXPECT_EQ(anonymous->post("/api/v1/imports/learners", rows3(), {{"Content-Type", kCsv}}).status,
            401);
  EXPECT_EQ(anonymous->get(one).status, 401);
  EXPECT_EQ(anonymous->get("/api/v1/imports").status, 401);
  EXPECT_EQ(anonymous->get("/api/v1/learners/never-logged-in").status, 401);
  EXPECT_EQ(anonymous->get("/api/v1/learners/never-logged-in.xlsx").status, 401);

  for (const std::string role : {"tutor", "viewer", "provider_manager"}) {
    f.t.create_user(role + ".x", "Secret12",
                    {{{"role", role}, {"scope_type", "provider"}, {"scope_id", f.provider}}});
    auto c = f.t.sign_in(role + ".x", "Secret12");
    EXPECT_EQ(c->post("/api/v1/imports/learners", rows3(), {{"Content-Type", kCsv}}).status, 403)
        << role;
    EXPECT_EQ(c->get("/api/v1/learners/never-logged-in").status, 403) << role;
    EXPECT_EQ(c->get(one).status, 404) << role << ": not their import";
  }

  // A manager at another provider sees neither the import nor those learners' passwords.
  f.t.create_user(
      "lm.other", "Secret12",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", f.other}}});
  auto other = f.t.sign_in("lm.other", "Secret12");
  EXPECT_EQ(other->get(one).status, 404);
  EXPECT_EQ(other->get(one + "/errors.xlsx").status, 404);
  EXPECT_TRUE(other->get("/api/v1/imports").json()["items"].empty());
  EXPECT_TRUE(other->get("/api/v1/learners/never-logged-in").json()["items"].empty());
  // ... and cannot import into a provider that is not theirs.
  const json refused = [&] {
    auto r = other->post("/api/v1/imports/learners", rows3(), {{"Content-Type", kCsv}});
    return wait_for_job(*other, r.json()["id"].get<long long>(), "failed");
  }();
  EXPECT_EQ(refused["status"], "failed");

  // Another tenant's administrator.
  const long long tenant = f.t.create_tenant("elsewhere");
  f.t.create_user("admin.elsewhere", "Secret12", {{{"role", "administrator"}}}, std::nullopt,
                  tenant);
  auto foreign = f.t.sign_in("admin.elsewhere", "Secret12", "elsewhere");
  EXPECT_EQ(foreign->get(one).status, 404);
  EXPECT_TRUE(foreign->get("/api/v1/learners/never-logged-in").json()["items"].empty());

  // A learner.
  const std::string password = f.lm->get("/api/v1/learners/never-logged-in")
                                   .json()["items"][0]["password"]
                                   .get<std::string>();
  const std::string username = f.lm->get("/api/v1/learners/never-logged-in")
                                   .json()["items"][0]["username"]
                                   .get<std::string>();
  auto learner = f.t.client();
  learner->post("/api/v1/session", json{{"username", username}, {"password", password}}.dump());
  learner->put("/api/v1/me/password",
               json{{"current_password", password}, {"new_password", "Changed12!"}}.dump());
  EXPECT_EQ(learner->get("/api/v1/learners/never-logged-in").status, 403);
  EXPECT_EQ(learner->get(one).status, 404);
}

TEST(LearnerImport, ViewingAndDownloadingCredentialsIsAudited) {
  Fixture f;
  f.run(rows3(), "succeeded");
  ASSERT_EQ(f.lm->get("/api/v1/learners/never-logged-in").status, 200);
  auto xlsx = f.lm->get("/api/v1/learners/never-logged-in.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), lt::formats::kXlsxType);
  auto table = lt::formats::read_xlsx(xlsx.body, lt::formats::Limits{});
  ASSERT_TRUE(table);
  EXPECT_EQ(table->header[7], "Password");
  EXPECT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0].cells[7].text.size(), 9u);
  auto audit = f.t.admin()->get("/api/v1/audit?entity_type=user&limit=200").json();
  std::set<std::string> hows;
  for (const auto& e : audit["items"])
    if (e["action"] == "learners.credentials_viewed") hows.insert(e["changes"]["how"]["after"]);
  EXPECT_EQ(hows, (std::set<std::string>{"list", "download"}));
}

TEST(LearnerImport, AFileReadInManyBatchesIsStillAllOrNothing) {
  for (const bool overlap : {true, false}) {
    SCOPED_TRACE(overlap ? "writing while reading" : "writing after reading");
    Fixture f(batches_of(2, overlap));  // rows 2-3, 4-5, 6-7, 8-9 and 10 are batches of their own
    std::string good = kHeader;
    for (int i = 0; i < 8; ++i)
      good += "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-" + std::to_string(10 + i) + ",," +
              uln(20 + i) + "\n";
    // A bad row at the very end: writing while reading, the first batches may be written before
    // it is read; they are rolled back with the rest.
    const json failed = f.run(good + "10012345,Year 12,Zed,Last,GL50 1AA,2008-02-30,,\n", "failed");
    EXPECT_EQ(f.learner_total(), 0) << "all or nothing";
    EXPECT_EQ(failed["created_count"], 0);
    ASSERT_EQ(failed["errors"].size(), 1u) << failed.dump();
    EXPECT_EQ(failed["errors"][0]["row"], 10);
    EXPECT_EQ(failed["errors"][0]["column"], "Date of birth");
    EXPECT_EQ(f.lm->get("/api/v1/learners/never-logged-in").json()["items"].size(), 0u);

    // The same rows without it: every learner once, usernames unique across batches.
    const json done = f.run(good, "succeeded");
    EXPECT_EQ(done["created_count"], 8);
    EXPECT_EQ(f.learner_total(), 8);
    std::set<std::string> names;
    const json listed = f.lm->get("/api/v1/learners/never-logged-in").json();
    for (const auto& item : listed["items"]) names.insert(item["username"].get<std::string>());
    EXPECT_EQ(names, (std::set<std::string>{"amelia.smith", "amelia.smith2", "amelia.smith3",
                                            "amelia.smith4", "amelia.smith5", "amelia.smith6",
                                            "amelia.smith7", "amelia.smith8"}))
        << "numbered on from one batch to the next";
  }
}

TEST(LearnerImport, DuplicatesAcrossBatchesAreNamedOnceAndInRowOrder) {
  Fixture f(batches_of(2));
  f.run(kHeader + "10012345,Year 12,Ava,Green,GL50 1AA,2008-04-01,," + uln(40) + "\n", "succeeded");
  const json failed =
      f.run(kHeader + "10012345,Year 12,Amelia,Smith,GL50 1AA,2008-04-01,," + uln(41) + "\n" +  // 2
                "10012345,Year 12,Oliver,Jones,GL50 1AA,2008-04-02,,\n" +                       // 3
                "10012345,Year 12,Noah,Hall,GL50 1AA,2008-04-03,,\n" +                          // 4
                "10012345,Year 12,Isla,Brown,GL50 1AA,2008-04-04,," + uln(41) + "\n" +          // 5
                "10012345,Year 12,Mia,Wood,GL50 1AA,2008-04-05,," + uln(40) + "\n" +            // 6
                "10012345,Year 12,Leo,Hill,GL50 1AA,2008-04-06,,\n",                            // 7
            "failed");
  ASSERT_EQ(failed["errors"].size(), 2u) << failed.dump();
  EXPECT_EQ(failed["errors"][0]["row"], 5);
  EXPECT_EQ(failed["errors"][0]["message"], "Row 2 has the same ULN.")
      << "a learner of an earlier batch is the file's, not one already there";
  EXPECT_EQ(failed["errors"][1]["row"], 6);
  EXPECT_EQ(failed["errors"][1]["message"], "A learner with this ULN already exists.");
  EXPECT_EQ(f.learner_total(), 1);
}
