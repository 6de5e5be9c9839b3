// The OpenAPI 3.1 description of the API, built once.
#pragma once

#include <nlohmann/json.hpp>

namespace lt::api {
const nlohmann::json& openapi_document();
}  // namespace lt::api
