// /api/v1/jobs/{id}, /cancel and /result through the real server, with job kinds registered only
// in tests: the shape, progress to the end, cancelling queued and running jobs, result files
// with their type and name, and who may see a job (its requester, tenant administrators; nobody
// else, in no other tenant).
#include <gtest/gtest.h>

#include "support/app/job_kinds.hpp"
#include "support/app/test_app.hpp"

using lt::test::enqueue_as;
using lt::test::TestApp;
using lt::test::wait_for_job;
using lt::test::with_test_jobs;
using nlohmann::json;

namespace {

struct People {
  long long jo = 0, sam = 0;
  std::unique_ptr<lt::test::HttpClient> jo_client, sam_client;
};

// Two learner managers of the same provider: jobs are personal even among colleagues.
People people(TestApp& t) {
  const auto provider = t.create_provider("UCAS Training School", "10012345");
  const json role = {
      {"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", provider}};
  People p;
  p.jo = t.create_user("jo.manager", "Secret123!", {role});
  p.sam = t.create_user("sam.manager", "Secret123!", {role});
  p.jo_client = t.sign_in("jo.manager", "Secret123!");
  p.sam_client = t.sign_in("sam.manager", "Secret123!");
  return p;
}

std::string job_path(long long id, const std::string& rest = "") {
  return "/api/v1/jobs/" + std::to_string(id) + rest;
}

}  // namespace

TEST(JobsApi, TheRequesterWatchesAJobRunToItsResult) {
  TestApp t(with_test_jobs());
  auto p = people(t);
  const auto id = enqueue_as(t, p.jo, "test.echo", {{"n", 5}, {"label", "hello"}});
  const json done = wait_for_job(*p.jo_client, id, "succeeded");
  ASSERT_EQ(done["status"], "succeeded") << done.dump();
  EXPECT_EQ(done["id"], id);
  EXPECT_EQ(done["kind"], "test.echo");
  EXPECT_EQ(done["progress"], (json{{"done", 5}, {"total", 5}}));
  EXPECT_EQ(done["result"], (json{{"n", 5}, {"label", "hello"}}));
  EXPECT_TRUE(done["error"].is_null());
  EXPECT_TRUE(done["result_url"].is_null()) << "this kind stores no file";
  EXPECT_EQ(done["requested_by"], p.jo);
  EXPECT_EQ(done["cancel_requested"], false);
  for (const char* at : {"created_at", "started_at", "finished_at"})
    EXPECT_TRUE(done[at].is_string() && done[at].get<std::string>().ends_with("Z")) << at;
  EXPECT_EQ(p.jo_client->get(job_path(id, "/result")).json()["code"], "no_result");
}

TEST(JobsApi, OnlyTheRequesterAndTenantAdministratorsSeeAJob) {
  TestApp t(with_test_jobs());
  auto p = people(t);
  const auto id = enqueue_as(t, p.jo, "test.echo");
  wait_for_job(*p.jo_client, id, "succeeded");

  EXPECT_EQ(t.client()->get(job_path(id)).status, 401) << "signed out";
  auto colleague = p.sam_client->get(job_path(id));
  EXPECT_EQ(colleague.status, 404) << "another user's job does not exist for them";
  EXPECT_EQ(colleague.json()["code"], "not_found");
  EXPECT_EQ(p.sam_client->post(job_path(id, "/cancel"), "").status, 404);
  EXPECT_EQ(p.sam_client->get(job_path(id, "/result")).status, 404);
  EXPECT_EQ(t.admin()->get(job_path(id)).status, 200) << "the tenant's administrator";

  const auto other_tenant = t.create_tenant("elsewhere");
  t.create_user("other.admin", "Secret123!", {{{"role", "administrator"}}}, std::nullopt,
                other_tenant);
  auto outsider = t.sign_in("other.admin", "Secret123!", "elsewhere");
  EXPECT_EQ(outsider->get(job_path(id)).status, 404) << "another tenant's administrator";
  EXPECT_EQ(outsider->post(job_path(id, "/cancel"), "").status, 404);

  const auto elsewhere = t.create_provider("Another College", "10054321");
  t.create_user(
      "far.manager", "Secret123!",
      {{{"role", "learner_manager"}, {"scope_type", "provider"}, {"scope_id", elsewhere}}});
  EXPECT_EQ(t.sign_in("far.manager", "Secret123!")->get(job_path(id)).status, 404)
      << "a manager at another provider";
  t.create_user("tenant.viewer", "Secret123!", {{{"role", "viewer"}}});
  EXPECT_EQ(t.sign_in("tenant.viewer", "Secret123!")->get(job_path(id)).status, 404)
      << "tenant-wide reading rights are not jobs.manage";
  EXPECT_EQ(p.jo_client->get("/api/v1/jobs/999999").status, 404);
  EXPECT_EQ(p.jo_client->get("/api/v1/jobs/abc").status, 404);
}

TEST(JobsApi, CancellingAQueuedJobEndsItAtOnce) {
  TestApp t(with_test_jobs());
  auto p = people(t);
  // No runner here knows this kind, so the job stays queued.
  const auto id = enqueue_as(t, p.jo, "test.unregistered");
  auto queued = p.jo_client->get(job_path(id));
  EXPECT_EQ(queued.json()["status"], "queued");
  EXPECT_TRUE(queued.json()["started_at"].is_null());

  auto no_origin =
      p.jo_client->post(job_path(id, "/cancel"), "", {{"Origin", "http://evil.example"}});
  EXPECT_EQ(no_origin.status, 403) << "a cross-site cancel is refused";
  EXPECT_EQ(no_origin.json()["code"], "csrf_rejected");

  auto cancelled = p.jo_client->post(job_path(id, "/cancel"), "");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_TRUE(cancelled.json()["finished_at"].is_string());
  auto again = p.jo_client->post(job_path(id, "/cancel"), "");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["code"], "job_finished");

  auto audit = t.admin()->get("/api/v1/audit?entity_type=job&entity_id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200);
  const json events = audit.json()["items"];
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["action"], "job.cancelled");
  EXPECT_EQ(events[0]["actor_id"], p.jo);
  EXPECT_EQ(events[1]["action"], "job.queued");
}

TEST(JobsApi, CancellingARunningJobStopsItAtItsNextCheck) {
  TestApp t(with_test_jobs());
  auto p = people(t);
  const auto id = enqueue_as(t, p.jo, "test.wait");
  const json running = wait_for_job(*p.jo_client, id, "running");
  ASSERT_EQ(running["status"], "running");
  auto admin = t.admin();
  auto asked = admin->post(job_path(id, "/cancel"), "");
  ASSERT_EQ(asked.status, 200) << "administrators may cancel anyone's job";
  EXPECT_EQ(asked.json()["cancel_requested"], true);
  const json cancelled = wait_for_job(*p.jo_client, id, "cancelled");
  EXPECT_EQ(cancelled["status"], "cancelled");
  EXPECT_EQ(cancelled["progress"]["done"], 1);
}

TEST(JobsApi, AResultFileIsDownloadedWithItsTypeAndName) {
  TestApp t(with_test_jobs());
  auto p = people(t);
  const auto id = enqueue_as(t, p.jo, "test.file", {{"filename", "Year 11 \"list\" é.csv"}});
  const json done = wait_for_job(*p.jo_client, id, "succeeded");
  ASSERT_EQ(done["result_url"], job_path(id, "/result"));
  auto file = p.jo_client->get(job_path(id, "/result"));
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "name,count\nJo,1\n");
  EXPECT_EQ(file.header("content-type"), "text/csv");
  EXPECT_EQ(file.header("content-disposition"),
            "attachment; filename=\"Year 11 _list_ __.csv\"; "
            "filename*=UTF-8''Year%2011%20%22list%22%20%C3%A9.csv");
  EXPECT_EQ(file.header("cache-control"), "no-store");
  EXPECT_EQ(t.admin()->get(job_path(id, "/result")).status, 200);
}
