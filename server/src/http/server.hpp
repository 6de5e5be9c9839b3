// The HTTP/1.1 server on Boost.Beast/Asio: accepts connections, parses requests with size and time
// limits, keeps connections alive, runs each request's handler on a bounded worker pool (handlers
// may block on the database) and answers 503 + Retry-After when that pool is saturated. Serves the
// built single-page app from a directory with index fallback. Adds security headers and an
// X-Request-Id to every response and writes one access-log line per request.
// Thread safety: construct and run from one thread; `stop` may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/router.hpp"

namespace lt::http {

class Metrics;

struct ServerSettings {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port (tests); see Server::port()
  std::size_t io_threads = 1;
  std::size_t worker_threads = 4;
  std::size_t max_pending = 256;            // handler calls queued or running before 503
  std::size_t max_body_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 64 << 20;  // spreadsheet uploads (non-JSON content types)
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::milliseconds request_timeout{30000};  // reading one request
  std::chrono::milliseconds idle_timeout{60000};     // keep-alive wait between requests
  std::string static_dir;  // built web app (index.html + assets/); empty = none
  bool access_log = true;
};

class Server {
 public:
  // Binds the listening socket at once, so port() is known before run(). Throws on bind failure.
  Server(ServerSettings settings, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Serves until stop() or SIGTERM/SIGINT: then stops accepting, lets in-flight requests finish
  // (up to a grace period) and returns.
  void run();
  void stop();
  unsigned short port() const;

  // Called once when run() has started accepting (e.g. to print "listening on …").
  void on_listening(std::function<void()> callback);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lt::http
