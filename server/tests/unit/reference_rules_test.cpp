// Reference template rules (manual 5.5): the rating scale, attendance bounds, the further-details
// requirement, draft cleaning and the completeness check, and the stored JSON form.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "domain/reference_data.hpp"
#include "domain/reference_rules.hpp"

using namespace lt::domain;

namespace {

// A reference with every field filled in, rated `rating` throughout.
ReferenceContent complete_reference(const std::string& rating = "good") {
  ReferenceContent c;
  c.attendance = 96;
  c.ratings.fill(rating);
  c.additional_support = false;
  c.display_to_learner = true;
  return c;
}

std::set<std::string> fields(const std::vector<FieldError>& errors) {
  std::set<std::string> out;
  for (const auto& e : errors) out.insert(e.field);
  return out;
}

}  // namespace

TEST(ReferenceRules, TheScaleRunsFromExcellentToPoor) {
  std::vector<std::string> codes;
  for (const auto& item : reference_ratings()) codes.push_back(item.code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"excellent", "good", "average", "below_average", "poor"}));
  struct Case {
    const char* code;
    bool below;
  };
  for (const auto& [code, below] : std::vector<Case>{{"excellent", false},
                                                     {"good", false},
                                                     {"average", false},
                                                     {"below_average", true},
                                                     {"poor", true},
                                                     {"", false}})
    EXPECT_EQ(rating_below_average(code), below) << code;
}

TEST(ReferenceRules, TheNineCriteriaOfTheManualInOrder) {
  ASSERT_EQ(reference_criteria().size(), 9u);
  EXPECT_EQ(reference_criteria().front().label, "Relationship with staff");
  EXPECT_EQ(reference_criteria()[6].label, "Involvement in school life");
  EXPECT_EQ(reference_criteria().back().label, "Commitment to learning");
}

TEST(ReferenceRules, FurtherDetailsAreNeededForABelowAverageRatingOrLowAttendance) {
  struct Case {
    std::optional<int> attendance;
    const char* one_rating;  // given to punctuality, the rest "good"
    bool required;
  };
  const std::vector<Case> cases = {
      {96, "good", false}, {96, "average", false},        {96, "below_average", true},
      {96, "poor", true},  {90, "excellent", false},      {89, "excellent", true},
      {0, "good", true},   {std::nullopt, "good", false}, {100, "", false},
  };
  for (const auto& [attendance, rating, required] : cases) {
    ReferenceContent c = complete_reference();
    c.attendance = attendance;
    c.ratings[3] = rating;
    EXPECT_EQ(further_details_required(c), required) << attendance.value_or(-1) << " " << rating;
  }
}

TEST(ReferenceRules, AttendanceIsAPercentage) {
  for (const auto& [attendance, ok] : std::vector<std::pair<int, bool>>{
           {-1, false}, {0, true}, {50, true}, {100, true}, {101, false}, {1000, false}}) {
    ReferenceContent c;
    c.attendance = attendance;
    const auto errors = check_reference_draft(c);
    EXPECT_EQ(errors.empty(), ok) << attendance;
    if (!ok) {
      EXPECT_EQ(errors.front().code, "out_of_range");
    }
  }
}

TEST(ReferenceRules, ADraftMayBeHalfWrittenButNotWrong) {
  ReferenceContent empty;
  EXPECT_TRUE(check_reference_draft(empty).empty()) << "an empty draft may be saved";

  ReferenceContent c;
  c.ratings[0] = "brilliant";
  c.ratings[3] = " good ";
  c.referee = {"  Jane Smith ", "Pastoral manager", "+44 1632 960 001", "not-an-email"};
  const auto errors = check_reference_draft(c);
  EXPECT_EQ(fields(errors),
            (std::set<std::string>{"ratings.relationship_with_staff", "referee.email"}));
  EXPECT_EQ(c.ratings[3], "good") << "trimmed";
  EXPECT_EQ(c.referee.name, "Jane Smith");
  EXPECT_EQ(c.referee.telephone, "01632960001") << "national digits, as learners' numbers";

  ReferenceContent bad_phone;
  bad_phone.referee.telephone = "12345";
  const auto phone = check_reference_draft(bad_phone);
  ASSERT_EQ(phone.size(), 1u);
  EXPECT_EQ(phone.front().field, "referee.telephone");
  EXPECT_EQ(phone.front().code, "invalid_telephone");
}

TEST(ReferenceRules, CompletionNeedsEveryField) {
  EXPECT_TRUE(check_reference_complete(complete_reference(), true).empty());

  std::set<std::string> everything = {"attendance", "additional_support", "display_to_learner"};
  for (const auto& c : reference_criteria()) everything.insert("ratings." + std::string(c.field));
  EXPECT_EQ(fields(check_reference_complete(ReferenceContent{}, true)), everything);

  struct Case {
    const char* what;
    void (*change)(ReferenceContent&);
    bool default_named;
    std::set<std::string> missing;
  };
  const std::vector<Case> cases = {
      {"a below-average rating without details",
       [](ReferenceContent& c) { c.ratings[8] = "below_average"; },
       true,
       {"further_details"}},
      {"with details",
       [](ReferenceContent& c) {
         c.ratings[8] = "poor";
         c.further_details = "Often late to lessons after illness.";
       },
       true,
       {}},
      {"low attendance without details",
       [](ReferenceContent& c) { c.attendance = 80; },
       true,
       {"further_details"}},
      {"no default referee at the provider", [](ReferenceContent&) {}, false, {"referee"}},
      {"a different referee half given",
       [](ReferenceContent& c) {
         c.different_referee = true;
         c.referee.name = "Tom Jones";
       },
       false,
       {"referee.position", "referee.telephone", "referee.email"}},
      {"a different referee in full",
       [](ReferenceContent& c) {
         c.different_referee = true;
         c.referee = {"Tom Jones", "Head of sixth form", "01632960002", "tom@example.org"};
       },
       false,
       {}},
      {"support not chosen",
       [](ReferenceContent& c) { c.additional_support.reset(); },
       true,
       {"additional_support"}},
  };
  for (const auto& test : cases) {
    ReferenceContent c = complete_reference();
    test.change(c);
    EXPECT_EQ(fields(check_reference_complete(c, test.default_named)), test.missing) << test.what;
  }
}

TEST(ReferenceRules, JsonRoundTrips) {
  ReferenceContent c = complete_reference("excellent");
  c.ratings[2] = "poor";
  c.further_details = "Details";
  c.different_referee = true;
  c.referee = {"Tom Jones", "Head of sixth form", "01632960002", "tom@example.org"};
  const auto json = reference_to_json(c);
  EXPECT_EQ(json["ratings"]["self_discipline"], "poor");
  EXPECT_EQ(json["attendance"], 96);
  EXPECT_EQ(reference_from_json(json), c);
  EXPECT_EQ(reference_from_json(nlohmann::json::parse("{}")), ReferenceContent{});
  EXPECT_EQ(reference_to_json(ReferenceContent{})["display_to_learner"], nullptr);
}
