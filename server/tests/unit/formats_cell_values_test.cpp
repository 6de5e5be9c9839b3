// Numbers and dates as spreadsheet text: shortest exact digits (no 1.23E+9 for a ULN), Excel
// serials in the 1900 system (with its phantom 29 February) and the 1904 system, and which number
// formats show dates.
#include <gtest/gtest.h>

#include "formats/cell_values.hpp"
#include "formats/table.hpp"

using namespace lt::formats;

TEST(NumberText, IsTheShortestExactDigits) {
  EXPECT_EQ(number_text(1234567890), "1234567890") << "a 10-digit ULN typed as a number";
  EXPECT_EQ(number_text(1.23456789e9), "1234567890");
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(-3.25), "-3.25");
  EXPECT_EQ(number_text(100), "100");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(999999999999999), "999999999999999");
  EXPECT_EQ(number_text(1e21), "1e+21");
  EXPECT_EQ(number_text(1.5e-7), "1.5e-07");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004") << "exact, not rounded for show";
  EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "");
}

TEST(ExcelDates, SerialsOfThe1900System) {
  EXPECT_EQ(excel_date_text(1, false, DateStyle::date), "1900-01-01");
  EXPECT_EQ(excel_date_text(59, false, DateStyle::date), "1900-02-28");
  EXPECT_EQ(excel_date_text(60, false, DateStyle::date), "1900-02-29") << "Excel's phantom day";
  EXPECT_EQ(excel_date_text(61, false, DateStyle::date), "1900-03-01");
  EXPECT_EQ(excel_date_text(39448, false, DateStyle::date), "2008-01-01");
  EXPECT_EQ(excel_date_text(39539, false, DateStyle::date), "2008-04-01");
  EXPECT_EQ(excel_date_text(2958465, false, DateStyle::date), "9999-12-31");
  EXPECT_EQ(excel_date_text(2958466, false, DateStyle::date), std::nullopt);
  EXPECT_EQ(excel_date_text(0, false, DateStyle::date), std::nullopt) << "1900-01-00 is no date";
  EXPECT_EQ(excel_date_text(-1, false, DateStyle::date), std::nullopt);
}

TEST(ExcelDates, SerialsOfThe1904System) {
  EXPECT_EQ(excel_date_text(0, true, DateStyle::date), "1904-01-01");
  EXPECT_EQ(excel_date_text(37986, true, DateStyle::date), "2008-01-01");
  EXPECT_EQ(excel_date_text(39539 - 1462, true, DateStyle::date), "2008-04-01");
}

TEST(ExcelDates, TimesAndDateTimes) {
  EXPECT_EQ(excel_date_text(39539.5, false, DateStyle::datetime), "2008-04-01 12:00:00");
  EXPECT_EQ(excel_date_text(39539.75, false, DateStyle::time), "18:00:00");
  EXPECT_EQ(excel_date_text(39539.9999999, false, DateStyle::datetime), "2008-04-02 00:00:00")
      << "rounding to the second carries into the next day";
  EXPECT_EQ(excel_date_text(39539.4, false, DateStyle::date), "2008-04-01");
}

TEST(ExcelDates, IsoDatesBecomeSerialsAndBack) {
  EXPECT_EQ(excel_serial("2008-04-01"), 39539);
  EXPECT_EQ(excel_serial("1900-01-01"), 1);
  EXPECT_EQ(excel_serial("1900-03-01"), 61);
  EXPECT_EQ(excel_serial("2008-02-30"), std::nullopt);
  EXPECT_EQ(excel_serial("01/04/2008"), std::nullopt);
  EXPECT_EQ(excel_serial("1899-12-31"), std::nullopt);
  for (const char* iso : {"1900-02-28", "1900-03-01", "1976-02-29", "2008-04-01", "2100-03-01"})
    EXPECT_EQ(excel_date_text(*excel_serial(iso), false, DateStyle::date), iso);
}

TEST(NumberFormats, BuiltInIdsThatShowDates) {
  EXPECT_EQ(builtin_format_style(0), DateStyle::none);
  EXPECT_EQ(builtin_format_style(1), DateStyle::none);
  EXPECT_EQ(builtin_format_style(14), DateStyle::date);
  EXPECT_EQ(builtin_format_style(17), DateStyle::date);
  EXPECT_EQ(builtin_format_style(20), DateStyle::time);
  EXPECT_EQ(builtin_format_style(22), DateStyle::datetime);
  EXPECT_EQ(builtin_format_style(49), DateStyle::none) << "@, text";
}

TEST(NumberFormats, CustomCodesThatShowDates) {
  EXPECT_EQ(format_code_style("yyyy-mm-dd"), DateStyle::date);
  EXPECT_EQ(format_code_style("dd/mm/yyyy"), DateStyle::date);
  EXPECT_EQ(format_code_style("[$-809]dd mmmm yyyy;@"), DateStyle::date);
  EXPECT_EQ(format_code_style("mmm-yy"), DateStyle::date);
  EXPECT_EQ(format_code_style("d/m/yyyy h:mm"), DateStyle::datetime);
  EXPECT_EQ(format_code_style("h:mm:ss"), DateStyle::time);
  EXPECT_EQ(format_code_style("mm:ss"), DateStyle::time) << "m beside s is minutes";
  EXPECT_EQ(format_code_style("[h]:mm"), DateStyle::time);
  EXPECT_EQ(format_code_style("0.00"), DateStyle::none);
  EXPECT_EQ(format_code_style("#,##0\" days\""), DateStyle::none) << "quoted text is not a date";
  EXPECT_EQ(format_code_style("[Red]0.0;[Blue]-0.0"), DateStyle::none);
  EXPECT_EQ(format_code_style("0\\d"), DateStyle::none) << "an escaped d is a literal";
  EXPECT_EQ(format_code_style("General"), DateStyle::none);
  EXPECT_EQ(format_code_style("@"), DateStyle::none);
}

TEST(TableHelpers, ColumnLettersAndUtf8) {
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(25), "Z");
  EXPECT_EQ(column_letters(26), "AA");
  EXPECT_EQ(column_letters(16383), "XFD");
  EXPECT_EQ(with_thousands(32767), "32,767");
  EXPECT_EQ(with_thousands(100000), "100,000");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_TRUE(valid_utf8("Siân Ó Briain 東京 🙂"));
  EXPECT_FALSE(valid_utf8("Si\xE2n")) << "Windows-1252 â";
  EXPECT_FALSE(valid_utf8("\xC0\xAF")) << "overlong";
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80")) << "a surrogate";
  EXPECT_FALSE(valid_utf8(std::string("a\0b", 3))) << "NUL";
  EXPECT_FALSE(valid_utf8("\xF0\x9F\x99")) << "cut short";
}

TEST(TableBuilder, SkipsEmptyRowsKeepsNumbersAndDropsTrailingEmptyCells) {
  Limits limits;
  TableBuilder b(limits);
  ASSERT_TRUE(b.begin_row(1));
  ASSERT_TRUE(b.cell(0, "Name"));
  ASSERT_TRUE(b.cell(2, "Town"));
  ASSERT_TRUE(b.cell(3, "  "));
  ASSERT_TRUE(b.begin_row(2));
  ASSERT_TRUE(b.cell(0, " "));
  ASSERT_TRUE(b.begin_row(5));
  ASSERT_TRUE(b.cell(1, "x"));
  auto t = b.finish("S");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->header, (std::vector<std::string>{"Name", "", "Town"}));
  EXPECT_EQ(t->header_row, 1u);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].number, 5u);
  EXPECT_EQ(t->rows[0].cells, (std::vector<Cell>{{"", false}, {"x", false}}));
}

TEST(TableBuilder, RefusesTextThatIsNotUtf8) {
  Limits limits;
  TableBuilder b(limits);
  ASSERT_TRUE(b.begin_row(3));
  auto added = b.cell(1, "Si\xE2n");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, errors::not_utf8);
  EXPECT_EQ(added.error().message, "Row 3, column B holds characters that are not text.");
}
