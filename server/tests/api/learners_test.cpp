// Learner records over /api/v1/learners and /api/v1/dashboard (manual 4, 5.1, 5.2, 6), with the
// scope denials: another provider's learner, another tenant, a learner reading another learner.
#include <gtest/gtest.h>

#include <set>

#include "support/app/test_app.hpp"

using lt::test::TestApp;
using nlohmann::json;

namespace {

json learner(const std::string& username, long long provider, json extra = json::object()) {
  json body = {{"username", username},   {"password", "Start123"},        {"first_name", "Bob"},
               {"last_name", "Learner"}, {"date_of_birth", "2008-04-01"}, {"year_group", "year_12"},
               {"provider_id", provider}};
  body.update(extra);
  return body;
}

std::set<std::string> error_fields(const lt::test::HttpResponse& r) {
  std::set<std::string> fields;
  const json errors = r.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  return fields;
}

std::string path(long long id, const std::string& tail = "") {
  return "/api/v1/learners/" + std::to_string(id) + tail;
}

}  // namespace

TEST(Learners, CreateWithEveryFieldThenReadIt) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  auto created = admin->post("/api/v1/learners", learner("bob.learner1", provider,
                                                         {{"email", "Bob@Example.org"},
                                                          {"profile_sign_off", "yes"},
                                                          {"manager_adds_qualifications", "no"},
                                                          {"house", "12"},
                                                          {"street", "High Street"},
                                                          {"town", "Cheltenham"},
                                                          {"postcode", "gl50 3sh"},
                                                          {"telephone", "01632 960001"},
                                                          {"uln", "9276308686"},
                                                          {"upn", "b801200005001"},
                                                          {"ccis", "ab123"},
                                                          {"gender", "male"},
                                                          {"ethnicity", "31"}})
                                                     .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const json l = created.json();
  EXPECT_EQ(l["postcode"], "GL50 3SH");
  EXPECT_EQ(l["upn"], "B801200005001");
  EXPECT_EQ(l["email"], "Bob@example.org");
  EXPECT_EQ(l["provider_name"], "UCAS Training School");
  EXPECT_EQ(l["must_change_password"], true);
  EXPECT_EQ(l["sections"]["key_information"], "incomplete");
  EXPECT_EQ(l["version"], 1);
  EXPECT_EQ(admin->get(path(l["id"])).json()["uln"], "9276308686");

  auto signed_in = t.client()->post(
      "/api/v1/session", json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  ASSERT_EQ(signed_in.status, 200) << "the learner can sign in";
  EXPECT_EQ(signed_in.json()["must_change_password"], true);
}

TEST(Learners, EveryBadFieldIsNamedAndNothingIsWritten) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  auto bad = admin->post("/api/v1/learners", json{{"username", "bob"},
                                                  {"password", "short"},
                                                  {"first_name", ""},
                                                  {"date_of_birth", "2030-01-01"},
                                                  {"email", "not-an-email"},
                                                  {"year_group", "year_99"},
                                                  {"provider_id", provider + 100},
                                                  {"profile_sign_off", "maybe"},
                                                  {"postcode", "NOWHERE"},
                                                  {"telephone", "12345"},
                                                  {"uln", "1234567890"},
                                                  {"upn", "A801200005001"},
                                                  {"gender", "other"},
                                                  {"ethnicity", "12"}}
                                                 .dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(
      error_fields(bad),
      (std::set<std::string>{"username", "password", "first_name", "last_name", "date_of_birth",
                             "email", "year_group", "provider_id", "profile_sign_off", "postcode",
                             "telephone", "uln", "upn", "gender", "ethnicity"}));
  EXPECT_EQ(admin->get("/api/v1/learners").json()["total"], 0);
  ASSERT_EQ(admin->post("/api/v1/learners", learner("bob.learner1", provider).dump()).status, 201);
  auto duplicate = admin->post("/api/v1/learners", learner("BOB.LEARNER1", provider).dump());
  EXPECT_EQ(duplicate.json()["errors"][0]["code"], "username_taken");
}

TEST(Learners, SearchIsACaseInsensitivePrefixOverNamesUsernameEmailAndUln) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  admin->post("/api/v1/learners",
              learner("paul.m1", provider,
                      {{"first_name", "Paul"}, {"last_name", "Marmoshon"}, {"uln", "1000000043"}})
                  .dump());
  admin->post("/api/v1/learners",
              learner("ann.smith", provider,
                      {{"first_name", "Ann"}, {"last_name", "Smith"}, {"email", "ann@school.org"}})
                  .dump());
  admin->post(
      "/api/v1/learners",
      learner("zed.jones", provider, {{"first_name", "Zed"}, {"last_name", "Jones"}}).dump());
  auto total = [&](const std::string& q) {
    return admin->get("/api/v1/learners?q=" + q).json()["total"].get<long long>();
  };
  EXPECT_EQ(total("marm"), 1);
  EXPECT_EQ(total("PAUL"), 1);
  EXPECT_EQ(total("ann%40"), 1) << "email prefix";
  EXPECT_EQ(total("1000000"), 1) << "ULN prefix";
  EXPECT_EQ(total("mosh"), 0) << "prefix, not substring";
  auto page = admin->get("/api/v1/learners?limit=2");
  const json first = page.json();
  ASSERT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["items"][0]["last_name"], "Jones") << "sorted by last name";
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto rest =
      admin->get("/api/v1/learners?limit=2&cursor=" + first["next_cursor"].get<std::string>());
  ASSERT_EQ(rest.json()["items"].size(), 1u);
  EXPECT_EQ(rest.json()["items"][0]["last_name"], "Smith");
  EXPECT_EQ(admin->get("/api/v1/learners?status=sleeping").status, 422);
}

// A search's page is read from the surname range alone when no other range has a learner after
// the cursor, and from the union of ranges otherwise: paging must give every match once, in order,
// whichever way each page is read.
TEST(Learners, ASearchPagesThroughMatchesOfEveryRangeInOrder) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const std::vector<std::pair<std::string, json>> made = {
      {"abbot.s", {{"first_name", "Sam"}, {"last_name", "Abbot"}}},  // first name
      {"sa.carr", {{"first_name", "Bea"}, {"last_name", "Carr"}}},   // username
      {"col.dunn", {{"first_name", "Col"}, {"last_name", "Dunn"}, {"email", "sal@x.org"}}},
      {"ann.sadler", {{"first_name", "Ann"}, {"last_name", "Sadler"}}},  // surname
      {"zoe.salt", {{"first_name", "Zoe"}, {"last_name", "Salt"}}},      // surname
      {"non.match", {{"first_name", "Non"}, {"last_name", "Match"}}}};
  for (const auto& [username, fields] : made)
    ASSERT_EQ(admin->post("/api/v1/learners", learner(username, provider, fields).dump()).status,
              201);
  auto pages = [&](const std::string& sort) {
    std::vector<std::string> names;
    std::string cursor;
    for (int page = 0; page < 5; ++page) {
      const json body = admin
                            ->get("/api/v1/learners?q=SA&limit=2&view=summary&sort=" + sort +
                                  (cursor.empty() ? "" : "&cursor=" + cursor))
                            .json();
      EXPECT_EQ(body["total"], 5);
      for (const auto& item : body["items"]) names.push_back(item["last_name"]);
      if (!body["next_cursor"].is_string()) break;
      cursor = body["next_cursor"];
    }
    return names;
  };
  EXPECT_EQ(pages("last_name"),
            (std::vector<std::string>{"Abbot", "Carr", "Dunn", "Sadler", "Salt"}));
  EXPECT_EQ(pages("-last_name"),
            (std::vector<std::string>{"Salt", "Sadler", "Dunn", "Carr", "Abbot"}));
}

TEST(Learners, TheSummaryViewHasWhatTheListShowsAndNoMore) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  for (const char* name : {"ann.smith", "bea.smith", "cal.smith"})
    ASSERT_EQ(admin
                  ->post("/api/v1/learners", learner(name, provider,
                                                     {{"last_name", "Smith"},
                                                      {"house", "12"},
                                                      {"postcode", "GL50 3SH"},
                                                      {"uln", "9276308686"},
                                                      {"email", std::string(name) + "@x.org"}})
                                                 .dump())
                  .status,
              201);
  const json full = admin->get("/api/v1/learners?q=smi&limit=2").json();
  const json summary = admin->get("/api/v1/learners?q=smi&limit=2&view=summary").json();
  ASSERT_EQ(summary["items"].size(), 2u);
  EXPECT_EQ(summary["total"], full["total"]);
  EXPECT_EQ(summary["next_cursor"], full["next_cursor"]);
  const std::set<std::string> shown = {
      "id",       "user_id",    "username",      "first_name",    "last_name",
      "email",    "year_group", "provider_id",   "provider_name", "uln",
      "sections", "approval",   "last_login_at", "locked",        "must_change_password",
      "version"};
  for (std::size_t i = 0; i < 2; ++i) {
    const json& item = summary["items"][i];
    std::set<std::string> keys;
    for (const auto& [key, value] : item.items()) {
      keys.insert(key);
      EXPECT_EQ(value, full["items"][i][key]) << key << " as in the full view";
    }
    EXPECT_EQ(keys, shown) << "no address, date of birth or other personal detail";
  }
  const json next = admin
                        ->get("/api/v1/learners?q=smi&limit=2&view=summary&cursor=" +
                              summary["next_cursor"].get<std::string>())
                        .json();
  ASSERT_EQ(next["items"].size(), 1u);
  EXPECT_EQ(next["items"][0]["username"], "cal.smith");
  EXPECT_EQ(next["items"][0].count("postcode"), 0u);

  auto bad = admin->get("/api/v1/learners?view=everything");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(error_fields(bad), std::set<std::string>{"view"});
  EXPECT_EQ(t.client()->get("/api/v1/learners?view=summary").status, 401);
}

TEST(Learners, DashboardCountsEqualTheFilteredListTotals) {
  TestApp t;
  const auto adds_own = t.create_provider("Own Quals College", "10000001");
  const auto manager_adds = t.create_provider("Manager Quals School", "10000002");
  auto admin = t.admin();
  admin->post("/api/v1/learners", learner("learner.one", adds_own).dump());
  admin->post("/api/v1/learners",
              learner("learner.two", adds_own, {{"manager_adds_qualifications", "yes"}}).dump());
  auto three =
      admin->post("/api/v1/learners", learner("learner.three", manager_adds).dump()).json();
  admin->patch("/api/v1/providers/" + std::to_string(manager_adds),
               json{{"learners_add_qualifications", false}, {"version", 1}}.dump());
  // learner.three signs in once; learner.one gets locked out.
  t.client()->post("/api/v1/session",
                   json{{"username", "learner.three"}, {"password", "Start123"}}.dump());
  for (int i = 0; i < 5; ++i)
    t.client()->post("/api/v1/session",
                     json{{"username", "learner.one"}, {"password", "wrong999"}}.dump());

  auto dashboard = admin->get("/api/v1/dashboard");
  ASSERT_EQ(dashboard.status, 200);
  const json counts = dashboard.json()["counts"];
  EXPECT_EQ(counts["learners"], 3);
  EXPECT_EQ(counts["never_logged_in"], 2);
  EXPECT_EQ(counts["locked_out"], 1);
  EXPECT_EQ(counts["incomplete_profile"], 3);
  EXPECT_EQ(counts["awaiting_qualifications"], 2)
      << "learner.two (yes) and learner.three (provider default)";
  EXPECT_EQ(counts["awaiting_approval"], 0);
  for (const auto& [status, count] : counts.items()) {
    if (status == "learners") continue;
    EXPECT_EQ(admin->get("/api/v1/learners?status=" + status).json()["total"], count) << status;
  }
  (void)three;
}

TEST(Learners, EditDeleteResetPasswordAndUnlock) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  const json l = admin->post("/api/v1/learners", learner("bob.learner1", provider).dump()).json();
  const long long id = l["id"];
  auto edited = admin->patch(
      path(id),
      json{{"last_name", "Learner-Smith"}, {"postcode", "sw1a1aa"}, {"version", 1}}.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["last_name"], "Learner-Smith");
  EXPECT_EQ(edited.json()["postcode"], "SW1A 1AA");
  EXPECT_EQ(admin->patch(path(id), json{{"town", "Stale"}, {"version", 1}}.dump()).status, 409);
  auto invalid = admin->patch(path(id), json{{"uln", "123"}, {"version", 2}}.dump());
  EXPECT_EQ(invalid.json()["errors"][0]["field"], "uln");

  for (int i = 0; i < 5; ++i)
    t.client()->post("/api/v1/session",
                     json{{"username", "bob.learner1"}, {"password", "wrong999"}}.dump());
  EXPECT_EQ(admin->get(path(id)).json()["locked"], true);
  EXPECT_EQ(admin->post(path(id, "/unlock"), "").json()["locked"], false);

  auto reset = admin->post(path(id, "/reset-password"), "");
  ASSERT_EQ(reset.status, 200);
  const std::string password = reset.json()["password"];
  auto with_new = t.client()->post(
      "/api/v1/session", json{{"username", "bob.learner1"}, {"password", password}}.dump());
  ASSERT_EQ(with_new.status, 200);
  EXPECT_EQ(with_new.json()["must_change_password"], true);
  EXPECT_EQ(admin->get("/api/v1/audit?entity_type=learner&entity_id=" + std::to_string(id))
                .body.find(password),
            std::string::npos)
      << "the password is never audited";

  ASSERT_EQ(admin->del(path(id)).status, 204);
  EXPECT_EQ(admin->get(path(id)).status, 404);
  EXPECT_EQ(admin->get("/api/v1/learners").json()["total"], 0);
  EXPECT_EQ(t.client()
                ->post("/api/v1/session",
                       json{{"username", "bob.learner1"}, {"password", password}}.dump())
                .status,
            401)
      << "a deleted learner cannot sign in";
  auto events =
      admin->get("/api/v1/audit?entity_type=learner&entity_id=" + std::to_string(id)).json();
  EXPECT_EQ(events["items"][0]["action"], "learner.deleted");
}

TEST(Learners, ScopeDenials) {
  TestApp t;
  const auto mine = t.create_provider("Mine College", "10000001");
  const auto theirs = t.create_provider("Their College", "10000002");
  auto admin = t.admin();
  const long long their_learner =
      admin->post("/api/v1/learners", learner("their.learner", theirs).dump()).json()["id"];
  const long long my_learner =
      admin->post("/api/v1/learners", learner("my.learner", mine).dump()).json()["id"];

  t.create_user("lm.mine", "Secret12",
                {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", mine}}});
  auto lm = t.sign_in("lm.mine", "Secret12");
  EXPECT_EQ(lm->get("/api/v1/learners").json()["total"], 1);
  EXPECT_EQ(lm->get("/api/v1/dashboard").json()["counts"]["learners"], 1);
  EXPECT_EQ(lm->get(path(my_learner)).status, 200);
  EXPECT_EQ(lm->get(path(their_learner)).status, 404);
  EXPECT_EQ(lm->patch(path(their_learner), json{{"town", "X"}, {"version", 1}}.dump()).status, 404);
  EXPECT_EQ(lm->del(path(their_learner)).status, 404);
  EXPECT_EQ(lm->post(path(their_learner, "/reset-password"), "").status, 404);
  auto elsewhere = lm->post("/api/v1/learners", learner("sneaky.one", theirs).dump());
  EXPECT_EQ(elsewhere.json()["errors"][0]["field"], "provider_id");
  EXPECT_EQ(lm->post("/api/v1/learners", learner("new.one", mine).dump()).status, 201);

  t.create_user("um.only", "Secret12", {{{"role", "user_manager"}}});
  auto um = t.sign_in("um.only", "Secret12");
  EXPECT_EQ(um->get("/api/v1/learners").status, 403);
  EXPECT_EQ(um->get("/api/v1/dashboard").status, 403);
  EXPECT_EQ(um->get(path(my_learner)).status, 403);

  t.create_user("tutor.mine", "Secret12",
                {{{"role", "tutor"}, {"scope_type", "provider"}, {"scope_id", mine}}});
  auto tutor = t.sign_in("tutor.mine", "Secret12");
  EXPECT_EQ(tutor->get(path(my_learner)).status, 200) << "tutors may look";
  EXPECT_EQ(tutor->del(path(my_learner)).status, 403) << "but not delete";

  // A learner reading another learner.
  auto bob = t.client();
  bob->post("/api/v1/session", json{{"username", "my.learner"}, {"password", "Start123"}}.dump());
  bob->put("/api/v1/me/password",
           json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump());
  EXPECT_EQ(bob->get(path(their_learner)).status, 403);
  EXPECT_EQ(bob->get("/api/v1/learners").status, 403);

  const auto other = t.create_tenant("other-college");
  t.create_user("their.admin", "Secret12", {{{"role", "administrator"}}}, std::nullopt, other);
  auto other_admin = t.sign_in("their.admin", "Secret12", "other-college");
  EXPECT_EQ(other_admin->get(path(my_learner)).status, 404);
  EXPECT_EQ(other_admin->get("/api/v1/learners").json()["total"], 0);
}

TEST(Learners, ALearnersOwnAccountChangesKeepSearchInStep) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  admin->post("/api/v1/learners", learner("bob.learner1", provider).dump());
  auto bob = t.client();
  bob->post("/api/v1/session", json{{"username", "bob.learner1"}, {"password", "Start123"}}.dump());
  ASSERT_EQ(bob->put("/api/v1/me/password",
                     json{{"current_password", "Start123"}, {"new_password", "Mine1234"}}.dump())
                .status,
            200);
  const int version = bob->get("/api/v1/me").json()["user"]["version"];
  ASSERT_EQ(
      bob->patch("/api/v1/me", json{{"last_name", "Zebedee"}, {"version", version}}.dump()).status,
      200);
  EXPECT_EQ(admin->get("/api/v1/learners?q=zeb").json()["total"], 1);
  EXPECT_EQ(admin->get("/api/v1/learners?q=learner").json()["total"], 0);
  ASSERT_EQ(bob->put("/api/v1/me/username", json{{"username", "robert.z"}}.dump()).status, 200);
  EXPECT_EQ(admin->get("/api/v1/learners?q=robert").json()["items"][0]["username"], "robert.z");
}

TEST(Learners, SortsEveryWayAndPagesWithinTheOrder) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  for (const auto& [username, last] : std::vector<std::pair<std::string, std::string>>{
           {"c.user1", "Adams"}, {"a.user2", "Cole"}, {"b.user3", "Baker"}})
    admin->post("/api/v1/learners", learner(username, provider, {{"last_name", last}}).dump());
  auto order = [&](const std::string& sort) {
    std::vector<std::string> names;
    std::string cursor;
    do {  // two per page, so each order also pages across its own keys
      auto page = admin
                      ->get("/api/v1/learners?limit=2&sort=" + sort +
                            (cursor.empty() ? "" : "&cursor=" + cursor))
                      .json();
      for (const auto& l : page["items"]) names.push_back(l["last_name"].get<std::string>());
      cursor = page["next_cursor"].is_string() ? page["next_cursor"].get<std::string>() : "";
    } while (!cursor.empty());
    return names;
  };
  EXPECT_EQ(order("last_name"), (std::vector<std::string>{"Adams", "Baker", "Cole"}));
  EXPECT_EQ(order("-last_name"), (std::vector<std::string>{"Cole", "Baker", "Adams"}));
  EXPECT_EQ(order("created_at"), (std::vector<std::string>{"Adams", "Cole", "Baker"}));
  EXPECT_EQ(order("-created_at"), (std::vector<std::string>{"Baker", "Cole", "Adams"}));
  EXPECT_EQ(order("username"), (std::vector<std::string>{"Cole", "Baker", "Adams"}));
  auto bad = admin->get("/api/v1/learners?sort=shoe_size");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["code"], "invalid_sort");
}

// A page that starts among learners sharing the cursor's last name reads the rest of them, then
// those after: every learner once, in order, whatever the page size and direction.
TEST(Learners, PagesAcrossLearnersSharingALastNameMissNoneAndRepeatNone) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  std::vector<long long> ids;  // in creation order, so in id order within a last name
  for (const auto& [username, last] :
       std::vector<std::pair<std::string, std::string>>{{"smith.one", "Smith"},
                                                        {"adams.one", "Adams"},
                                                        {"smith.two", "Smith"},
                                                        {"young.one", "Young"},
                                                        {"smith.three", "Smith"},
                                                        {"smith.four", "Smith"},
                                                        {"baker.one", "Baker"}})
    ids.push_back(
        admin->post("/api/v1/learners", learner(username, provider, {{"last_name", last}}).dump())
            .json()["id"]
            .get<long long>());
  const std::vector<long long> ascending = {ids[1], ids[6], ids[0], ids[2], ids[4], ids[5], ids[3]};
  const std::vector<long long> descending(ascending.rbegin(), ascending.rend());
  for (const std::string view : {"full", "summary"}) {
    for (int limit = 1; limit <= 4; ++limit) {
      for (const auto& [sort, expected] : {std::pair{std::string("last_name"), ascending},
                                           {std::string("-last_name"), descending}}) {
        std::vector<long long> seen;
        std::string cursor;
        do {
          const json page = admin
                                ->get("/api/v1/learners?view=" + view + "&sort=" + sort +
                                      "&limit=" + std::to_string(limit) +
                                      (cursor.empty() ? "" : "&cursor=" + cursor))
                                .json();
          for (const auto& l : page["items"]) seen.push_back(l["id"].get<long long>());
          cursor = page["next_cursor"].is_string() ? page["next_cursor"].get<std::string>() : "";
        } while (!cursor.empty() && seen.size() < 20);
        EXPECT_EQ(seen, expected) << sort << ", " << limit << " a page, " << view;
      }
    }
  }
}

TEST(Learners, CountedTotalsAreRememberedAcrossPagesAndFollowEveryChange) {
  TestApp t;
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  auto admin = t.admin();
  std::vector<long long> ids;
  for (int i = 0; i < 3; ++i)
    ids.push_back(
        admin
            ->post("/api/v1/learners", learner("ann.smith" + std::to_string(i), provider,
                                               {{"first_name", "Ann"}, {"last_name", "Smith"}})
                                           .dump())
            .json()["id"]
            .get<long long>());
  auto search = [&](const std::string& tail) {
    return admin->get("/api/v1/learners?q=smi&limit=2" + tail).json();
  };
  const json first = search("");
  EXPECT_EQ(first["total"], 3);
  const json second = search("&cursor=" + first["next_cursor"].get<std::string>());
  EXPECT_EQ(second["total"], 3) << "a later page gives the same total";
  EXPECT_EQ(second["items"].size(), 1u);

  // Each change shows in the very next answer: a new match, an edit, a deletion.
  admin->post(
      "/api/v1/learners",
      learner("sam.smith", provider, {{"first_name", "Sam"}, {"last_name", "Smithers"}}).dump());
  EXPECT_EQ(search("")["total"], 4);
  const json ann = admin->get(path(ids[0])).json();
  ASSERT_EQ(
      admin->patch(path(ids[0]), json{{"last_name", "Jones"}, {"version", ann["version"]}}.dump())
          .status,
      200);
  EXPECT_EQ(search("")["total"], 3);
  ASSERT_EQ(admin->del(path(ids[1])).status, 204);
  EXPECT_EQ(search("")["total"], 2);
  EXPECT_EQ(admin->get("/api/v1/learners?q=jon").json()["total"], 1)
      << "another search has a total of its own";
}
