// Reference template rules (see reference_rules.hpp).
#include "domain/reference_rules.hpp"

#include "domain/account_rules.hpp"
#include "domain/learner_rules.hpp"
#include "domain/reference_data.hpp"
#include "domain/text.hpp"

namespace lt::domain {

const std::array<Criterion, kCriteriaCount>& reference_criteria() {
  static constexpr std::array<Criterion, kCriteriaCount> list{{
      {"relationship_with_staff", "Relationship with staff"},
      {"relationship_with_students", "Relationship with other students"},
      {"self_discipline", "Self discipline"},
      {"punctuality", "Punctuality"},
      {"academic_ability", "General academic ability"},
      {"health", "Health"},
      {"school_life", "Involvement in school life"},
      {"behaviour", "Behaviour"},
      {"commitment_to_learning", "Commitment to learning"},
  }};
  return list;
}

bool rating_below_average(std::string_view code) {
  return code == "below_average" || code == "poor";
}

bool further_details_required(const ReferenceContent& c) {
  if (c.attendance && *c.attendance < kAttendanceNeedingDetails) return true;
  for (const auto& rating : c.ratings)
    if (rating_below_average(rating)) return true;
  return false;
}

std::vector<FieldError> check_reference_draft(ReferenceContent& c) {
  std::vector<FieldError> errors;
  if (c.attendance && (*c.attendance < 0 || *c.attendance > 100))
    errors.push_back({"attendance", "out_of_range", "Enter a percentage from 0 to 100."});
  for (std::size_t i = 0; i < kCriteriaCount; ++i) {
    c.ratings[i] = trim(c.ratings[i]);
    if (!c.ratings[i].empty() && !find_code(reference_ratings(), c.ratings[i]))
      errors.push_back({"ratings." + std::string(reference_criteria()[i].field), "invalid_choice",
                        "Choose one of the listed ratings."});
  }
  c.further_details = trim(c.further_details);
  Referee& r = c.referee;
  r.name = trim(r.name);
  r.position = trim(r.position);
  r.telephone = trim(r.telephone);
  r.email = trim(r.email);
  if (!r.telephone.empty()) {
    if (auto tel = check_uk_telephone(r.telephone, "referee.telephone"))
      r.telephone = *tel;
    else
      errors.push_back(tel.error().fields.front());
  }
  if (!r.email.empty()) {
    if (auto email = check_email(r.email, "referee.email"))
      r.email = *email;
    else
      errors.push_back(email.error().fields.front());
  }
  return errors;
}

std::vector<FieldError> check_reference_complete(const ReferenceContent& c,
                                                 bool default_referee_named) {
  std::vector<FieldError> errors;
  auto required = [&](bool missing, std::string field, const char* message) {
    if (missing) errors.push_back({std::move(field), "required", message});
  };
  if (c.different_referee) {
    required(c.referee.name.empty(), "referee.name", "Enter the referee's name.");
    required(c.referee.position.empty(), "referee.position", "Enter the referee's position.");
    required(c.referee.telephone.empty(), "referee.telephone",
             "Enter the referee's telephone number.");
    required(c.referee.email.empty(), "referee.email", "Enter the referee's email address.");
  } else if (!default_referee_named) {
    errors.push_back({"referee", "no_default_referee",
                      "The provider has no default referee. Add a different referee."});
  }
  required(!c.attendance, "attendance", "Enter the attendance percentage.");
  for (std::size_t i = 0; i < kCriteriaCount; ++i)
    required(c.ratings[i].empty(), "ratings." + std::string(reference_criteria()[i].field),
             "Choose a rating.");
  required(further_details_required(c) && c.further_details.empty(), "further_details",
           "Give further details: a rating is below average or attendance is below 90%.");
  required(!c.additional_support, "additional_support",
           "Choose whether additional support is required.");
  required(!c.display_to_learner, "display_to_learner",
           "Choose whether to display the reference to the learner.");
  return errors;
}

namespace {
nlohmann::json optional_json(const auto& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
std::string text_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

nlohmann::json reference_to_json(const ReferenceContent& c) {
  nlohmann::json ratings = nlohmann::json::object();
  for (std::size_t i = 0; i < kCriteriaCount; ++i)
    ratings[std::string(reference_criteria()[i].field)] = c.ratings[i];
  return {{"different_referee", c.different_referee},
          {"referee",
           {{"name", c.referee.name},
            {"position", c.referee.position},
            {"telephone", c.referee.telephone},
            {"email", c.referee.email}}},
          {"attendance", optional_json(c.attendance)},
          {"ratings", std::move(ratings)},
          {"further_details", c.further_details},
          {"additional_support", optional_json(c.additional_support)},
          {"display_to_learner", optional_json(c.display_to_learner)}};
}

ReferenceContent reference_from_json(const nlohmann::json& j) {
  ReferenceContent c;
  if (!j.is_object()) return c;
  if (auto it = j.find("different_referee"); it != j.end() && it->is_boolean())
    c.different_referee = it->get<bool>();
  if (auto it = j.find("referee"); it != j.end() && it->is_object())
    c.referee = {text_of(*it, "name"), text_of(*it, "position"), text_of(*it, "telephone"),
                 text_of(*it, "email")};
  if (auto it = j.find("attendance"); it != j.end() && it->is_number_integer())
    c.attendance = it->get<int>();
  if (auto it = j.find("ratings"); it != j.end() && it->is_object())
    for (std::size_t i = 0; i < kCriteriaCount; ++i)
      c.ratings[i] = text_of(*it, std::string(reference_criteria()[i].field).c_str());
  c.further_details = text_of(j, "further_details");
  for (const auto& [key, target] : {std::pair{"additional_support", &c.additional_support},
                                    std::pair{"display_to_learner", &c.display_to_learner}})
    if (auto it = j.find(key); it != j.end() && it->is_boolean()) *target = it->get<bool>();
  return c;
}

}  // namespace lt::domain
