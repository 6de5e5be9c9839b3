// Table-driven tests of the learner field rules, using the worked examples of
// ../shared/domain/FACTS.md (ULN §1, UPN §2, postcodes and telephones §3) plus boundary cases.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "domain/learner_rules.hpp"

using namespace lt::domain;

namespace {

struct Case {
  std::string input;
  bool valid;
  std::string cleaned = {};  // expected cleaned value when valid (empty: same as input)
};

std::ostream& operator<<(std::ostream& os, const Case& c) {
  return os << '"' << c.input << '"';
}

// Checks one case: the cleaned value when valid, the single field error and its code otherwise.
template <class Check>
void expect_case(const Case& c, Check check, const std::string& field, const std::string& code) {
  auto result = check(c.input);
  ASSERT_EQ(result.has_value(), c.valid) << '"' << c.input << '"';
  if (c.valid) {
    EXPECT_EQ(*result, c.cleaned.empty() ? c.input : c.cleaned) << c.input;
  } else {
    ASSERT_EQ(result.error().fields.size(), 1u);
    EXPECT_EQ(result.error().fields[0].field, field);
    EXPECT_EQ(result.error().fields[0].code, code);
    EXPECT_FALSE(result.error().fields[0].message.empty());
  }
}

}  // namespace

// ---- ULN (FACTS.md §1: ESFA DD01 / ILR rule ULN_04) ----

class UlnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UlnTest, ChecksTheDd01CheckDigit) {
  expect_case(
      GetParam(), [](const std::string& s) { return check_uln(s); }, "uln", "invalid_uln");
}
INSTANTIATE_TEST_SUITE_P(
    FactsVectors, UlnTest,
    ::testing::Values(Case{"9276308686", true},   // HESA example
                      Case{"1000000043", true},   // ESFA test
                      Case{"1000000063", false},  // remainder 0: no check digit exists
                      Case{"1234567890", false},  // expected check digit 9
                      Case{"1234567899", true}, Case{"5000000004", true},
                      Case{"1111111110", true},  // remainder 10: check digit 0
                      Case{"4242424247", true}, Case{"0123456789", false},  // leading zero
                      Case{"100000004", false},                             // 9 digits
                      Case{"9999999999", true},  // temporary ULN passes ULN_04
                      Case{"92763086860", false}, Case{"12345678a9", false},
                      Case{"9276 308686", false}, Case{"", false},
                      Case{" 9276308686 ", true, "9276308686"}));

TEST(Uln, NoCheckDigitMakes9876543210ValidForAnyLastDigit) {
  // FACTS.md: 987654321x has weighted sum 330, remainder 0.
  for (char last = '0'; last <= '9'; ++last)
    EXPECT_FALSE(check_uln(std::string("987654321") + last)) << last;
}

TEST(Uln, CheckDigitHelper) {
  EXPECT_EQ(uln_check_digit("100000006"), -1);
  EXPECT_EQ(uln_check_digit("100000004"), 3);
  EXPECT_EQ(uln_check_digit("927630868"), 6);
  EXPECT_EQ(uln_check_digit("111111111"), 0);
  EXPECT_EQ(uln_check_digit("12345678"), -1);
}

TEST(Uln, OnlyTheCheckDigitMatters) {
  // Every other last digit of a valid ULN is refused.
  for (char last = '0'; last <= '9'; ++last)
    EXPECT_EQ(check_uln(std::string("927630868") + last).has_value(), last == '6') << last;
}

TEST(Uln, ErrorsNameTheFieldGiven) {
  auto result = check_uln("1234567890", "rows[2].uln");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().fields.at(0).field, "rows[2].uln");
  EXPECT_NE(result.error().fields.at(0).message.find("check digit"), std::string::npos);
}

// ---- UPN (FACTS.md §2: mod-23 check letter, temporary UPNs) ----

class UpnTest : public ::testing::TestWithParam<Case> {};
TEST_P(UpnTest, ChecksTheMod23Letter) {
  expect_case(
      GetParam(), [](const std::string& s) { return check_upn(s); }, "upn", "invalid_upn");
}
INSTANTIATE_TEST_SUITE_P(
    FactsVectors, UpnTest,
    ::testing::Values(Case{"B801200005001", true},   // python-stdnum doctest
                      Case{"A801200005001", false},  // python-stdnum doctest
                      Case{"X00180001701A", true},   // temporary (Arbor/ScholarPack example)
                      Case{"R823123456001", true}, Case{"N20712345601A", true},
                      Case{"W30512342300B", true},
                      // Juniper Education's worked example states B207000016049 → Q (sum 267).
                      // Its products add up to 266, which gives P (FACTS.md §2), so P is the
                      // valid vector and Q must be refused.
                      Case{"P207000016049", true}, Case{"Q207000016049", false}));
INSTANTIATE_TEST_SUITE_P(
    Shapes, UpnTest,
    ::testing::Values(Case{"b801200005001", true, "B801200005001"},  // upper-cased
                      Case{" x00180001701a ", true, "X00180001701A"},
                      Case{"B80120000500", false},    // 12 characters
                      Case{"B8012000050011", false},  // 14 characters
                      Case{"B80120000500I", false},   // I is never used
                      Case{"B80120000500O", false},   // O is never used
                      Case{"B80120000500S", false},   // S is never used
                      Case{"B8012000050A1", false},   // letter before the last character
                      Case{"8801200005001", false},   // no check letter
                      Case{"B 801200005001", false},  // inner space
                      Case{"", false}));

// The hand-written matcher agrees with ESFA's expression itself on every string of up to six
// characters over an alphabet that reaches each branch (area letters, digits, excluded inward
// letters, a space in each place).
TEST(Postcode, AgreesWithTheIlrExpressionEverywhere) {
  const std::regex ilr("^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UWXYZ]{2}$");
  const std::string alphabet = "AC9 ";
  std::size_t compared = 0, valid = 0;
  std::vector<std::string> level = {""};
  for (int length = 1; length <= 8; ++length) {
    std::vector<std::string> next;
    for (const auto& prefix : level)
      for (char c : alphabet) next.push_back(prefix + c);
    for (const auto& text : next) {
      // check_postcode normalises first; compare on what it matches, the normalised form.
      auto result = check_postcode(text);
      std::string compact;
      for (char c : text)
        if (c != ' ') compact += c;
      const std::string normalised =
          compact.size() > 3
              ? compact.substr(0, compact.size() - 3) + " " + compact.substr(compact.size() - 3)
              : compact;
      EXPECT_EQ(result.has_value(), std::regex_match(normalised, ilr)) << '"' << text << '"';
      ++compared;
      valid += result.has_value();
    }
    level = std::move(next);
  }
  EXPECT_GT(compared, 80000u);
  EXPECT_GT(valid, 100u) << "the alphabet reaches valid postcodes too";
}

TEST(Upn, CheckLetterHelper) {
  EXPECT_EQ(upn_check_letter("801200005001"), 'B');
  EXPECT_EQ(upn_check_letter("00180001701A"), 'X');
  EXPECT_EQ(upn_check_letter("207000016049"), 'P');
  EXPECT_EQ(upn_check_letter("00180001701I"), '\0');
  EXPECT_EQ(upn_check_letter("0018000170"), '\0');
}

// ---- Postcodes (FACTS.md §3: ILR Postcode_15 after normalising, ZZ99 9ZZ, GIR 0AA) ----

class PostcodeTest : public ::testing::TestWithParam<Case> {};
TEST_P(PostcodeTest, NormalisesThenAppliesTheIlrPattern) {
  expect_case(
      GetParam(), [](const std::string& s) { return check_postcode(s); }, "postcode",
      "invalid_postcode");
}
INSTANTIATE_TEST_SUITE_P(
    FactsVectors, PostcodeTest,
    ::testing::Values(Case{"SW1A 1AA", true}, Case{"EC1A 1BB", true}, Case{"W1A 0AX", true},
                      Case{"M1 1AE", true}, Case{"B33 8TH", true}, Case{"CR2 6XH", true},
                      Case{"DN55 1PT", true},
                      Case{"ZZ99 9ZZ", true},  // ILR "unknown postcode" (BS7666 refuses it)
                      Case{"GIR 0AA", true},   // BS7666 special case (the ILR pattern refuses it)
                      Case{"QA1 1AA", true},   // the ILR pattern, not BS7666, is the rule here
                      Case{"BFPO 1234", false}, Case{"SW1A 1AC", false}));
INSTANTIATE_TEST_SUITE_P(
    Normalising, PostcodeTest,
    ::testing::Values(Case{"SW1A1AA", true, "SW1A 1AA"}, Case{"sw1a 1aa", true, "SW1A 1AA"},
                      Case{"sw1a1aa", true, "SW1A 1AA"}, Case{"W1A  0AX", true, "W1A 0AX"},
                      Case{" w1a  0ax ", true, "W1A 0AX"}, Case{"dn551pt", true, "DN55 1PT"},
                      Case{"m11ae", true, "M1 1AE"}, Case{"gir0aa", true, "GIR 0AA"},
                      Case{"zz999zz", true, "ZZ99 9ZZ"}));
INSTANTIATE_TEST_SUITE_P(
    Refused, PostcodeTest,
    ::testing::Values(Case{"SW1A 1CA", false}, Case{"SW1A 1AI", false}, Case{"SW1A 1KA", false},
                      Case{"SW1A 1AM", false}, Case{"SW1A 1OA", false}, Case{"SW1A 1AV", false},
                      Case{"SW1A", false},       // outward code only
                      Case{"SW1A 1A", false},    // inward code too short
                      Case{"SW1A 11A", false},   // inward code needs two letters
                      Case{"SWW1 1AA", false},   // three letters before the digit
                      Case{"1W1A 1AA", false},   // starts with a digit
                      Case{"SW1A-1AA", false},   // hyphen
                      Case{"SW1AB 1AA", false},  // outward code too long
                      Case{"GIR 0AB", false},    // only GIR 0AA is special
                      Case{"12345", false}, Case{"", false}));

// ---- UK telephone numbers (FACTS.md §3: 10 or 11 digits with the leading 0; ILR TelNo digits) --

class UkTelephoneTest : public ::testing::TestWithParam<Case> {};
TEST_P(UkTelephoneTest, TenOrElevenDigitsNormalisedToDigits) {
  expect_case(
      GetParam(), [](const std::string& s) { return check_uk_telephone(s); }, "telephone",
      "invalid_telephone");
}
INSTANTIATE_TEST_SUITE_P(
    Accepted, UkTelephoneTest,
    ::testing::Values(
        Case{"07700 900123", true, "07700900123"},     // Ofcom drama mobile range
        Case{"020 7946 0000", true, "02079460000"},    // Ofcom drama London range
        Case{"01632 960001", true, "01632960001"},     // Ofcom fictional area
        Case{"(01632) 960-001", true, "01632960001"},  // brackets and hyphens
        Case{"0123456789", true},                      // manual 5.1 example, 10 digits
        Case{"0800 123456", true, "0800123456"},       // 10-digit freephone
        Case{"03069 990000", true, "03069990000"}, Case{"+44 7700 900123", true, "07700900123"},
        Case{"+447700900123", true, "07700900123"}, Case{"+44 (0)7700 900123", true, "07700900123"},
        Case{"+44 20 7946 0000", true, "02079460000"}, Case{" 07700900123 ", true, "07700900123"}));
INSTANTIATE_TEST_SUITE_P(
    Refused, UkTelephoneTest,
    ::testing::Values(Case{"7700 900123", false},        // no leading 0
                      Case{"077009001", false},          // 9 digits
                      Case{"0770090012345", false},      // 13 digits
                      Case{"012457896325", false},       // manual 5.5 referee example: 12 digits
                      Case{"0800 1111", false},          // 8 digits (rare 7-digit 0800 numbers)
                      Case{"+33 1 23 45 67 89", false},  // not +44
                      Case{"+44 07700 900123", false},   // 0 written after +44
                      Case{"0044 7700 900123", false},   // 00 is the international prefix
                      Case{"0012345678", false},         // 00 range
                      Case{"04123 456789", false},       // 04 is not a UK range
                      Case{"06123 456789", false},       // 06 is not a UK range
                      Case{"01632 96000x", false}, Case{"07700.900123", false},
                      Case{"07700+900123", false}, Case{"++447700900123", false}, Case{"", false}));

TEST(UkTelephone, ErrorsNameTheFieldGiven) {
  auto result = check_uk_telephone("123", "default_referee.telephone");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().fields.at(0).field, "default_referee.telephone");
}

// ---- Learner username (manual 5.1: 6–127 letters, digits and @ . _ -) ----

class LearnerUsernameTest : public ::testing::TestWithParam<Case> {};
TEST_P(LearnerUsernameTest, SixTo127OfTheAllowedCharacters) {
  expect_case(
      GetParam(), [](const std::string& s) { return check_learner_username(s); }, "username",
      "invalid_username");
}
INSTANTIATE_TEST_SUITE_P(Boundaries, LearnerUsernameTest,
                         ::testing::Values(Case{"abcdef", true},                // 6: shortest
                                           Case{"abcde", false},                // 5
                                           Case{std::string(127, 'a'), true},   // longest
                                           Case{std::string(128, 'a'), false},  // one too many
                                           Case{"bob.l1", true},
                                           Case{"Bob_Learner-1@school.org", true},
                                           Case{"@._-@.", true},  // only the allowed symbols
                                           Case{"123456", true},
                                           Case{"  bob.learner  ", true, "bob.learner"},
                                           Case{"  abcde  ", false},  // 5 once trimmed
                                           Case{"bob learner", false}, Case{"bob+1234", false},
                                           Case{"bob/learner", false}, Case{"bob!learner", false},
                                           Case{"bob'learner", false},
                                           Case{"caf\xC3\xA9"
                                                "bob",
                                                false},
                                           Case{"", false}));

// ---- Date of birth ----

TEST(DateOfBirth, RealCalendarDates) {
  const std::string today = "2026-11-22";
  const std::vector<Case> cases = {
      {"2008-02-29", true},   // 2008 is a leap year
      {"2009-02-29", false},  // 2009 is not
      {"2000-02-29", true},   // divisible by 400
      {"1900-02-29", false},  // divisible by 100, not 400
      {"2008-02-28", true},
      {"2008-01-31", true},
      {"2008-04-30", true},
      {"2008-04-31", false},
      {"2008-06-31", false},
      {"2008-12-31", true},
      {"2008-12-32", false},
      {"2008-13-01", false},
      {"2008-00-10", false},
      {"2008-04-00", false},
      {"1900-01-01", true},
      {"1899-12-31", false},
      {" 2008-04-01 ", true, "2008-04-01"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    expect_case(
        c, [&](const std::string& s) { return check_date_of_birth(s, today); }, "date_of_birth",
        "invalid_date");
  }
}

TEST(DateOfBirth, MalformedTextIsNotADate) {
  for (const std::string bad : {"01/04/2008", "2008-4-1", "2008/04/01", "20080401", "2008-04-01x",
                                "abcd-ef-gh", "2008-0a-01", "+208-04-01", "2008-04-1 ", ""}) {
    auto result = check_date_of_birth(bad, "2026-11-22");
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().fields.at(0).code, "invalid_date") << bad;
  }
}

TEST(DateOfBirth, TodayIsAllowedButNotTomorrow) {
  EXPECT_EQ(*check_date_of_birth("2026-11-22", "2026-11-22"), "2026-11-22");
  for (const std::string future : {"2026-11-23", "2026-12-01", "2027-01-01", "2999-12-31"}) {
    auto result = check_date_of_birth(future, "2026-11-22");
    ASSERT_FALSE(result) << future;
    EXPECT_EQ(result.error().fields.at(0).code, "date_in_future") << future;
    EXPECT_EQ(result.error().fields.at(0).field, "date_of_birth");
  }
}

TEST(DateOfBirth, LeapDayInTheFutureIsAFutureDateNotAnInvalidOne) {
  EXPECT_EQ(check_date_of_birth("2028-02-29", "2026-11-22").error().fields.at(0).code,
            "date_in_future");
  EXPECT_EQ(check_date_of_birth("2027-02-29", "2026-11-22").error().fields.at(0).code,
            "invalid_date");
}

// ---- CCIS (no rule in FACTS.md: optional, up to 20 letters and digits) ----

TEST(LearnerCcis, OptionalShortAlphanumeric) {
  const std::vector<Case> cases = {
      {"", true},
      {"ab12345", true, "AB12345"},
      {" AB123 ", true, "AB123"},
      {std::string(20, '1'), true},
      {std::string(21, '1'), false},
      {"AB-123", false},
      {"AB 123", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto result = check_ccis(c.input);
    ASSERT_EQ(result.has_value(), c.valid);
    if (c.valid)
      EXPECT_EQ(*result, c.cleaned.empty() ? c.input : c.cleaned);
    else
      EXPECT_EQ(result.error().fields.at(0).code, "invalid_ccis");
  }
}
