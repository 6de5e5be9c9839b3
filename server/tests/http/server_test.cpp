// The real server over real sockets: keep-alive, request ids, headers, limits, malformed input,
// saturation (503), graceful stop, static files, metrics.
#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <latch>
#include <sstream>
#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "http/metrics.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"

namespace lt::http {
namespace {

using namespace std::chrono_literals;
using test::HttpClient;
using test::raw_exchange;
using test::raw_status;

// A Server on an ephemeral port, run on its own thread; stopped and joined on destruction.
class RunningServer {
 public:
  RunningServer(Router router, ServerSettings settings = {}, bool access_log = false)
      : router_(std::move(router)) {
    settings.port = 0;
    settings.access_log = access_log;
    server_ = std::make_unique<Server>(settings, router_, metrics_);
    std::promise<void> listening;
    auto ready = listening.get_future();
    server_->on_listening([&listening] { listening.set_value(); });
    thread_ = std::thread([this] { server_->run(); });
    ready.wait();
  }
  ~RunningServer() { stop(); }
  void stop() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }
  std::thread& thread() { return thread_; }
  Server& server() { return *server_; }
  unsigned short port() const { return server_->port(); }
  Metrics& metrics() { return metrics_; }

 private:
  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

Router basic_router() {
  Router r;
  r.add("GET", "/api/ping", [](Request&) { return Response::text(200, "pong", "text/plain"); });
  r.add("GET", "/healthz", [](Request&) { return Response::text(200, "ok", "text/plain"); });
  r.add("GET", "/api/echo/{word}", [](Request& req) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [k, v] : req.headers) headers[k] = v;
    return Response::json(200, {{"method", req.method},
                                {"target", req.target},
                                {"path", req.path},
                                {"word", req.param("word")},
                                {"q", req.query_param("q").value_or("<none>")},
                                {"x", req.query_param("x").value_or("<none>")},
                                {"request_id", req.request_id},
                                {"remote_ip", req.remote_ip},
                                {"headers", headers}});
  });
  r.add("POST", "/api/body", [](Request& req) {
    return Response::json(200, {{"size", req.body.size()}, {"request_id", req.request_id}});
  });
  r.add("GET", "/api/cached", [](Request&) {
    auto res = Response::text(200, "x", "text/plain");
    res.set_header("Cache-Control", "max-age=60");
    return res;
  });
  r.add("GET", "/api/throws", [](Request&) -> Response {
    throw std::runtime_error("secret database password is hunter2");
  });
  r.add("POST", "/api/session", [](Request&) {
    auto res = Response::empty(204);
    res.headers.emplace_back("Set-Cookie", "lt_session=s3cr3t; Path=/; HttpOnly; SameSite=Lax");
    res.headers.emplace_back("Set-Cookie", "theme=dark; Path=/");
    return res;
  });
  r.add("GET", "/api/whoami", [](Request& req) {
    auto res = Response::text(200, req.cookie("lt_session").value_or("anonymous"), "text/plain");
    res.user = "tester";
    return res;
  });
  return r;
}

TEST(Server, BindsEphemeralPortBeforeRun) {
  Router router;
  Metrics metrics;
  ServerSettings settings;
  settings.port = 0;
  Server server(settings, router, metrics);
  EXPECT_NE(server.port(), 0);
}

TEST(Server, KeepAliveServesTwoRequestsOnOneConnection) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto first = client.get("/api/ping");
  auto second = client.get("/api/ping");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "pong");
  EXPECT_EQ(first.new_connections, 1);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.new_connections, 0) << "the second request should reuse the connection";
}

TEST(Server, PipelinedRequestsOnOneRawConnection) {
  RunningServer s(basic_router());
  auto out = raw_exchange(s.port(),
                          "GET /api/ping HTTP/1.1\r\nHost: x\r\n\r\n"
                          "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw_status(out), 200);
  auto second = out.find("HTTP/1.1 200", 5);
  ASSERT_NE(second, std::string::npos) << out;
  EXPECT_NE(out.find("pong"), std::string::npos);
  EXPECT_NE(out.find("\r\n\r\nok"), std::string::npos) << out;
}

TEST(Server, FillsRequestFromTheWire) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto res = client.get("/api/echo/hello%20world?q=a+b&x=%26", {{"X-Custom", "Value"}});
  ASSERT_EQ(res.status, 200) << res.body;
  auto body = res.json();
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["target"], "/api/echo/hello%20world?q=a+b&x=%26");
  EXPECT_EQ(body["path"], "/api/echo/hello world");
  EXPECT_EQ(body["word"], "hello world");
  EXPECT_EQ(body["q"], "a b");
  EXPECT_EQ(body["x"], "&");
  EXPECT_EQ(body["remote_ip"], "127.0.0.1");
  EXPECT_EQ(body["headers"]["x-custom"], "Value");
}

TEST(Server, EchoesSaneRequestIdAndGeneratesOtherwise) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto given = client.get("/api/echo/a", {{"X-Request-Id", "trace-42.a_b"}});
  EXPECT_EQ(given.header("x-request-id"), "trace-42.a_b");
  EXPECT_EQ(given.json()["request_id"], "trace-42.a_b");

  auto insane = client.get("/api/echo/a", {{"X-Request-Id", "bad id with spaces"}});
  auto generated = insane.header("x-request-id");
  ASSERT_TRUE(generated);
  EXPECT_EQ(generated->size(), 16u);
  EXPECT_EQ(generated->find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(insane.json()["request_id"], *generated);

  auto none = client.get("/api/ping");
  ASSERT_TRUE(none.header("x-request-id"));
  EXPECT_NE(*none.header("x-request-id"), *generated);
}

void expect_security_headers(const test::HttpResponse& res) {
  EXPECT_EQ(res.header("content-security-policy"),
            "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
            "object-src 'none'; style-src 'self' 'unsafe-inline'");
  EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(res.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(res.header("x-frame-options"), "DENY");
  EXPECT_EQ(res.header("server"), "learnertrack");
}

TEST(Server, SecurityHeadersAndNoStoreOnApi) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto api = client.get("/api/ping");
  expect_security_headers(api);
  EXPECT_EQ(api.header("cache-control"), "no-store");
  auto cached = client.get("/api/cached");
  EXPECT_EQ(cached.header("cache-control"), "max-age=60");
  auto missing = client.get("/api/nothing");
  EXPECT_EQ(missing.status, 404);
  expect_security_headers(missing);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  auto not_static = client.get("/index.html");  // no static dir configured
  EXPECT_EQ(not_static.status, 404);
  expect_security_headers(not_static);
}

TEST(Server, WrongMethodOnApiIs405WithAllow) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto res = client.del("/api/ping");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("allow"), "GET, HEAD");
  EXPECT_EQ(res.json()["code"], "method_not_allowed");
  auto head = client.head("/api/ping");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "4");
  EXPECT_TRUE(head.body.empty());
}

TEST(Server, HandlerExceptionIs500WithoutLeakingDetail) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  auto res = client.get("/api/throws", {{"X-Request-Id", "boom-1"}});
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("hunter2"), std::string::npos);
  auto body = res.json();
  EXPECT_EQ(body["code"], "internal_error");
  EXPECT_EQ(body["request_id"], "boom-1");
  EXPECT_EQ(client.get("/api/ping").status, 200) << "the server survives";
}

TEST(Server, CookieJarRoundTrip) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  EXPECT_EQ(client.get("/api/whoami").body, "anonymous");
  EXPECT_EQ(client.post("/api/session", "{}").status, 204);
  EXPECT_EQ(client.cookie("lt_session"), "s3cr3t");
  EXPECT_EQ(client.cookie("theme"), "dark");
  EXPECT_EQ(client.get("/api/whoami").body, "s3cr3t");
  client.clear_cookies();
  EXPECT_EQ(client.get("/api/whoami").body, "anonymous");
}

TEST(Server, OversizedJsonBodyIs413ButLargerUploadIsAllowed) {
  ServerSettings settings;
  settings.max_body_bytes = 1024;
  settings.max_upload_bytes = 64 * 1024;
  RunningServer s(basic_router(), settings);
  HttpClient client(s.port());
  auto ok = client.post("/api/body", std::string(1000, ' '));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json()["size"], 1000);

  auto big = client.post("/api/body", std::string(4096, ' '));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.json()["code"], "payload_too_large");
  EXPECT_EQ(big.header("connection"), "close");

  auto upload = client.post("/api/body", std::string(20000, 'a'), {{"Content-Type", "text/csv"}});
  EXPECT_EQ(upload.status, 200);
  EXPECT_EQ(upload.json()["size"], 20000);
  auto too_big_upload =
      client.post("/api/body", std::string(100000, 'a'), {{"Content-Type", "text/csv"}});
  EXPECT_EQ(too_big_upload.status, 413);

  // Chunked bodies have no Content-Length up front: the limit applies while reading.
  std::string chunk(600, 'x');
  auto chunked = raw_exchange(s.port(),
                              "POST /api/body HTTP/1.1\r\nHost: x\r\nContent-Type: "
                              "application/json\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" +
                                  chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(raw_status(chunked), 413) << chunked.substr(0, 200);
}

TEST(Server, ExpectContinueGetsInterimResponse) {
  RunningServer s(basic_router());
  auto out =
      raw_exchange(s.port(),
                   "POST /api/body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{}");
  EXPECT_EQ(raw_status(out), 100) << out;
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos) << out;
  EXPECT_NE(out.find("\"size\":2"), std::string::npos) << out;
}

TEST(Server, WritesOneAccessLogLinePerRequest) {
  std::ostringstream lines;
  auto previous = spdlog::default_logger();
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  auto logger = std::make_shared<spdlog::logger>("access_test", sink);
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
  {
    RunningServer s(basic_router(), {}, true);
    HttpClient client(s.port());
    client.get("/api/whoami?token=should-not-be-logged", {{"X-Request-Id", "log-1"}});
  }
  spdlog::set_default_logger(previous);
  std::string text = lines.str();
  std::string line;
  std::istringstream in(text);
  int access_lines = 0;
  while (std::getline(in, line)) {
    if (line.find("id=log-1") == std::string::npos) continue;
    ++access_lines;
    EXPECT_TRUE(line.starts_with("GET /api/whoami 200 ")) << line;
    EXPECT_NE(line.find("ms id=log-1 user=tester bytes=9"), std::string::npos) << line;
  }
  EXPECT_EQ(access_lines, 1) << text;
  EXPECT_EQ(text.find("should-not-be-logged"), std::string::npos);
}

TEST(Server, MalformedRequestIs400AndCloses) {
  RunningServer s(basic_router());
  auto start = std::chrono::steady_clock::now();
  auto out = raw_exchange(s.port(), "THIS IS NOT HTTP\r\n\r\n", 5s);
  EXPECT_EQ(raw_status(out), 400) << out;
  EXPECT_NE(out.find("malformed_request"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s) << "the server should close";
  auto bad_header = raw_exchange(s.port(), "GET /api/ping HTTP/1.1\r\nBad Header\r\n\r\n", 5s);
  EXPECT_EQ(raw_status(bad_header), 400) << bad_header;
}

TEST(Server, OversizedHeadersAre431) {
  ServerSettings settings;
  settings.max_header_bytes = 1024;
  RunningServer s(basic_router(), settings);
  auto out = raw_exchange(s.port(), "GET /api/ping HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                        std::string(4000, 'a') + "\r\n\r\n");
  EXPECT_EQ(raw_status(out), 431) << out.substr(0, 200);
}

TEST(Server, SlowRequestTimesOutAndCloses) {
  ServerSettings settings;
  settings.request_timeout = 300ms;
  RunningServer s(basic_router(), settings);
  auto start = std::chrono::steady_clock::now();
  auto out = raw_exchange(s.port(), "GET /api/ping HTTP/1.1\r\nHost: x\r\n", 5s);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(out.empty()) << out;
  EXPECT_GE(elapsed, 250ms);
  EXPECT_LT(elapsed, 3s);
}

TEST(Server, SaturatedPoolAnswers503WithRetryAfter) {
  std::latch entered(1), release(1);
  Router router = basic_router();
  router.add("GET", "/api/block", [&](Request&) {
    entered.count_down();
    release.wait();
    return Response::text(200, "done", "text/plain");
  });
  ServerSettings settings;
  settings.worker_threads = 1;
  settings.max_pending = 1;
  RunningServer s(std::move(router), settings);

  auto blocked = std::async(std::launch::async, [port = s.port()] {
    HttpClient c(port);
    return c.get("/api/block");
  });
  entered.wait();
  HttpClient client(s.port());
  auto busy = client.get("/api/ping");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("retry-after"), "1");
  EXPECT_EQ(busy.json()["code"], "server_busy");
  EXPECT_NE(s.metrics().render().find("lt_http_pending_requests 1\n"), std::string::npos);
  // Static paths do not need the pool and keep working.
  EXPECT_EQ(client.get("/").status, 404);

  release.count_down();
  auto done = blocked.get();
  EXPECT_EQ(done.status, 200);
  EXPECT_EQ(done.body, "done");
  EXPECT_EQ(client.get("/api/ping").status, 200);
  auto text = s.metrics().render();
  EXPECT_NE(text.find("lt_http_rejected_total 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("lt_http_pending_requests 0\n"), std::string::npos) << text;
}

TEST(Server, GracefulStopFinishesInFlightRequest) {
  std::latch entered(1);
  Router router = basic_router();
  router.add("GET", "/api/slow", [&](Request&) {
    entered.count_down();
    std::this_thread::sleep_for(400ms);
    return Response::text(200, "finished", "text/plain");
  });
  RunningServer s(std::move(router));
  auto port = s.port();
  HttpClient idle(port);
  ASSERT_EQ(idle.get("/api/ping").status, 200);  // leaves an idle keep-alive connection

  auto in_flight = std::async(std::launch::async, [port] {
    HttpClient c(port);
    return c.get("/api/slow");
  });
  entered.wait();
  auto start = std::chrono::steady_clock::now();
  s.stop();  // returns when run() has returned
  auto stop_took = std::chrono::steady_clock::now() - start;
  auto res = in_flight.get();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "finished");
  EXPECT_EQ(res.header("connection"), "close");
  EXPECT_LT(stop_took, 5s) << "the idle connection must not hold up shutdown";
  EXPECT_GE(stop_took, 200ms) << "stop should wait for the in-flight request";
  HttpClient late(port);
  EXPECT_EQ(late.get("/api/ping").status, 0) << "no longer accepting";
}

TEST(Server, SigtermStopsRun) {
  RunningServer s(basic_router());
  std::raise(SIGTERM);
  s.thread().join();  // run() returned because of the signal
  HttpClient late(s.port());
  EXPECT_EQ(late.get("/api/ping").status, 0);
}

TEST(Server, StopBeforeRunMakesRunReturn) {
  Router router;
  Metrics metrics;
  ServerSettings settings;
  settings.port = 0;
  Server server(settings, router, metrics);
  server.stop();
  auto done = std::async(std::launch::async, [&] { server.run(); });
  EXPECT_EQ(done.wait_for(5s), std::future_status::ready);
}

TEST(Server, ManyServersStartAndStopInOneProcess) {
  for (int i = 0; i < 5; ++i) {
    RunningServer a(basic_router());
    RunningServer b(basic_router());
    HttpClient ca(a.port()), cb(b.port());
    EXPECT_EQ(ca.get("/api/ping").status, 200);
    EXPECT_EQ(cb.get("/api/ping").status, 200);
  }
}

TEST(Server, MultipleIoThreads) {
  ServerSettings settings;
  settings.io_threads = 3;
  RunningServer s(basic_router(), settings);
  std::vector<std::future<int>> results;
  for (int t = 0; t < 6; ++t) {
    results.push_back(std::async(std::launch::async, [port = s.port()] {
      HttpClient c(port);
      int ok = 0;
      for (int i = 0; i < 50; ++i) ok += c.get("/api/ping").status == 200;
      return ok;
    }));
  }
  for (auto& r : results) EXPECT_EQ(r.get(), 50);
}

TEST(Server, RecordsMetricsPerRoute) {
  RunningServer s(basic_router());
  HttpClient client(s.port());
  client.get("/api/echo/one");
  client.get("/api/echo/two");
  client.get("/api/missing");
  client.get("/some/page");
  auto text = s.metrics().render();
  EXPECT_NE(text.find("lt_http_requests_total{method=\"GET\",route=\"/api/echo/{word}\","
                      "status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("lt_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} "
                      "1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_requests_total{method=\"GET\",route=\"static\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("lt_http_request_duration_seconds_count 4\n"), std::string::npos);
}

// A temporary web root: index.html, assets/app.js, favicon.ico, and a secret file beside it.
class StaticServer : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = std::filesystem::temp_directory_path() /
            ("lt_http_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(base_);
    root_ = base_ / "web";
    std::filesystem::create_directories(root_ / "assets");
    write(root_ / "index.html", "<!doctype html><title>Learnertrack</title>");
    write(root_ / "assets" / "app-3f2a.js", "console.log('app')");
    write(root_ / "assets" / "app-3f2a.css", "body{}");
    write(root_ / "favicon.ico", std::string("\0\0\1\0", 4));
    write(root_ / "robots.txt", "User-agent: *");
    write(base_ / "secret.txt", "TOP-SECRET");
    ServerSettings settings;
    settings.static_dir = root_.string();
    server_ = std::make_unique<RunningServer>(basic_router(), settings);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(base_);
  }
  static void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
  }
  std::filesystem::path base_, root_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(StaticServer, ServesFilesWithTypeAndCacheHeaders) {
  HttpClient client(server_->port());
  auto index = client.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>Learnertrack</title>");
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  expect_security_headers(index);

  auto js = client.get("/assets/app-3f2a.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.header("cache-control"), "public, max-age=31536000, immutable");

  EXPECT_EQ(client.get("/assets/app-3f2a.css").header("content-type"), "text/css; charset=utf-8");
  auto ico = client.get("/favicon.ico");
  EXPECT_EQ(ico.header("content-type"), "image/x-icon");
  EXPECT_EQ(ico.body.size(), 4u);
  EXPECT_EQ(ico.header("cache-control"), "no-cache");
  EXPECT_EQ(client.get("/robots.txt").header("content-type"), "text/plain; charset=utf-8");
}

TEST_F(StaticServer, UnknownPathsFallBackToIndexButMissingAssetsAre404) {
  HttpClient client(server_->port());
  auto page = client.get("/learners/42?tab=history");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<!doctype html><title>Learnertrack</title>");
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  auto asset = client.get("/assets/gone-1234.js");
  EXPECT_EQ(asset.status, 404);
  EXPECT_EQ(asset.header("content-type"), "application/problem+json");
  // API paths never fall back to the app.
  EXPECT_EQ(client.get("/api/v1/unknown").status, 404);
  EXPECT_EQ(client.get("/api/v1/unknown").header("content-type"), "application/problem+json");
}

TEST_F(StaticServer, RejectsTraversal) {
  for (const char* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/..\\secret.txt"}) {
    auto out =
        raw_exchange(server_->port(), std::string("GET ") + target +
                                          " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(raw_status(out), 400) << target << "\n" << out;
    EXPECT_EQ(out.find("TOP-SECRET"), std::string::npos) << target;
  }
}

TEST_F(StaticServer, EtagRevalidationAndHead) {
  HttpClient client(server_->port());
  auto js = client.get("/assets/app-3f2a.js");
  auto etag = js.header("etag");
  ASSERT_TRUE(etag);
  auto again = client.get("/assets/app-3f2a.js", {{"If-None-Match", *etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), *etag);
  EXPECT_EQ(client.get("/assets/app-3f2a.js", {{"If-None-Match", "\"other\""}}).status, 200);

  auto head = client.head("/assets/app-3f2a.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "18");
  EXPECT_TRUE(head.body.empty());
}

TEST_F(StaticServer, NonGetOnStaticPathIs405) {
  HttpClient client(server_->port());
  auto res = client.post("/learners", "{}");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("allow"), "GET, HEAD");
}

TEST(StaticServerMissingIndex, NoIndexMeans404) {
  auto dir =
      std::filesystem::temp_directory_path() / ("lt_http_empty_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ServerSettings settings;
  settings.static_dir = dir.string();
  {
    RunningServer s(basic_router(), settings);
    HttpClient client(s.port());
    auto res = client.get("/learners");
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.json()["code"], "not_found");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lt::http
