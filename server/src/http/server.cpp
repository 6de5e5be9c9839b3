// The Beast/Asio server: the listener, one coroutine per connection (read with limits and
// timeouts, hand API requests to the bounded worker pool, write, keep alive), and graceful
// shutdown. What to answer is decided in policy.cpp and static_files.cpp; this file does the I/O.
#include <utility>  // first: Boost 1.74's asio/awaitable.hpp uses std::exchange without it

#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/beast.hpp>

#include "http/codec.hpp"
#include "http/event_stream.hpp"
#include "http/metrics.hpp"
#include "http/policy.hpp"
#include "http/problem.hpp"
#include "http/static_files.hpp"

namespace lt::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;

namespace {

constexpr auto kGrace = std::chrono::seconds(10);     // in-flight requests finish within this
constexpr auto kDrainTime = std::chrono::seconds(2);  // lingering close after an error reply
constexpr std::size_t kDrainBytes = std::size_t{8} << 20;
constexpr std::size_t kBodyReadBytes = 64 * 1024;
const std::string kRouteStatic = "static";
const std::string kRouteUnmatched = "unmatched";

beast::string_view bsv(std::string_view s) {
  return {s.data(), s.size()};
}
std::string_view ssv(beast::string_view s) {
  return {s.data(), s.size()};
}

// Runs `fn` on the pool and completes on the caller's executor. (In Boost 1.74, co_awaiting
// asio::post(pool) would resume straight back on the caller's executor, so it cannot be used to
// hop.) One post each way, no extra coroutine frame.
template <class F, class Token>
auto run_on(asio::thread_pool& pool, F&& fn, Token token) {
  return asio::async_initiate<Token, void(Response)>(
      [&pool](auto handler, auto work) {
        auto home = asio::get_associated_executor(handler);
        asio::post(pool, [handler = std::move(handler), work = std::move(work), home]() mutable {
          Response response = work();
          asio::post(home,
                     [handler = std::move(handler), response = std::move(response)]() mutable {
                       std::move(handler)(std::move(response));
                     });
        });
      },
      token, std::forward<F>(fn));
}

struct Connection : std::enable_shared_from_this<Connection> {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool busy = false;       // a request is being handled; only touched on the connection's strand
  bool streaming = false;  // serving an event stream: shutdown closes it rather than waiting
};

// What an event stream's coroutine shares with its waker and its peer watcher. The timer is
// the coroutine's "condition variable": cancelling it wakes the coroutine early.
struct StreamWait {
  explicit StreamWait(const asio::any_io_executor& ex) : executor(ex), timer(ex) {}
  asio::any_io_executor executor;
  asio::steady_timer timer;
  bool peer_gone = false;  // the client closed the connection (strand only)
  std::mutex mutex;        // guards alive: wakers may run on any thread
  bool alive = true;
};

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

bool no_body_status(int status) {
  return status < 200 || status == 204 || status == 304;
}

}  // namespace

struct Server::Impl {
  Impl(ServerSettings s, const Router& r, Metrics& m);

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> session(std::shared_ptr<Connection> conn);
  // Reads, handles and answers one request; true when the connection may carry another.
  asio::awaitable<bool> serve_one(Connection& conn, beast::flat_buffer& buffer,
                                  const std::string& remote_ip, bool first);
  asio::awaitable<Response> handle(Request& request, const std::string*& route);
  asio::awaitable<bool> respond(Connection& conn, const Request& request, Response response,
                                const std::string& route, unsigned version, bool keep_alive);
  // Writes an event stream's header, then its events as they come, until the stream ends, the
  // client goes away or the server stops. The connection closes afterwards.
  asio::awaitable<void> stream_events(Connection& conn, const Request& request, Response response,
                                      unsigned version);
  // Answers with a problem, then closes without resetting the connection under the client.
  asio::awaitable<void> reject(Connection& conn, Request& request, int status, const char* code,
                               const char* detail, unsigned version);
  asio::awaitable<void> drain();
  void begin_shutdown();
  std::size_t connection_count();
  void close_connections(bool idle_only);

  ServerSettings settings;
  const Router& router;
  Metrics& metrics;
  std::optional<detail::StaticFiles> static_files;
  std::function<void()> on_listening;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> pending{0};
  std::mutex conns_mutex;
  std::unordered_map<Connection*, std::shared_ptr<Connection>> conns;
  asio::thread_pool* pool = nullptr;    // set while run() runs
  asio::signal_set* signals = nullptr;  // set while run() runs
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  // Declared after everything the coroutines touch, so they are torn down first.
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> strand;  // acceptor, signals, shutdown
  tcp::acceptor acceptor;
  unsigned short bound_port = 0;
};

Server::Impl::Impl(ServerSettings s, const Router& r, Metrics& m)
    : settings(std::move(s)),
      router(r),
      metrics(m),
      ioc(static_cast<int>(std::max<std::size_t>(1, settings.io_threads))),
      strand(asio::make_strand(ioc)),
      acceptor(strand) {
  tcp::endpoint endpoint(asio::ip::make_address(settings.address), settings.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  bound_port = acceptor.local_endpoint().port();
  if (!settings.static_dir.empty()) static_files.emplace(settings.static_dir);
}

asio::awaitable<void> Server::Impl::accept_loop() {
  while (!stopping.load()) {
    tcp::socket socket(asio::make_strand(ioc));
    beast::error_code ec;
    co_await acceptor.async_accept(socket, asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (stopping.load() || ec == asio::error::operation_aborted || !acceptor.is_open()) break;
      // Out of descriptors and the like: wait a little rather than spin.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(strand, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    auto executor = conn->stream.get_executor();
    asio::co_spawn(executor, session(std::move(conn)), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::session(std::shared_ptr<Connection> conn) {
  {
    std::lock_guard lock(conns_mutex);
    conns.emplace(conn.get(), conn);
  }
  struct Unregister {
    Impl& self;
    Connection* conn;
    ~Unregister() {
      std::lock_guard lock(self.conns_mutex);
      self.conns.erase(conn);
    }
  } unregister{*this, conn.get()};

  try {
    std::string remote_ip;
    beast::error_code ec;
    auto peer = conn->stream.socket().remote_endpoint(ec);
    if (!ec) remote_ip = peer.address().to_string();
    beast::flat_buffer buffer;
    // Checked after registering: begin_shutdown sets the flag before it looks at connections.
    for (bool first = true; !stopping.load(); first = false) {
      bool again = co_await serve_one(*conn, buffer, remote_ip, first);
      conn->busy = false;
      if (!again) break;
    }
    conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  } catch (const std::exception& e) {
    spdlog::warn("connection ended by exception: {}", e.what());
  }
  conn->stream.close();
}

asio::awaitable<bool> Server::Impl::serve_one(Connection& conn, beast::flat_buffer& buffer,
                                              const std::string& remote_ip, bool first) {
  beast::error_code ec;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(settings.max_header_bytes));
  // The right limit depends on the Content-Type, known only after the header; see below.
  parser.body_limit(std::max(settings.max_body_bytes, settings.max_upload_bytes));
  conn.stream.expires_after(first ? settings.request_timeout : settings.idle_timeout);
  co_await bhttp::async_read_header(conn.stream, buffer, parser,
                                    asio::redirect_error(use_awaitable, ec));
  Request req;
  req.remote_ip = remote_ip;
  req.received_at = std::chrono::steady_clock::now();
  // A Content-Length beyond even the upload limit fails here, with the header already parsed.
  bool too_large = ec == bhttp::error::body_limit;
  if (ec && !too_large) {
    if (ec == bhttp::error::header_limit || is_parse_error(ec)) {
      conn.busy = true;
      req.method = "-";
      req.path = "-";
      req.request_id = detail::new_request_id();
      if (ec == bhttp::error::header_limit) {
        co_await reject(conn, req, 431, "headers_too_large", "The request headers are too large.",
                        11);
      } else {
        co_await reject(conn, req, 400, "malformed_request", "The request is not valid HTTP.", 11);
      }
    }
    co_return false;  // timeout, peer closed, or shutdown
  }
  conn.busy = true;

  const auto& header = parser.get();
  unsigned version = header.version();
  req.method = std::string(ssv(header.method_string()));
  std::string_view target = ssv(header.target());
  req.target = std::string(target);
  std::size_t question = target.find('?');
  req.path = detail::percent_decode(target.substr(0, question), false);
  if (question != std::string_view::npos) {
    detail::parse_query(target.substr(question + 1), req.query);
  }
  for (const auto& field : header) {
    req.headers.emplace_back(detail::to_lower(ssv(field.name_string())),
                             std::string(ssv(field.value())));
  }
  auto incoming_id = req.header("x-request-id");
  req.request_id = incoming_id && detail::is_sane_request_id(*incoming_id)
                       ? std::string(*incoming_id)
                       : detail::new_request_id();

  std::size_t limit = detail::is_upload_type(req.header("content-type").value_or(""))
                          ? settings.max_upload_bytes
                          : settings.max_body_bytes;
  if (auto length = parser.content_length(); too_large || (length && *length > limit)) {
    co_await reject(conn, req, 413, "payload_too_large", "The request body is too large.", version);
    co_return false;
  }
  parser.body_limit(limit);
  if (!parser.is_done()) {
    if (auto expect = req.header("expect"); expect && detail::iequals(*expect, "100-continue")) {
      bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
      co_await bhttp::async_write(conn.stream, go_on, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return false;
    }
    conn.stream.expires_after(settings.request_timeout);
    // Beast reads as much as the buffer has room for, and the header's read left it at 512
    // bytes: a 19 MB upload came in 37,000 reads of 512 bytes and took 0.3 s. Room for 64 KB
    // (Beast's largest read) makes it 300 reads. Kept for the connection's next requests.
    if (buffer.capacity() < kBodyReadBytes) buffer.reserve(kBodyReadBytes);
    co_await bhttp::async_read(conn.stream, buffer, parser,
                               asio::redirect_error(use_awaitable, ec));
    if (ec == bhttp::error::body_limit) {
      co_await reject(conn, req, 413, "payload_too_large", "The request body is too large.",
                      version);
      co_return false;
    }
    if (ec) {
      if (is_parse_error(ec)) {
        co_await reject(conn, req, 400, "malformed_request", "The request is not valid HTTP.",
                        version);
      }
      co_return false;
    }
  }
  bool keep_alive = parser.get().keep_alive();
  req.body = std::move(parser.get().body());

  const std::string* route = &kRouteUnmatched;
  Response response = co_await handle(req, route);
  co_return co_await respond(conn, req, std::move(response), *route, version, keep_alive);
}

asio::awaitable<Response> Server::Impl::handle(Request& req, const std::string*& route) {
  if (detail::is_api_path(req.path)) {
    Response response;
    std::size_t now_pending = pending.fetch_add(1) + 1;
    if (now_pending > settings.max_pending) {
      pending.fetch_sub(1);
      metrics.add_rejected();
      response = problem(503, "server_busy", "The server is busy. Please try again shortly.",
                         req.request_id);
      response.set_header("Retry-After", "1");
    } else {
      metrics.set_pending(static_cast<long>(now_pending));
      response = co_await run_on(
          *pool,
          [this, &req] {
            const auto started = std::chrono::steady_clock::now();
            Response handled = detail::run_handler(router, req);
            metrics.record_handler(std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - started));
            return handled;
          },
          use_awaitable);
      metrics.set_pending(static_cast<long>(pending.fetch_sub(1) - 1));
      if (!req.route.empty()) route = &req.route;
    }
    if (!response.header("cache-control"))
      response.headers.emplace_back("Cache-Control", "no-store");
    co_return response;
  }
  route = &kRouteStatic;
  if (req.method != "GET" && req.method != "HEAD") {
    Response response =
        problem(405, "method_not_allowed", "This address does not support " + req.method + ".",
                req.request_id);
    response.set_header("Allow", "GET, HEAD");
    co_return response;
  }
  if (static_files) co_return static_files->serve(req);
  co_return problem(404, "not_found", "No resource at this address.", req.request_id);
}

asio::awaitable<bool> Server::Impl::respond(Connection& conn, const Request& req, Response response,
                                            const std::string& route, unsigned version,
                                            bool keep_alive) {
  if (response.stream) {
    metrics.record(req.method, route, response.status,
                   std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::steady_clock::now() - req.received_at));
    co_await stream_events(conn, req, std::move(response), version);
    co_return false;
  }
  bhttp::response<bhttp::string_body> res;
  res.version(version);
  res.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) res.insert(bsv(name), bsv(value));
  for (const auto& standard : detail::kSecurityHeaders) {
    if (!response.header(standard.name)) res.set(bsv(standard.name), bsv(standard.value));
  }
  res.set("X-Request-Id", bsv(req.request_id));
  std::size_t bytes = response.body.size();
  // HEAD: the headers of the GET answer, Content-Length included, without the body.
  if (req.method != "HEAD") res.body() = std::move(response.body);
  if (!no_body_status(response.status)) res.content_length(bytes);
  bool keep = keep_alive && !stopping.load();
  res.keep_alive(keep);

  // Recorded before writing, so a client that has its answer also sees it counted.
  metrics.record(req.method, route, response.status,
                 std::chrono::duration_cast<std::chrono::microseconds>(
                     std::chrono::steady_clock::now() - req.received_at));
  beast::error_code ec;
  conn.stream.expires_after(settings.request_timeout);
  co_await bhttp::async_write(conn.stream, res, asio::redirect_error(use_awaitable, ec));

  auto elapsed = std::chrono::steady_clock::now() - req.received_at;
  if (settings.access_log) {
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    detail::log_access(req.method, req.path, response.status, ms, req.request_id, response.user,
                       bytes);
  }
  co_return !ec && keep;
}

asio::awaitable<void> Server::Impl::stream_events(Connection& conn, const Request& req,
                                                  Response response, unsigned version) {
  std::shared_ptr<EventStream> events = std::move(response.stream);
  struct Finish {  // also when the frame is destroyed at shutdown without running to the end
    EventStream& events;
    ~Finish() { events.finish(); }
  } finish{*events};
  conn.streaming = true;

  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(response.status), version};
  for (const auto& [name, value] : response.headers) res.insert(bsv(name), bsv(value));
  for (const auto& standard : detail::kSecurityHeaders) {
    if (!response.header(standard.name)) res.set(bsv(standard.name), bsv(standard.value));
  }
  res.set("X-Request-Id", bsv(req.request_id));
  // HTTP/1.0 has no chunks: the body ends when the connection closes.
  const bool chunked = version >= 11 && req.method != "HEAD";
  if (chunked) res.chunked(true);
  res.keep_alive(false);
  bhttp::response_serializer<bhttp::empty_body> serializer{res};
  beast::error_code ec;
  conn.stream.expires_after(settings.request_timeout);
  co_await bhttp::async_write_header(conn.stream, serializer,
                                     asio::redirect_error(use_awaitable, ec));
  std::size_t bytes = 0;
  const auto& limits = events->settings();
  if (!ec && req.method != "HEAD") {
    auto wait = std::make_shared<StreamWait>(conn.stream.get_executor());
    // Wakes the coroutine from any thread: a posted cancel of the timer, on the strand. A send
    // between `take` and the wait is not lost: its post runs after the wait has begun.
    events->set_waker([wait] {
      std::lock_guard lock(wait->mutex);
      if (!wait->alive) return;
      asio::post(wait->executor, [weak = std::weak_ptr<StreamWait>(wait)] {
        if (auto w = weak.lock()) w->timer.cancel();
      });
    });
    // The client sends nothing more on this connection: a read completes only when it goes away.
    asio::co_spawn(
        wait->executor,
        [conn = conn.shared_from_this(), wait]() -> asio::awaitable<void> {
          std::array<char, 512> scratch;
          beast::error_code read_ec;
          while (!read_ec)
            co_await conn->stream.socket().async_read_some(
                asio::buffer(scratch), asio::redirect_error(use_awaitable, read_ec));
          wait->peer_gone = true;
          wait->timer.cancel();
        },
        asio::detached);

    const auto deadline = std::chrono::steady_clock::now() + limits.max_duration;
    auto last_write = std::chrono::steady_clock::now();
    std::string out = events->preamble();
    while (!ec && !stopping.load() && !wait->peer_gone) {
      bool closed = false;
      out += events->take(closed);
      const auto now = std::chrono::steady_clock::now();
      if (!closed && out.empty() && now >= last_write + limits.heartbeat) out = ": heartbeat\n\n";
      if (!out.empty()) {
        conn.stream.expires_after(settings.request_timeout);
        if (chunked)
          co_await asio::async_write(conn.stream, bhttp::make_chunk(asio::buffer(out)),
                                     asio::redirect_error(use_awaitable, ec));
        else
          co_await asio::async_write(conn.stream, asio::buffer(out),
                                     asio::redirect_error(use_awaitable, ec));
        conn.stream.expires_never();
        bytes += out.size();
        out.clear();
        last_write = std::chrono::steady_clock::now();
        continue;  // more may have arrived while writing
      }
      if (closed || now >= deadline) break;
      wait->timer.expires_at(std::min(last_write + limits.heartbeat, deadline));
      beast::error_code wait_ec;
      co_await wait->timer.async_wait(asio::redirect_error(use_awaitable, wait_ec));
    }
    {
      std::lock_guard lock(wait->mutex);
      wait->alive = false;
    }
    if (!ec && chunked && !wait->peer_gone) {
      conn.stream.expires_after(settings.request_timeout);
      co_await asio::async_write(conn.stream, bhttp::make_chunk_last(),
                                 asio::redirect_error(use_awaitable, ec));
    }
    beast::error_code ignored;
    conn.stream.socket().cancel(ignored);  // ends the peer watcher
  }
  if (settings.access_log) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                          req.received_at)
                    .count();
    detail::log_access(req.method, req.path, response.status, ms, req.request_id, response.user,
                       bytes);
  }
}

asio::awaitable<void> Server::Impl::reject(Connection& conn, Request& req, int status,
                                           const char* code, const char* detail, unsigned version) {
  co_await respond(conn, req, problem(status, code, detail, req.request_id), kRouteUnmatched,
                   version, false);
  // Lingering close: stop sending, then read and drop what the client still sends (the rest of an
  // oversized body), so closing does not reset the connection before it reads our answer.
  beast::error_code ec;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn.stream.expires_after(kDrainTime);
  std::array<char, 16384> scratch;
  std::size_t total = 0;
  while (!ec && total < kDrainBytes) {
    total += co_await conn.stream.async_read_some(asio::buffer(scratch),
                                                  asio::redirect_error(use_awaitable, ec));
  }
}

std::size_t Server::Impl::connection_count() {
  std::lock_guard lock(conns_mutex);
  return conns.size();
}

void Server::Impl::close_connections(bool idle_only) {
  std::vector<std::shared_ptr<Connection>> list;
  {
    std::lock_guard lock(conns_mutex);
    for (const auto& entry : conns) list.push_back(entry.second);
  }
  for (auto& conn : list) {
    // On the connection's own strand, so `busy` is read where it is written.
    asio::post(conn->stream.get_executor(), [conn, idle_only] {
      if (idle_only && conn->busy && !conn->streaming) return;
      beast::error_code ec;
      conn->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
      conn->stream.close();
    });
  }
}

void Server::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  spdlog::info("shutting down: {} open connection(s)", connection_count());
  beast::error_code ec;
  acceptor.close(ec);
  if (signals) signals->cancel(ec);
  close_connections(true);  // busy ones close themselves after their answer
  asio::co_spawn(strand, drain(), asio::detached);
}

asio::awaitable<void> Server::Impl::drain() {
  asio::steady_timer timer(strand);
  auto deadline = std::chrono::steady_clock::now() + kGrace;
  beast::error_code ec;
  while (connection_count() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
  }
  if (std::size_t left = connection_count(); left > 0) {
    spdlog::warn("grace period over: closing {} connection(s) with requests in flight", left);
    close_connections(false);
  }
  work.reset();  // lets ioc.run() return once the last handlers are done
}

Server::Server(ServerSettings settings, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(settings), router, metrics)) {}

Server::~Server() = default;

void Server::run() {
  Impl& s = *impl_;
  if (s.stopping.load()) return;  // already ran and stopped: the listener is closed
  asio::thread_pool pool(std::max<std::size_t>(1, s.settings.worker_threads));
  asio::signal_set signals(s.strand, SIGINT, SIGTERM);
  s.pool = &pool;
  s.signals = &signals;
  s.work.emplace(s.ioc.get_executor());
  signals.async_wait([&s](const beast::error_code& ec, int signal_number) {
    if (ec) return;
    spdlog::info("received signal {}", signal_number);
    s.begin_shutdown();
  });
  asio::co_spawn(s.strand, s.accept_loop(), asio::detached);
  if (s.on_listening) asio::post(s.strand, s.on_listening);

  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < s.settings.io_threads; ++i) extra.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : extra) t.join();
  pool.join();  // handlers still running after the grace period finish here
  s.pool = nullptr;
  s.signals = nullptr;
}

void Server::stop() {
  Impl* s = impl_.get();
  asio::post(s->strand, [s] { s->begin_shutdown(); });
}

unsigned short Server::port() const {
  return impl_->bound_port;
}

void Server::on_listening(std::function<void()> callback) {
  impl_->on_listening = std::move(callback);
}

}  // namespace lt::http
