// Username (manual section 3.3), email, telephone, name and UKPRN rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/account_rules.hpp"

using namespace lt::domain;

TEST(Username, AcceptsSixTo256LettersDigitsAndAtDotDashUnderscore) {
  EXPECT_EQ(*check_username("jo.bloggs@example.org"), "jo.bloggs@example.org");
  EXPECT_EQ(*check_username("abc_12"), "abc_12");
  EXPECT_EQ(*check_username("  padded-name  "), "padded-name");
  EXPECT_TRUE(check_username(std::string(256, 'a')).has_value());
}

TEST(Username, RejectsWrongLengthOrCharacters) {
  const std::vector<std::string> bad_names = {
      "abcde",      "",           std::string(257, 'a'), "has space",
      "semi;colon", "quote'name", "caf\xC3\xA9name",     "slash/name"};
  for (const auto& bad : bad_names) {
    auto result = check_username(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_username") << bad;
    EXPECT_EQ(result.error().fields.at(0).field, "username");
  }
}

TEST(Email, AcceptsOrdinaryAddressesAndLowerCasesTheDomain) {
  EXPECT_EQ(*check_email(" Jo.Bloggs@Example.ORG "), "Jo.Bloggs@example.org");
  for (const std::string bad : {"jo", "jo@", "@example.org", "jo@example", "jo@@example.org",
                                "jo bloggs@example.org", "jo@example.org.", "jo@.example.org"}) {
    auto result = check_email(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_email");
  }
}

TEST(Telephone, UkNumbersTenOrElevenDigitsOrInternational) {
  EXPECT_TRUE(check_telephone("01632 960001"));   // 11 digits, Ofcom drama range
  EXPECT_TRUE(check_telephone("020 7946 0000"));  // 11
  EXPECT_TRUE(check_telephone("+44 1632 960001"));
  EXPECT_TRUE(check_telephone("(01632) 960-001"));
  EXPECT_TRUE(check_telephone(""));  // optional
  EXPECT_FALSE(check_telephone("12345"));
  EXPECT_FALSE(check_telephone("01632 96000x"));
  EXPECT_EQ(check_telephone("01632").error().fields.at(0).code, "invalid_telephone");
}

TEST(Name, RequiredTrimmedAndBounded) {
  EXPECT_EQ(*check_name("  Jo ", "first_name"), "Jo");
  EXPECT_EQ(check_name("   ", "first_name").error().fields.at(0).code, "required");
  EXPECT_EQ(check_name(std::string(101, 'x'), "last_name").error().fields.at(0).code, "too_long");
}

TEST(Ukprn, EightDigitsStartingWithOne) {
  EXPECT_EQ(*check_ukprn("10012345"), "10012345");
  EXPECT_EQ(*check_ukprn(" 10000001 "), "10000001");
  for (const std::string bad : {"20012345", "1001234", "100123456", "1001234a", ""}) {
    auto result = check_ukprn(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_ukprn");
  }
}
