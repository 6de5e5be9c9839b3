// A learner for API tests: the create body with every required field (Bob Learner, Year 12, the
// password "Start123" to change at first sign-in), and creating one through the API.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace lt::test {

inline nlohmann::json learner_body(const std::string& username, long long provider,
                                   const nlohmann::json& extra = nlohmann::json::object()) {
  nlohmann::json body = {{"username", username},          {"password", "Start123"},
                         {"first_name", "Bob"},           {"last_name", "Learner"},
                         {"date_of_birth", "2008-04-01"}, {"year_group", "year_12"},
                         {"provider_id", provider}};
  body.update(extra);
  return body;
}

// Creates the learner as `manager` and returns its id.
inline long long add_learner(HttpClient& manager, const std::string& username, long long provider) {
  return manager.post("/api/v1/learners", learner_body(username, provider).dump())
      .json()["id"]
      .get<long long>();
}

}  // namespace lt::test
