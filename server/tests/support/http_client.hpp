// A small blocking HTTP client for tests that talk to a real server: libcurl underneath, one
// connection reused across calls (keep-alive), an in-memory cookie jar, and a raw-socket helper
// for bytes no well-behaved client would send. Not thread-safe: one client per thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace lt::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  long status = 0;  // 0 when the transfer failed; see `error`
  Headers headers;  // names in lower case, in arrival order (final response only)
  std::string body;
  long new_connections = 0;  // connections opened for this call; 0 means one was reused
  std::string error;         // curl's message when the transfer failed

  std::optional<std::string> header(std::string_view name) const;  // case-insensitive
  nlohmann::json json() const;                                     // throws if not JSON
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);  // e.g. "http://127.0.0.1:8080"
  explicit HttpClient(unsigned short port);   // http://127.0.0.1:port
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& path, const Headers& headers = {});
  HttpResponse head(const std::string& path, const Headers& headers = {});
  HttpResponse del(const std::string& path, const Headers& headers = {});
  // Bodies default to Content-Type application/json unless `headers` names another.
  HttpResponse post(const std::string& path, const std::string& body, const Headers& headers = {});
  HttpResponse put(const std::string& path, const std::string& body, const Headers& headers = {});
  HttpResponse patch(const std::string& path, const std::string& body, const Headers& headers = {});
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const Headers& headers);

  // Sent with every request unless the call gives the same header (e.g. Origin).
  void set_default_header(std::string name, std::string value);
  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

  // Cookie jar: cookies the server set are sent back automatically.
  std::optional<std::string> cookie(const std::string& name) const;
  void clear_cookies();

 private:
  void* curl_;  // CURL*
  std::string base_url_;
  Headers default_headers_;
  std::chrono::milliseconds timeout_{10000};
};

// Connects to 127.0.0.1:port, sends `data`, and returns all bytes received until the server
// closes the connection or `timeout` passes (then returns what arrived so far).
std::string raw_exchange(unsigned short port, std::string_view data,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

// Status code of the first response in raw bytes ("HTTP/1.1 404 …" → 404); 0 if none.
int raw_status(std::string_view response);

}  // namespace lt::test
