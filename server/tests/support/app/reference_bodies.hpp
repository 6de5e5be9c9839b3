// Request bodies for learner references in API tests: a reference with every field filled in,
// ready for POST /learners/{id}/reference/complete, and the path helpers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lt::test {

// Every criterion rated `rating`, attendance 96%, no support needed, displayed as asked.
inline nlohmann::json full_reference(int version, const std::string& rating = "good",
                                     bool display_to_learner = false) {
  nlohmann::json ratings = nlohmann::json::object();
  for (const char* c :
       {"relationship_with_staff", "relationship_with_students", "self_discipline", "punctuality",
        "academic_ability", "health", "school_life", "behaviour", "commitment_to_learning"})
    ratings[c] = rating;
  return {{"different_referee", false},  {"attendance", 96},
          {"ratings", ratings},          {"further_details", ""},
          {"additional_support", false}, {"display_to_learner", display_to_learner},
          {"version", version}};
}

// The same, given by a referee of its own rather than the provider's default (which a provider
// may not have): for tests that need a complete reference section, not a particular referee.
inline nlohmann::json reference_by_own_referee(int version) {
  nlohmann::json body = full_reference(version);
  body["different_referee"] = true;
  body["referee"] = {{"name", "Tom Jones"},
                     {"position", "Head of sixth form"},
                     {"telephone", "01632960002"},
                     {"email", "tom@example.org"}};
  return body;
}

inline std::string reference_path(long long learner, const std::string& tail = "") {
  return "/api/v1/learners/" + std::to_string(learner) + "/reference" + tail;
}

}  // namespace lt::test
