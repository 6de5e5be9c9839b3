// Domain error → problem+json.
#include "api/errors.hpp"

#include <spdlog/spdlog.h>

#include "http/problem.hpp"

namespace lt::api {

int status_of(domain::ErrorKind kind) {
  using K = domain::ErrorKind;
  switch (kind) {
    case K::bad_request:
      return 400;
    case K::unauthenticated:
      return 401;
    case K::forbidden:
      return 403;
    case K::not_found:
      return 404;
    case K::method_not_allowed:
      return 405;
    case K::conflict:
      return 409;
    case K::gone:
      return 410;
    case K::payload_too_large:
      return 413;
    case K::unsupported_media:
      return 415;
    case K::validation:
      return 422;
    case K::too_many_requests:
      return 429;
    case K::unavailable:
      return 503;
    case K::internal:
      return 500;
  }
  return 500;
}

http::Response error_response(const domain::Error& error, const std::string& request_id) {
  if (error.kind == domain::ErrorKind::internal)
    spdlog::error("request {} failed: {} ({})", request_id, error.code, error.detail);
  std::vector<http::ProblemField> fields;
  fields.reserve(error.fields.size());
  for (const auto& f : error.fields) fields.push_back({f.field, f.code, f.message});
  return http::problem(status_of(error.kind), error.code, error.message, request_id, fields);
}

}  // namespace lt::api
