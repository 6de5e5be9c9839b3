// RFC 9457 problem+json rendering. `type` is "about:blank" when the code is just the generic name
// of the status (e.g. 404 "not_found"), otherwise a stable URL naming the code.
#include "http/problem.hpp"

#include <nlohmann/json.hpp>

namespace lt::http {
namespace {

// The code that adds nothing beyond the status itself.
const char* generic_code(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 500:
      return "internal_error";
    default:
      return "";
  }
}

}  // namespace

std::string status_title(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      break;
  }
  if (status >= 500) return "Server Error";
  if (status >= 400) return "Client Error";
  return "Unknown";
}

Response problem(int status, const std::string& code, const std::string& detail,
                 const std::string& request_id, const std::vector<ProblemField>& fields) {
  nlohmann::json body;
  body["type"] = code.empty() || code == generic_code(status)
                     ? std::string("about:blank")
                     : "https://learnertrack.dev/problems/" + code;
  body["title"] = status_title(status);
  body["status"] = status;
  body["detail"] = detail.empty() ? status_title(status) : detail;
  body["code"] = code;
  if (!request_id.empty()) body["request_id"] = request_id;
  if (!fields.empty()) {
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const auto& f : fields) {
      errors.push_back({{"field", f.field}, {"code", f.code}, {"message", f.message}});
    }
  }
  Response r = Response::json(status, body);
  r.set_header("Content-Type", "application/problem+json");
  return r;
}

}  // namespace lt::http
