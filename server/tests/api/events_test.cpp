// GET /api/v1/events read by a real streaming client: the current unread count first, then live
// job progress for the signed-in user's own jobs (never anyone else's) and unread counts as
// notifications arrive; heartbeats while idle; a limit on open streams per user; streams that
// end on time and when the server stops.
#include <gtest/gtest.h>

#include "services/notifications.hpp"
#include "support/app/job_kinds.hpp"
#include "support/app/test_app.hpp"
#include "support/sse_client.hpp"

using namespace std::chrono_literals;
using lt::test::enqueue_as;
using lt::test::SseClient;
using lt::test::TestApp;
using nlohmann::json;

namespace {

struct Signed {
  long long id = 0;
  std::unique_ptr<lt::test::HttpClient> client;
  lt::test::Headers cookie() const {
    return {{"Cookie", "lt_session=" + *client->cookie("lt_session")}};
  }
};

Signed user(TestApp& t, const std::string& name) {
  Signed s;
  s.id = t.create_user(name, "Secret123!", {{{"role", "viewer"}}});
  s.client = t.sign_in(name, "Secret123!");
  return s;
}

void notify(TestApp& t, long long user_id) {
  t.app().db().write([&](soci::session& sql) {
    lt::services::notify(sql, t.app().deps(), t.tenant_id(), user_id, "test", "Something new", "",
                         "");
  });
}

}  // namespace

TEST(EventsApi, SignedOutCallersGetNoStream) {
  TestApp t;
  auto response = t.client()->get("/api/v1/events");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.json()["code"], "unauthenticated");
}

TEST(EventsApi, StreamsTheUnreadCountAndTheUsersOwnJobs) {
  TestApp t(lt::test::with_test_jobs());
  auto jo = user(t, "jo.viewer");
  auto sam = user(t, "sam.viewer");
  SseClient stream(t.port(), "/api/v1/events", jo.cookie());
  ASSERT_EQ(stream.status(), 200);
  EXPECT_EQ(stream.header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(stream.header("cache-control"), "no-store");
  EXPECT_EQ(stream.header("transfer-encoding"), "chunked");
  EXPECT_TRUE(stream.header("x-request-id"));

  auto first = stream.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->event, "notification");
  EXPECT_EQ(json::parse(first->data), (json{{"unread", 0}}));
  EXPECT_EQ(stream.retry_ms(), 3000);

  enqueue_as(t, sam.id, "test.echo", {{"n", 2}});  // someone else's: never on jo's stream
  const auto id = enqueue_as(t, jo.id, "test.echo", {{"n", 3}, {"pause_ms", 20}});
  std::vector<json> seen;
  while (auto event = stream.next_of("job")) {
    const json data = json::parse(event->data);
    EXPECT_EQ(data["id"], id) << data.dump();
    seen.push_back(data);
    if (data["status"] == "succeeded") break;
  }
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front()["status"], "queued");
  EXPECT_EQ(seen.back()["status"], "succeeded");
  EXPECT_EQ(seen.back()["progress"], (json{{"done", 3}, {"total", 3}}));
  EXPECT_EQ(seen.back()["kind"], "test.echo");
  bool saw_progress = false;
  for (const auto& e : seen)
    if (e["status"] == "running" && e["progress"]["done"] == 2) saw_progress = true;
  EXPECT_TRUE(saw_progress) << "progress arrives while the job runs";

  notify(t, jo.id);
  auto unread = stream.next_of("notification");
  ASSERT_TRUE(unread);
  EXPECT_EQ(json::parse(unread->data), (json{{"unread", 1}}));
  ASSERT_EQ(jo.client->post("/api/v1/notifications/read-all", "").status, 200);
  unread = stream.next_of("notification");
  ASSERT_TRUE(unread);
  EXPECT_EQ(json::parse(unread->data), (json{{"unread", 0}})) << "marking read tells the stream";
}

TEST(EventsApi, HeartbeatsKeepAnIdleStreamOpen) {
  TestApp t({.before_listen = [](lt::app::Application& app) {
    app.event_stream_settings().heartbeat = 100ms;
  }});
  auto jo = user(t, "jo.viewer");
  SseClient stream(t.port(), "/api/v1/events", jo.cookie());
  ASSERT_EQ(stream.status(), 200);
  ASSERT_TRUE(stream.next());  // the unread count
  EXPECT_FALSE(stream.next(450ms)) << "no events while nothing happens";
  EXPECT_GE(stream.comments().size(), 2u) << "but a heartbeat every 100 ms";
  EXPECT_EQ(stream.comments().front(), "heartbeat");
}

TEST(EventsApi, OpenStreamsPerUserAreLimited) {
  TestApp t({.before_listen = [](lt::app::Application& app) { app.max_streams_per_user() = 2; }});
  auto jo = user(t, "jo.viewer");
  auto sam = user(t, "sam.viewer");
  auto one = std::make_unique<SseClient>(t.port(), "/api/v1/events", jo.cookie());
  SseClient two(t.port(), "/api/v1/events", jo.cookie());
  ASSERT_EQ(one->status(), 200);
  ASSERT_EQ(two.status(), 200);
  auto three = jo.client->get("/api/v1/events");
  EXPECT_EQ(three.status, 429);
  EXPECT_EQ(three.json()["code"], "too_many_streams");
  EXPECT_EQ(three.header("retry-after"), "30");
  SseClient other_user(t.port(), "/api/v1/events", sam.cookie());
  EXPECT_EQ(other_user.status(), 200) << "the limit is per user";

  one.reset();  // the client goes away: the server notices and frees the slot
  bool reopened = false;
  for (int i = 0; i < 100 && !reopened; ++i) {
    SseClient again(t.port(), "/api/v1/events", jo.cookie());
    reopened = again.status() == 200;
    if (!reopened) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(reopened);
}

TEST(EventsApi, AStreamEndsAfterItsLifetimeSoTheClientReconnectsAndIsCheckedAgain) {
  TestApp t({.before_listen = [](lt::app::Application& app) {
    app.event_stream_settings().max_duration = 300ms;
  }});
  auto jo = user(t, "jo.viewer");
  SseClient stream(t.port(), "/api/v1/events", jo.cookie());
  ASSERT_EQ(stream.status(), 200);
  EXPECT_TRUE(stream.wait_for_end(3s));
  EXPECT_TRUE(stream.saw_last_chunk()) << "a clean end of the response";
  // Signed out, the reconnection is refused.
  ASSERT_EQ(jo.client->del("/api/v1/session").status, 204);
  SseClient again(t.port(), "/api/v1/events", jo.cookie());
  EXPECT_EQ(again.status(), 401);
}

TEST(EventsApi, StoppingTheServerEndsOpenStreamsPromptly) {
  auto t = std::make_unique<TestApp>();
  auto jo = user(*t, "jo.viewer");
  SseClient stream(t->port(), "/api/v1/events", jo.cookie());
  ASSERT_EQ(stream.status(), 200);
  ASSERT_TRUE(stream.next());
  const auto started = std::chrono::steady_clock::now();
  t.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s)
      << "an open stream does not hold shutdown for the grace period";
  EXPECT_TRUE(stream.wait_for_end(1s));
}
