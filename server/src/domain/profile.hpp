// The learner profile's sections and its approval (manual 5.2 f–g and 5.6), as pure rules: which
// section a field belongs to, who may complete which section, and the approval state a profile is
// in. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lt::domain {

enum class Section { key_information, additional_information, qualifications, reference };

std::optional<Section> parse_section(std::string_view name);
std::string_view section_name(Section s);

// The section an editable learner field belongs to; nullopt for fields outside the sections
// (provider, sign-off choices…).
std::optional<Section> section_of_field(std::string_view field);

// Whether sign-off applies: the learner's own choice, or the provider's default.
bool sign_off_applies(std::string_view learner_choice, bool provider_default);
// Whether the manager adds qualifications: the learner's own choice, or the provider's default
// ("learners add their own" = false means the manager adds them).
bool manager_adds_qualifications(std::string_view learner_choice, bool learners_add_by_default);

// Who is acting on a profile.
enum class Actor { learner, manager };
// Whether `actor` may mark `section` complete or reopen it. Learners complete their own key and
// additional information, their qualifications only when they add them, and never the reference.
bool may_change_section(Actor actor, Section section, bool manager_adds_qualifications);

// The approval state shown for a profile: "not_required" (no sign-off), "incomplete" (sign-off
// applies, some section not complete), "awaiting" (complete, not yet approved) or "approved".
std::string approval_state(bool sign_off_applies, bool all_complete, bool approved);

}  // namespace lt::domain
