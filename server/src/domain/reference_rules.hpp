// A learner's reference (manual 5.5) as pure rules: the template's fields, the rating scale, the
// draft checks (what may be saved half-written), the completion checks (everything filled in, and
// further details where a rating or the attendance gives cause), and the JSON form in which drafts
// and completed versions are stored and served. Pure: no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.hpp"

namespace lt::domain {

// The criteria the template rates, in the manual's order: {field name, label}.
struct Criterion {
  std::string_view field;
  std::string_view label;
};
inline constexpr std::size_t kCriteriaCount = 9;
const std::array<Criterion, kCriteriaCount>& reference_criteria();

// Attendance below this percentage needs further details, as a below-average rating does: 90% is
// the line below which the DfE counts a pupil as persistently absent.
inline constexpr int kAttendanceNeedingDetails = 90;

struct Referee {
  std::string name, position, telephone, email;
  bool operator==(const Referee&) const = default;
};

struct ReferenceContent {
  // false: the provider's default referee; true: `referee` below ("Add a different referee").
  bool different_referee = false;
  Referee referee;
  std::optional<int> attendance;  // percentage, 0–100
  // One rating code per criterion, in reference_criteria() order; "" = not rated yet.
  std::array<std::string, kCriteriaCount> ratings;
  std::string further_details;
  std::optional<bool> additional_support;
  std::optional<bool> display_to_learner;
  bool operator==(const ReferenceContent&) const = default;
};

// Whether a rating code is below average on the scale (below_average, poor).
bool rating_below_average(std::string_view code);

// Whether further details must be given: any rating below average, or attendance below
// kAttendanceNeedingDetails.
bool further_details_required(const ReferenceContent& content);

// Checks what a draft may hold and cleans it in place: trims text, puts the different referee's
// telephone into national digits. Empty fields are allowed. Errors name the fields as the API
// does: "attendance" (out_of_range), "ratings.<criterion>" (invalid_choice),
// "referee.telephone" (invalid_telephone), "referee.email" (invalid_email).
std::vector<FieldError> check_reference_draft(ReferenceContent& content);

// Checks a cleaned draft is ready to complete: attendance, every rating, additional support and
// display to learner given (required); further details when further_details_required; with a
// different referee, their name, position, telephone and email; with the default one, that the
// provider has one (`default_referee_named`; "referee" no_default_referee).
std::vector<FieldError> check_reference_complete(const ReferenceContent& content,
                                                 bool default_referee_named);

// The stored and served JSON form: {different_referee, referee{name, position, telephone, email},
// attendance, ratings{<criterion>: code}, further_details, additional_support,
// display_to_learner}.
nlohmann::json reference_to_json(const ReferenceContent& content);
// Reads that form back; missing or mistyped members read as empty.
ReferenceContent reference_from_json(const nlohmann::json& json);

}  // namespace lt::domain
