// Request and Response helpers: header and cookie lookup, query parameters, response builders.
#include "http/message.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "http/codec.hpp"

namespace lt::http {

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  // Several Cookie headers may arrive (HTTP/2 proxies split them); look through all of them.
  for (const auto& [key, value] : headers) {
    if (!detail::iequals(key, "cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t semi = rest.find(';');
      std::string_view pair = detail::trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (detail::trim(pair.substr(0, eq)) != name) continue;
      std::string_view v = detail::trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

const std::string& Request::param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = path_params.find(name);
  return it == path_params.end() ? kEmpty : it->second;
}

void Response::set_header(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return detail::iequals(h.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

Response Response::json(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  // Replace invalid UTF-8 rather than throw: user data must never turn a reply into a 500.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response Response::empty(int status) {
  Response r;
  r.status = status;
  return r;
}

Response Response::event_stream(std::shared_ptr<EventStream> stream) {
  Response r;
  r.status = 200;
  r.headers.emplace_back("Content-Type", "text/event-stream; charset=utf-8");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Accel-Buffering", "no");  // nginx: pass events through at once
  r.stream = std::move(stream);
  return r;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Type", std::move(content_type));
  return r;
}

}  // namespace lt::http
