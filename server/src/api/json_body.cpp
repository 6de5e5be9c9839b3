// JSON body and query parameter reading.
#include "api/json_body.hpp"

#include <charconv>

namespace lt::api {

using domain::Error;
using domain::ErrorKind;
using domain::fail;

namespace {
std::optional<long long> parse_long(const std::string& text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}
}  // namespace

domain::Result<JsonBody> JsonBody::parse(const http::Request& request) {
  JsonBody body;
  if (request.body.empty()) {
    body.json_ = nlohmann::json::object();
    return body;
  }
  const auto type = request.header("content-type");
  if (!type || type->find("application/json") == std::string_view::npos)
    return fail(Error::make(ErrorKind::unsupported_media, "unsupported_media_type",
                            "Send the request body as application/json."));
  body.json_ = nlohmann::json::parse(request.body, nullptr, false);
  if (body.json_.is_discarded() || !body.json_.is_object())
    return fail(Error::make(ErrorKind::bad_request, "malformed_json",
                            "The request body is not a valid JSON object."));
  return body;
}

std::optional<std::string> JsonBody::string(const std::string& field) {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    add_error(field, "invalid_type", "This must be text.");
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<bool> JsonBody::boolean(const std::string& field) {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    add_error(field, "invalid_type", "This must be true or false.");
    return std::nullopt;
  }
  return it->get<bool>();
}

std::optional<std::string> JsonBody::nested_string(const std::string& parent,
                                                   const std::string& field) {
  auto outer = json_.find(parent);
  if (outer == json_.end() || outer->is_null()) return std::nullopt;
  if (!outer->is_object()) {
    add_error(parent, "invalid_type", "This must be an object.");
    return std::nullopt;
  }
  auto it = outer->find(field);
  if (it == outer->end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    add_error(parent + "." + field, "invalid_type", "This must be text.");
    return std::nullopt;
  }
  return it->get<std::string>();
}

bool JsonBody::is_null(const std::string& field) const {
  auto it = json_.find(field);
  return it != json_.end() && it->is_null();
}

std::optional<int> JsonBody::integer(const std::string& field) {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<long long>() > 2147483647 ||
      it->get<long long>() < -2147483647) {
    add_error(field, "invalid_type", "This must be a whole number.");
    return std::nullopt;
  }
  return it->get<int>();
}

std::optional<long long> JsonBody::id(const std::string& field) {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<long long>() <= 0) {
    add_error(field, "invalid_type", "This must be a record id.");
    return std::nullopt;
  }
  return it->get<long long>();
}

void JsonBody::add_error(std::string field, std::string code, std::string message) {
  errors_.push_back({std::move(field), std::move(code), std::move(message)});
}

domain::Result<void> JsonBody::finish() const {
  if (errors_.empty()) return domain::ok();
  return fail(Error::validation(errors_));
}

domain::Result<std::optional<int>> query_int(const http::Request& request,
                                             const std::string& name) {
  auto text = request.query_param(name);
  if (!text || text->empty()) return std::optional<int>();
  auto value = parse_long(*text);
  if (!value || *value < -2147483647 || *value > 2147483647)
    return fail(Error::validation(name, "invalid_type", "This must be a whole number."));
  return std::optional<int>(static_cast<int>(*value));
}

domain::Result<std::optional<long long>> query_id(const http::Request& request,
                                                  const std::string& name) {
  auto text = request.query_param(name);
  if (!text || text->empty()) return std::optional<long long>();
  auto value = parse_long(*text);
  if (!value || *value <= 0)
    return fail(Error::validation(name, "invalid_type", "This must be a record id."));
  return std::optional<long long>(*value);
}

domain::Result<long long> path_id(const http::Request& request, const std::string& name) {
  auto value = parse_long(request.param(name));
  if (!value || *value <= 0) return fail(Error::not_found());
  return *value;
}

}  // namespace lt::api
