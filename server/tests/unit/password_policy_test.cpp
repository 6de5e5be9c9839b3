// The password rules of the source manual (section 3.4) and the stronger preset.
#include <gtest/gtest.h>

#include "domain/password_policy.hpp"

using lt::domain::PasswordPolicy;

namespace {
bool accepted(const PasswordPolicy& p, const std::string& password) {
  return p.check(password).has_value();
}
}  // namespace

TEST(PasswordPolicy, StandardAcceptsSixToTwentyWithLetterAndDigitOrSymbol) {
  const auto p = PasswordPolicy::standard();
  EXPECT_TRUE(accepted(p, "abcde1"));                // 6, letter + digit
  EXPECT_TRUE(accepted(p, "abcde!"));                // symbol instead of digit
  EXPECT_TRUE(accepted(p, "A1234567890123456789"));  // exactly 20
  EXPECT_TRUE(accepted(p, "pass word1"));            // a space counts as a symbol
}

TEST(PasswordPolicy, StandardRejectsWhatTheManualForbids) {
  const auto p = PasswordPolicy::standard();
  EXPECT_FALSE(accepted(p, "abc1"));                   // too short
  EXPECT_FALSE(accepted(p, "abcd1"));                  // 5
  EXPECT_FALSE(accepted(p, "A12345678901234567890"));  // 21
  EXPECT_FALSE(accepted(p, "abcdefgh"));               // no digit or symbol
  EXPECT_FALSE(accepted(p, "12345678"));               // no letter
  EXPECT_FALSE(accepted(p, "!!!!!!!!"));               // no letter
  EXPECT_FALSE(accepted(p, ""));
}

TEST(PasswordPolicy, ErrorIsAFieldErrorWithTheRule) {
  auto result = PasswordPolicy::standard().check("abc", "new_password");
  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, "new_password");
  EXPECT_EQ(result.error().fields[0].code, "weak_password");
  EXPECT_NE(result.error().fields[0].message.find("6 to 20"), std::string::npos);
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  // Six characters, eight bytes in UTF-8: long enough.
  EXPECT_TRUE(accepted(PasswordPolicy::standard(),
                       "caf\xC3\xA9\xC3\xA9"
                       "1"));
}

TEST(PasswordPolicy, StrongNeedsTwelveMixedCaseDigitAndSymbol) {
  const auto p = PasswordPolicy::strong();
  EXPECT_TRUE(accepted(p, "Correct-Horse9"));
  EXPECT_FALSE(accepted(p, "Short-Pass9"));     // 11
  EXPECT_FALSE(accepted(p, "correct-horse9"));  // no upper case
  EXPECT_FALSE(accepted(p, "CorrectHorse99"));  // no symbol
  EXPECT_FALSE(accepted(p, "Correct-Horse-"));  // no digit
  EXPECT_TRUE(accepted(PasswordPolicy::standard(), "Short-Pass9"));
}

TEST(PasswordPolicy, PresetsByName) {
  EXPECT_EQ(PasswordPolicy::named("standard")->min_length, 6u);
  EXPECT_EQ(PasswordPolicy::named("strong")->min_length, 12u);
  EXPECT_FALSE(PasswordPolicy::named("weak").has_value());
}
