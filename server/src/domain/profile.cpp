// Profile sections and approval.
#include "domain/profile.hpp"

#include <array>
#include <utility>

namespace lt::domain {

std::optional<Section> parse_section(std::string_view name) {
  for (Section s : {Section::key_information, Section::additional_information,
                    Section::qualifications, Section::reference})
    if (section_name(s) == name) return s;
  return std::nullopt;
}

std::string_view section_name(Section s) {
  switch (s) {
    case Section::key_information:
      return "key_information";
    case Section::additional_information:
      return "additional_information";
    case Section::qualifications:
      return "qualifications";
    case Section::reference:
      return "reference";
  }
  return "key_information";
}

std::optional<Section> section_of_field(std::string_view field) {
  // As the manual's create-learner form groups them (5.1): key information, then additional.
  static constexpr std::array<std::pair<std::string_view, Section>, 16> kFields{{
      {"first_name", Section::key_information},
      {"last_name", Section::key_information},
      {"date_of_birth", Section::key_information},
      {"email", Section::key_information},
      {"year_group", Section::key_information},
      {"house", Section::additional_information},
      {"street", Section::additional_information},
      {"locality", Section::additional_information},
      {"town", Section::additional_information},
      {"postcode", Section::additional_information},
      {"telephone", Section::additional_information},
      {"uln", Section::additional_information},
      {"upn", Section::additional_information},
      {"ccis", Section::additional_information},
      {"gender", Section::additional_information},
      {"ethnicity", Section::additional_information},
  }};
  for (const auto& [name, section] : kFields)
    if (name == field) return section;
  return std::nullopt;
}

bool sign_off_applies(std::string_view learner_choice, bool provider_default) {
  return learner_choice == "yes" || (learner_choice == "default" && provider_default);
}

bool manager_adds_qualifications(std::string_view learner_choice, bool learners_add_by_default) {
  return learner_choice == "yes" || (learner_choice == "default" && !learners_add_by_default);
}

bool may_change_section(Actor actor, Section section, bool manager_adds) {
  if (actor == Actor::manager) return true;
  switch (section) {
    case Section::key_information:
    case Section::additional_information:
      return true;
    case Section::qualifications:
      return !manager_adds;
    case Section::reference:
      return false;
  }
  return false;
}

std::string approval_state(bool sign_off, bool all_complete, bool approved) {
  if (!sign_off) return "not_required";
  if (approved) return "approved";
  return all_complete ? "awaiting" : "incomplete";
}

}  // namespace lt::domain
