// Plain request and response values handed between the transport and the API layer. They carry no
// Beast types, so api/ and services/ compile without Boost and stay testable in isolation.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace lt::http {

class EventStream;

struct Request {
  std::string method;                             // upper case: "GET", "POST"…
  std::string target;                             // as received: path and query
  std::string path;                               // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // filled by the router: {id} → "42"
  std::string route;  // the matched route pattern, e.g. "/api/v1/users/{id}" (metrics, logs)
  std::chrono::steady_clock::time_point received_at{};

  // First header with this (lower-case) name.
  std::optional<std::string_view> header(std::string_view name) const;
  // Value of a cookie from the Cookie header.
  std::optional<std::string> cookie(std::string_view name) const;
  // First query parameter with this name.
  std::optional<std::string> query_param(std::string_view name) const;
  // The path parameter the route captured; empty when absent.
  const std::string& param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string user;  // who made the request, for the access log (filled by the API layer)
  // Set for a server-sent event stream: the transport sends the headers, then writes what the
  // stream produces until it ends; `body` is not used.
  std::shared_ptr<EventStream> stream;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(int status, const nlohmann::json& body);
  static Response empty(int status);
  static Response text(int status, std::string body, std::string content_type);
  // 200 text/event-stream over `stream`.
  static Response event_stream(std::shared_ptr<EventStream> stream);
};

}  // namespace lt::http
