// Reading a JSON request body field by field. Type mistakes are collected as field errors
// ("invalid_type") and reported together by `finish()`, so a client learns every problem at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "http/message.hpp"

namespace lt::api {

class JsonBody {
 public:
  // 415 unsupported_media_type when a body is not JSON; 400 malformed_json when it does not
  // parse or is not an object. An empty body reads as {}.
  static domain::Result<JsonBody> parse(const http::Request& request);

  bool has(const std::string& field) const { return json_.contains(field); }
  // Present and a string (null counts as absent for optional fields).
  std::optional<std::string> string(const std::string& field);
  // Present and null: the client asked to clear the field.
  bool is_null(const std::string& field) const;
  std::optional<int> integer(const std::string& field);
  std::optional<bool> boolean(const std::string& field);
  // A string inside a nested object, reported as "parent.field".
  std::optional<std::string> nested_string(const std::string& parent, const std::string& field);
  std::optional<long long> id(const std::string& field);
  const nlohmann::json& raw() const { return json_; }
  void add_error(std::string field, std::string code, std::string message);

  // Ok when no field had the wrong type; otherwise a 422 listing each.
  domain::Result<void> finish() const;

 private:
  nlohmann::json json_;
  std::vector<domain::FieldError> errors_;
};

// Query parameter helpers: an unparsable number is a 422 on that parameter.
domain::Result<std::optional<int>> query_int(const http::Request& request, const std::string& name);
domain::Result<std::optional<long long>> query_id(const http::Request& request,
                                                  const std::string& name);
// The {id} path parameter; 404 when it is not a positive integer.
domain::Result<long long> path_id(const http::Request& request, const std::string& name = "id");

}  // namespace lt::api
