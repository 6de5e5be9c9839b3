// Profile sections and approval rules (manual 5.2 f–g, 5.4, 5.6).
#include <gtest/gtest.h>

#include "domain/profile.hpp"

using namespace lt::domain;

TEST(Profile, FieldsBelongToTheirSections) {
  EXPECT_EQ(section_of_field("postcode"), Section::additional_information);
  EXPECT_EQ(section_of_field("year_group"), Section::key_information);
  EXPECT_EQ(section_of_field("email"), Section::key_information);
  EXPECT_EQ(section_of_field("uln"), Section::additional_information);
  EXPECT_FALSE(section_of_field("provider_id").has_value());
  EXPECT_EQ(parse_section("reference"), Section::reference);
  EXPECT_FALSE(parse_section("hobbies").has_value());
  EXPECT_EQ(section_name(Section::qualifications), "qualifications");
}

TEST(Profile, ChoicesFallBackToTheProviderDefault) {
  EXPECT_TRUE(sign_off_applies("yes", false));
  EXPECT_FALSE(sign_off_applies("no", true));
  EXPECT_TRUE(sign_off_applies("default", true));
  EXPECT_FALSE(sign_off_applies("default", false));
  EXPECT_TRUE(manager_adds_qualifications("default", false)) << "learners may not add their own";
  EXPECT_FALSE(manager_adds_qualifications("default", true));
  EXPECT_TRUE(manager_adds_qualifications("yes", true));
}

TEST(Profile, LearnersCompleteOnlyTheirOwnSections) {
  EXPECT_TRUE(may_change_section(Actor::learner, Section::key_information, false));
  EXPECT_TRUE(may_change_section(Actor::learner, Section::qualifications, false));
  EXPECT_FALSE(may_change_section(Actor::learner, Section::qualifications, true));
  EXPECT_FALSE(may_change_section(Actor::learner, Section::reference, false));
  EXPECT_TRUE(may_change_section(Actor::manager, Section::reference, true));
}

TEST(Profile, ApprovalStates) {
  EXPECT_EQ(approval_state(false, true, false), "not_required");
  EXPECT_EQ(approval_state(false, true, true), "not_required");
  EXPECT_EQ(approval_state(true, false, false), "incomplete");
  EXPECT_EQ(approval_state(true, true, false), "awaiting");
  EXPECT_EQ(approval_state(true, true, true), "approved");
}
