// Test HTTP client over libcurl, and a raw-socket helper (see http_client.hpp).
#include "support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace lt::test {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<Headers*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers->clear();  // a new response (after 100 Continue): keep only the final one's headers
    return size * count;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  headers->emplace_back(std::move(name), std::string(value));
  return size * count;
}

CURL* handle(void* p) {
  return static_cast<CURL*>(p);
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

nlohmann::json HttpResponse::json() const {
  return nlohmann::json::parse(body);
}

HttpClient::HttpClient(std::string base_url) : curl_(nullptr), base_url_(std::move(base_url)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

HttpClient::HttpClient(unsigned short port)
    : HttpClient("http://127.0.0.1:" + std::to_string(port)) {}

HttpClient::~HttpClient() {
  curl_easy_cleanup(handle(curl_));
}

HttpResponse HttpClient::get(const std::string& path, const Headers& headers) {
  return request("GET", path, {}, headers);
}
HttpResponse HttpClient::head(const std::string& path, const Headers& headers) {
  return request("HEAD", path, {}, headers);
}
HttpResponse HttpClient::del(const std::string& path, const Headers& headers) {
  return request("DELETE", path, {}, headers);
}
HttpResponse HttpClient::post(const std::string& path, const std::string& body,
                              const Headers& headers) {
  return request("POST", path, body, headers);
}
HttpResponse HttpClient::put(const std::string& path, const std::string& body,
                             const Headers& headers) {
  return request("PUT", path, body, headers);
}
HttpResponse HttpClient::patch(const std::string& path, const std::string& body,
                               const Headers& headers) {
  return request("PATCH", path, body, headers);
}

HttpResponse HttpClient::request(const std::string& method, const std::string& path,
                                 const std::string& body, const Headers& headers) {
  CURL* c = handle(curl_);
  curl_easy_reset(c);  // keeps live connections and cookies
  HttpResponse response;
  std::string url = base_url_ + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);  // send "/../" as written
  curl_easy_setopt(c, CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &response.headers);

  bool has_body = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else if (method == "GET" && body.empty()) {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  if (has_body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  }

  Headers all = headers;
  for (const auto& [name, value] : default_headers_) {
    bool given =
        std::any_of(all.begin(), all.end(), [&](const auto& h) { return iequals(h.first, name); });
    if (!given) all.emplace_back(name, value);
  }
  bool typed = std::any_of(all.begin(), all.end(),
                           [](const auto& h) { return iequals(h.first, "content-type"); });
  if (has_body && !typed) all.emplace_back("Content-Type", "application/json");
  curl_slist* list = nullptr;
  for (const auto& [name, value] : all) {
    list = curl_slist_append(list, (name + ": " + value).c_str());
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);

  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(list);
  if (rc != CURLE_OK) {
    response.error = curl_easy_strerror(rc);
    response.status = 0;
    return response;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &response.new_connections);
  return response;
}

void HttpClient::set_default_header(std::string name, std::string value) {
  default_headers_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> HttpClient::cookie(const std::string& name) const {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(handle(curl_), CURLINFO_COOKIELIST, &cookies);
  std::optional<std::string> found;
  for (curl_slist* it = cookies; it; it = it->next) {
    // Netscape format: domain, subdomains, path, secure, expiry, name, value (tab-separated).
    std::string_view line = it->data;
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos;
         start = tab + 1) {
      fields.push_back(line.substr(start, tab - start));
    }
    fields.push_back(line.substr(start));
    if (fields.size() >= 7 && fields[5] == name) found = std::string(fields[6]);
  }
  curl_slist_free_all(cookies);
  return found;
}

void HttpClient::clear_cookies() {
  curl_easy_setopt(handle(curl_), CURLOPT_COOKIELIST, "ALL");
}

std::string raw_exchange(unsigned short port, std::string_view data,
                         std::chrono::milliseconds timeout) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[8192];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

int raw_status(std::string_view response) {
  if (!response.starts_with("HTTP/") || response.size() < 12) return 0;
  std::size_t space = response.find(' ');
  if (space == std::string_view::npos || space + 4 > response.size()) return 0;
  int code = 0;
  for (std::size_t i = space + 1; i < space + 4; ++i) {
    if (response[i] < '0' || response[i] > '9') return 0;
    code = code * 10 + (response[i] - '0');
  }
  return code;
}

}  // namespace lt::test
