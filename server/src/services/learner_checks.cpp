// The create-learner form's field rules, shared by the form (services/learners) and the
// spreadsheet import, so a learner is checked the same way whichever way it arrives.
#include "services/learner_checks.hpp"

#include "domain/account_rules.hpp"
#include "domain/learner_rules.hpp"
#include "domain/text.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using domain::FieldError;

// Checks the fields present (all required ones when creating) and cleans them in place.
void check_learner_fields(LearnerInput& in, bool creating, const std::string& today,
                          std::vector<FieldError>& errors) {
  auto run = [&](std::optional<std::string>& value, bool required, const std::string& field,
                 auto check) {
    if (!value || domain::trim(*value).empty()) {
      if (value) value = "";
      if (required && (creating || value))
        errors.push_back({field, "required", "This field is required."});
      return;
    }
    auto checked = check(*value);
    if (checked)
      value = *checked;
    else
      errors.push_back(checked.error().fields.front());
  };
  run(in.username, true, "username", [](auto& v) { return domain::check_learner_username(v); });
  run(in.first_name, true, "first_name",
      [](auto& v) { return domain::check_name(v, "first_name"); });
  run(in.last_name, true, "last_name", [](auto& v) { return domain::check_name(v, "last_name"); });
  run(in.date_of_birth, true, "date_of_birth",
      [&](auto& v) { return domain::check_date_of_birth(v, today); });
  run(in.email, false, "email", [](auto& v) { return domain::check_email(v); });
  run(in.postcode, false, "postcode", [](auto& v) { return domain::check_postcode(v); });
  run(in.telephone, false, "telephone", [](auto& v) { return domain::check_uk_telephone(v); });
  run(in.uln, false, "uln", [](auto& v) { return domain::check_uln(v); });
  run(in.upn, false, "upn", [](auto& v) { return domain::check_upn(v); });
  run(in.ccis, false, "ccis", [](auto& v) { return domain::check_ccis(v); });
  for (auto* text : {&in.house, &in.street, &in.locality, &in.town})
    if (*text) *text = domain::trim(**text);
  for (const auto& [value, field] :
       {std::pair{&in.profile_sign_off, "profile_sign_off"},
        std::pair{&in.manager_adds_qualifications, "manager_adds_qualifications"}}) {
    if (!*value) continue;
    if (**value != "default" && **value != "yes" && **value != "no")
      errors.push_back({field, "invalid_choice", "Choose default, yes or no."});
  }
  if (creating && !in.provider_id)
    errors.push_back({"provider_id", "required", "Choose the learner's provider."});
  if (creating && (!in.password || in.password->empty()))
    errors.push_back({"password", "required", "Set a first password for the learner."});
  if (!creating && !in.version)
    errors.push_back({"version", "required", "Send the version you edited."});
}

ReferenceCodes ReferenceCodes::load(soci::session& sql) {
  ReferenceCodes codes;
  for (auto [list, into] : {std::pair{"year-groups", &codes.year_groups},
                            {"genders", &codes.genders},
                            {"ethnicities", &codes.ethnicities}})
    for (const auto& item : store::reference::items(sql, list)) into->insert(item.code);
  return codes;
}

void check_learner_codes(const ReferenceCodes& codes, const LearnerInput& in, bool creating,
                         std::vector<FieldError>& errors) {
  for (const auto& [value, list, field, required] :
       {std::tuple{&in.year_group, &codes.year_groups, "year_group", true},
        std::tuple{&in.gender, &codes.genders, "gender", false},
        std::tuple{&in.ethnicity, &codes.ethnicities, "ethnicity", false}}) {
    if (!*value || (*value)->empty()) {
      if (required && (creating || *value))
        errors.push_back({field, "required", "This field is required."});
      continue;
    }
    if (!list->contains(**value))
      errors.push_back({field, "invalid_choice", "Choose one of the listed options."});
  }
}

}  // namespace lt::services
