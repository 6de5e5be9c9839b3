// Server-sent event streams in the transport, over real sockets: events written as a producer
// thread sends them (chunked on HTTP/1.1, until close on HTTP/1.0), the end of a stream, a client
// that goes away, HEAD, and a stream that holds no worker thread. Also the stream's own framing.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "http/event_stream.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/sse_client.hpp"

namespace lt::http {
namespace {

using namespace std::chrono_literals;
using test::SseClient;

// A server whose /api/stream hands out one stream at a time to the test through `streams`.
class StreamServer {
 public:
  explicit StreamServer(std::size_t workers = 2) {
    router_.add("GET", "/api/stream", [this](Request&) {
      auto stream = std::make_shared<EventStream>(EventStream::Settings{
          .heartbeat = 10s, .retry = 1500ms, .max_duration = 60s, .max_buffered = 1 << 20});
      stream->on_close([this] { closed_.set_value(); });
      stream->send("hello", "first");
      ready_.set_value(stream);
      return Response::event_stream(stream);
    });
    router_.add("GET", "/api/ping",
                [](Request&) { return Response::text(200, "pong", "text/plain"); });
    ServerSettings settings;
    settings.port = 0;
    settings.access_log = false;
    settings.worker_threads = workers;
    server_ = std::make_unique<Server>(settings, router_, metrics_);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~StreamServer() {
    server_->stop();
    thread_.join();
  }
  unsigned short port() const { return server_->port(); }
  std::shared_ptr<EventStream> stream() {
    auto f = ready_.get_future();
    if (f.wait_for(5s) != std::future_status::ready) return nullptr;
    return f.get();
  }
  bool closed_within(std::chrono::milliseconds timeout) {
    return closed_.get_future().wait_for(timeout) == std::future_status::ready;
  }

 private:
  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::promise<std::shared_ptr<EventStream>> ready_;
  std::promise<void> closed_;
};

TEST(EventStreamFormat, DataLinesEventNamesCommentsAndTheRetryHint) {
  EventStream stream;
  EXPECT_EQ(stream.preamble(), "retry: 3000\n\n");
  EXPECT_TRUE(stream.send("job", "{\"a\":1}"));
  EXPECT_TRUE(stream.send("", "two\nlines"));
  EXPECT_TRUE(stream.comment("ping"));
  bool closed = true;
  EXPECT_EQ(stream.take(closed),
            "event: job\ndata: {\"a\":1}\n\ndata: two\ndata: lines\n\n: ping\n\n");
  EXPECT_FALSE(closed);
  EXPECT_EQ(stream.take(closed), "");
}

TEST(EventStreamFormat, AClientTooFarBehindIsDroppedAndCloseRunsOnce) {
  EventStream stream(EventStream::Settings{.max_buffered = 64});
  int closes = 0;
  stream.on_close([&] { ++closes; });
  EXPECT_TRUE(stream.send("x", std::string(30, 'a')));
  EXPECT_FALSE(stream.send("x", std::string(60, 'b'))) << "over the buffer: the stream closes";
  EXPECT_TRUE(stream.closed());
  EXPECT_FALSE(stream.send("x", "late"));
  stream.finish();
  stream.finish();
  EXPECT_EQ(closes, 1);
}

TEST(EventStreamServer, WritesEventsAsTheyAreSentAndEndsCleanly) {
  StreamServer s;
  SseClient client(s.port(), "/api/stream");
  ASSERT_EQ(client.status(), 200);
  EXPECT_EQ(client.header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(client.header("x-accel-buffering"), "no");
  EXPECT_EQ(client.header("connection"), "close");
  auto stream = s.stream();
  ASSERT_TRUE(stream);
  auto first = client.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->event, "hello");
  EXPECT_EQ(first->data, "first");
  EXPECT_EQ(client.retry_ms(), 1500);

  std::thread producer([stream] {
    for (int i = 0; i < 3; ++i) {
      std::this_thread::sleep_for(30ms);
      stream->send("tick", std::to_string(i));
    }
    stream->close();
  });
  for (int i = 0; i < 3; ++i) {
    auto tick = client.next(2s);
    ASSERT_TRUE(tick) << i;
    EXPECT_EQ(tick->event, "tick");
    EXPECT_EQ(tick->data, std::to_string(i));
  }
  producer.join();
  EXPECT_TRUE(client.wait_for_end(2s));
  EXPECT_TRUE(client.saw_last_chunk());
  EXPECT_TRUE(s.closed_within(2s));
}

TEST(EventStreamServer, Http10GetsTheBodyUntilTheConnectionCloses) {
  StreamServer s;
  SseClient client(s.port(), "/api/stream", {}, true);
  ASSERT_EQ(client.status(), 200);
  EXPECT_FALSE(client.header("transfer-encoding"));
  auto stream = s.stream();
  ASSERT_TRUE(client.next());
  stream->send("tick", "0");
  auto tick = client.next(2s);
  ASSERT_TRUE(tick);
  EXPECT_EQ(tick->data, "0");
  stream->close();
  EXPECT_TRUE(client.wait_for_end(2s));
  EXPECT_TRUE(client.ended());
}

TEST(EventStreamServer, AClientThatGoesAwayEndsTheStreamAtOnce) {
  StreamServer s;
  auto client = std::make_unique<SseClient>(s.port(), "/api/stream");
  ASSERT_EQ(client->status(), 200);
  auto stream = s.stream();
  ASSERT_TRUE(client->next());
  client.reset();
  EXPECT_TRUE(s.closed_within(2s)) << "noticed without waiting for the next write";
  EXPECT_TRUE(stream->closed());
  EXPECT_FALSE(stream->send("late", "nobody listens"));
}

TEST(EventStreamServer, HeadGetsTheHeadersOnly) {
  StreamServer s;
  const std::string response =
      test::raw_exchange(s.port(), "HEAD /api/stream HTTP/1.1\r\nHost: x\r\n\r\n", 2s);
  EXPECT_EQ(test::raw_status(response), 200);
  EXPECT_NE(response.find("text/event-stream"), std::string::npos);
  EXPECT_EQ(response.find("hello"), std::string::npos);
  EXPECT_TRUE(s.closed_within(2s));
}

TEST(EventStreamServer, AnOpenStreamHoldsNoWorkerThread) {
  StreamServer s(1);  // one worker thread
  SseClient client(s.port(), "/api/stream");
  ASSERT_EQ(client.status(), 200);
  test::HttpClient other(s.port());
  auto ping = other.get("/api/ping");
  EXPECT_EQ(ping.status, 200) << "the only worker is free while the stream stays open";
  EXPECT_TRUE(client.next());
}

}  // namespace
}  // namespace lt::http
