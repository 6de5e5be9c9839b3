// Table-driven tests of the learner field rules, using the worked examples of
// ../shared/domain/FACTS.md (ULN §1, UPN §2, postcodes and telephones §3).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/learner_rules.hpp"

using namespace lt::domain;

struct Case {
  std::string input;
  bool valid;
  std::string cleaned = {};  // expected cleaned value when valid (empty: same as input)
};

class UlnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UlnTest, ChecksTheDd01CheckDigit) {
  const auto& c = GetParam();
  auto result = check_uln(c.input);
  ASSERT_EQ(result.has_value(), c.valid) << c.input;
  if (!c.valid) {
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_uln");
  }
}
INSTANTIATE_TEST_SUITE_P(FactsVectors, UlnTest,
                         ::testing::Values(Case{"9276308686", true}, Case{"1000000043", true},
                                           Case{"1000000063", false}, Case{"1234567890", false},
                                           Case{"1234567899", true}, Case{"5000000004", true},
                                           Case{"1111111110", true}, Case{"4242424247", true},
                                           Case{"9876543210", false}, Case{"9876543219", false},
                                           Case{"0123456789", false}, Case{"100000004", false},
                                           Case{"9999999999", true}, Case{"12345678a9", false},
                                           Case{" 9276308686 ", true}));

TEST(Uln, NoCheckDigitExistsWhenTheRemainderIsZero) {
  EXPECT_EQ(uln_check_digit("100000006"), -1);
  EXPECT_EQ(uln_check_digit("100000004"), 3);
  EXPECT_EQ(uln_check_digit("927630868"), 6);
}

class UpnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UpnTest, ChecksTheMod23Letter) {
  const auto& c = GetParam();
  auto result = check_upn(c.input);
  ASSERT_EQ(result.has_value(), c.valid) << c.input;
  if (c.valid && !c.cleaned.empty()) {
    EXPECT_EQ(*result, c.cleaned);
  }
  if (!c.valid) {
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_upn");
  }
}
// FACTS.md §2: Juniper's worked example says Q207000016049; the sum is 266, so P is right.
INSTANTIATE_TEST_SUITE_P(
    FactsVectors, UpnTest,
    ::testing::Values(Case{"B801200005001", true}, Case{"A801200005001", false},
                      Case{"X00180001701A", true}, Case{"R823123456001", true},
                      Case{"N20712345601A", true}, Case{"W30512342300B", true},
                      Case{"P207000016049", true}, Case{"Q207000016049", false},
                      Case{"b801200005001", true, "B801200005001"}, Case{"B80120000500", false},
                      Case{"B80120000500I", false}, Case{"B8012000050A1", false}));

class PostcodeTest : public ::testing::TestWithParam<Case> {};
TEST_P(PostcodeTest, NormalisesThenAppliesTheIlrPattern) {
  const auto& c = GetParam();
  auto result = check_postcode(c.input);
  ASSERT_EQ(result.has_value(), c.valid) << c.input;
  if (c.valid) {
    EXPECT_EQ(*result, c.cleaned.empty() ? c.input : c.cleaned);
  }
  if (!c.valid) {
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_postcode");
  }
}
INSTANTIATE_TEST_SUITE_P(
    FactsVectors, PostcodeTest,
    ::testing::Values(Case{"SW1A 1AA", true}, Case{"EC1A 1BB", true}, Case{"W1A 0AX", true},
                      Case{"M1 1AE", true}, Case{"B33 8TH", true}, Case{"CR2 6XH", true},
                      Case{"DN55 1PT", true}, Case{"ZZ99 9ZZ", true},
                      Case{"sw1a1aa", true, "SW1A 1AA"}, Case{" w1a  0ax ", true, "W1A 0AX"},
                      Case{"SW1A 1AC", false}, Case{"BFPO 1234", false}, Case{"GIR 0AA", false},
                      Case{"SW1A", false}, Case{"12345", false}, Case{"", false}));

class TelephoneTest : public ::testing::TestWithParam<Case> {};
TEST_P(TelephoneTest, AcceptsUkNumbersOfTenOrElevenDigits) {
  const auto& c = GetParam();
  ASSERT_EQ(check_uk_telephone(c.input).has_value(), c.valid) << c.input;
}
INSTANTIATE_TEST_SUITE_P(
    Examples, TelephoneTest,
    ::testing::Values(Case{"07700 900123", true}, Case{"020 7946 0000", true},
                      Case{"01632 960001", true}, Case{"(01632) 960-001", true},
                      Case{"+44 7700 900123", true}, Case{"0800 123456", true},
                      Case{"7700 900123", false}, Case{"+33 1 23 45 67 89", false},
                      Case{"0770090012345", false}, Case{"01632 96000x", false},
                      Case{"+44 07700 900123", false}));

TEST(LearnerUsername, SixTo127OfTheAllowedCharacters) {
  EXPECT_TRUE(check_learner_username("bob.l1"));
  EXPECT_TRUE(check_learner_username(std::string(127, 'a')));
  EXPECT_FALSE(check_learner_username(std::string(128, 'a')));
  EXPECT_FALSE(check_learner_username("bob.l"));
  EXPECT_FALSE(check_learner_username("bob learner"));
  EXPECT_EQ(check_learner_username("bob+1234").error().fields.at(0).code, "invalid_username");
}

TEST(DateOfBirth, RealDatesNotInTheFuture) {
  const std::string today = "2026-11-22";
  EXPECT_TRUE(check_date_of_birth("2008-02-29", today));   // leap year
  EXPECT_FALSE(check_date_of_birth("2009-02-29", today));  // not a leap year
  EXPECT_TRUE(check_date_of_birth("2000-02-29", today));   // divisible by 400
  EXPECT_FALSE(check_date_of_birth("1900-02-29", today));  // divisible by 100
  EXPECT_FALSE(check_date_of_birth("2008-13-01", today));
  EXPECT_FALSE(check_date_of_birth("2008-04-31", today));
  EXPECT_FALSE(check_date_of_birth("01/04/2008", today));
  EXPECT_FALSE(check_date_of_birth("1899-12-31", today));
  EXPECT_TRUE(check_date_of_birth("2026-11-22", today));
  auto future = check_date_of_birth("2026-11-23", today);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields.at(0).code, "date_in_future");
  EXPECT_EQ(check_date_of_birth("2008-04-31", today).error().fields.at(0).code, "invalid_date");
}

TEST(Ccis, OptionalShortAlphanumeric) {
  EXPECT_EQ(*check_ccis(""), "");
  EXPECT_EQ(*check_ccis("ab12345"), "AB12345");
  EXPECT_FALSE(check_ccis("AB-123"));
  EXPECT_FALSE(check_ccis(std::string(21, '1')));
}
