// Qualification rules (manual 5.4): the completion month, subject and grades of the chosen type,
// at least one grade, retired choices, and codes made from labels. Table-driven.
#include <gtest/gtest.h>

#include "domain/qualification_rules.hpp"

using namespace lt::domain;

namespace {
const std::string kToday = "2026-12-01";

CatalogueType gcse() {
  return {"gcse",
          false,
          {{"mathematics", false}, {"english_language", false}, {"latin", true}},
          {{"9", false}, {"4", false}, {"u", false}, {"g", true}}};
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}
}  // namespace

TEST(QualificationRules, CompletionMonth) {
  struct Case {
    std::string value;
    std::string code;  // empty: valid
  };
  const Case cases[] = {
      {"2026-06", ""},
      {" 2026-06 ", ""},
      {"1950-01", ""},
      {"2032-12", ""},
      {"", "required"},
      {"2026-13", "invalid_month"},
      {"2026-00", "invalid_month"},
      {"2026-6", "invalid_month"},
      {"06/2026", "invalid_month"},
      {"2026-06-01", "invalid_month"},
      {"abcd-ef", "invalid_month"},
      {"1949-12", "month_out_of_range"},
      {"2033-01", "month_out_of_range"},
  };
  for (const auto& c : cases) {
    auto checked = check_completion_month(c.value, kToday);
    if (c.code.empty()) {
      EXPECT_TRUE(checked) << c.value;
    } else {
      ASSERT_FALSE(checked) << c.value;
      EXPECT_EQ(checked.error().fields.front().field, "completed_on");
      EXPECT_EQ(checked.error().fields.front().code, c.code) << c.value;
    }
  }
}

TEST(QualificationRules, SubjectAndGradesBelongToTheType) {
  const auto type = gcse();
  struct Case {
    QualificationDraft draft;
    std::vector<std::string> errors;
  };
  const std::vector<Case> cases = {
      {{"gcse", "mathematics", "2026-06", "", "4"}, {}},
      {{"gcse", "mathematics", "2027-06", "9", ""}, {}},
      {{"gcse", "mathematics", "2026-06", "9", "4"}, {}},
      {{"gcse", "physics", "2026-06", "9", ""}, {"subject:invalid_choice"}},
      {{"gcse", "mathematics", "2026-06", "a_star", ""}, {"predicted_grade:invalid_choice"}},
      {{"gcse", "mathematics", "2026-06", "9", "b"}, {"actual_grade:invalid_choice"}},
      {{"gcse", "mathematics", "2026-06", "", ""},
       {"predicted_grade:grade_required", "actual_grade:grade_required"}},
      {{"gcse", "", "", "9", ""}, {"subject:required", "completed_on:required"}},
      {{"gcse", "mathematics", "2027-06", "", "9"}, {"actual_grade:actual_grade_in_future"}},
      {{"gcse", "latin", "2026-06", "9", ""}, {"subject:invalid_choice"}},
      {{"gcse", "mathematics", "2026-06", "g", ""}, {"predicted_grade:invalid_choice"}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(fields_of(check_qualification(c.draft, &type, kToday)), c.errors)
        << c.draft.subject << " " << c.draft.predicted_grade << " " << c.draft.actual_grade;
}

TEST(QualificationRules, UnknownOrMissingType) {
  EXPECT_EQ(
      fields_of(check_qualification({"", "mathematics", "2026-06", "9", ""}, nullptr, kToday)),
      std::vector<std::string>{"type:required"});
  EXPECT_EQ(
      fields_of(check_qualification({"hnd", "mathematics", "2026-06", "9", ""}, nullptr, kToday)),
      std::vector<std::string>{"type:invalid_choice"});
}

TEST(QualificationRules, RetiredChoicesStayOnTheRecordsThatHoldThem) {
  auto type = gcse();
  const QualificationDraft held{"gcse", "latin", "2020-06", "g", ""};
  EXPECT_TRUE(check_qualification(held, &type, kToday, &held).empty());
  type.retired = true;
  EXPECT_TRUE(check_qualification(held, &type, kToday, &held).empty());
  EXPECT_EQ(fields_of(check_qualification(held, &type, kToday)),
            (std::vector<std::string>{"type:invalid_choice", "subject:invalid_choice",
                                      "predicted_grade:invalid_choice"}));
}

TEST(QualificationRules, CodesFromLabels) {
  const std::pair<std::string, std::string> cases[] = {
      {"A*", "a_star"},
      {"D*D*", "d_star_d_star"},
      {"Art & Design", "art_and_design"},
      {"Chinese (Mandarin)", "chinese_mandarin"},
      {"  Level 2 Pass ", "level_2_pass"},
      {"9", "9"},
      {"É—", ""},
  };
  for (const auto& [label, code] : cases) EXPECT_EQ(code_from_label(label), code) << label;
}

TEST(QualificationRules, CatalogueLabels) {
  EXPECT_EQ(*check_catalogue_label("  Astronomy "), "Astronomy");
  EXPECT_EQ(check_catalogue_label("").error().fields.front().code, "required");
  EXPECT_EQ(check_catalogue_label("--").error().fields.front().code, "invalid_label");
  EXPECT_EQ(check_catalogue_label(std::string(121, 'a')).error().fields.front().code, "too_long");
}
