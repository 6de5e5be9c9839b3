// Round trips through our own writers and readers: what the .xlsx writer writes (in both its
// streaming and shared-string modes) the .xlsx reader reads back as the same text, with dates as
// real dates and identifiers kept as text; the same for the CSV writer and reader, including the
// quoting RFC 4180 needs and the formula guard.
#include <gtest/gtest.h>

#include "formats/csv_reader.hpp"
#include "formats/csv_writer.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/xlsx_writer.hpp"
#include "formats/zip_archive.hpp"

using namespace lt::formats;

namespace {
std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}

std::string write_sample(bool constant_memory) {
  auto writer = XlsxWriter::create({constant_memory});
  EXPECT_TRUE(writer);
  auto& sheet = (*writer)->add_sheet("Learners");
  sheet.columns({{12, ColumnFormat::text},
                 {18, ColumnFormat::general},
                 {14, ColumnFormat::date},
                 {14, ColumnFormat::general}});
  sheet.header({"ULN", "Name", "Date of birth", "Score"});
  sheet.row({XlsxCell::of_text("1234567890"), XlsxCell::of_text("Siân O'Brien, Jr"),
             XlsxCell::of_date("2008-04-01"), XlsxCell::of_number(0.1)});
  sheet.row({XlsxCell::of_text("0012345678"), XlsxCell::blank(), XlsxCell::of_date("not a date"),
             XlsxCell::of_number(1234567890)});
  sheet.row({});
  sheet.row({XlsxCell::blank(), XlsxCell::of_text("Line one\nline two & <three>"),
             XlsxCell::blank(), XlsxCell::of_text("=1+1")});
  auto& other = (*writer)->add_sheet("Other");
  other.line("Just a note", true);
  other.hide();
  auto bytes = (*writer)->finish();
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().detail);
  return bytes ? *bytes : std::string();
}
}  // namespace

TEST(XlsxRoundTrip, WhatTheWriterWritesTheReaderReads) {
  for (bool constant_memory : {true, false}) {
    SCOPED_TRACE(constant_memory ? "streaming" : "shared strings");
    auto t = read_xlsx(write_sample(constant_memory), Limits{});
    ASSERT_TRUE(t) << t.error().message << " " << t.error().detail;
    EXPECT_EQ(t->sheet, "Learners");
    EXPECT_EQ(t->header, (std::vector<std::string>{"ULN", "Name", "Date of birth", "Score"}));
    ASSERT_EQ(t->rows.size(), 3u);
    EXPECT_EQ(texts(t->rows[0]),
              (std::vector<std::string>{"1234567890", "Siân O'Brien, Jr", "2008-04-01", "0.1"}));
    EXPECT_EQ(texts(t->rows[1]),
              (std::vector<std::string>{"0012345678", "", "not a date", "1234567890"}));
    EXPECT_EQ(t->rows[2].number, 5u) << "the empty row 4 is skipped, still counted";
    EXPECT_EQ(texts(t->rows[2]),
              (std::vector<std::string>{"", "Line one\nline two & <three>", "", "=1+1"}));
    EXPECT_FALSE(t->rows[2].cells[3].is_formula) << "text is written as text, never as a formula";
    auto hidden = read_xlsx(write_sample(constant_memory), Limits{}, "Other");
    ASSERT_TRUE(hidden);
    EXPECT_EQ(hidden->header, (std::vector<std::string>{"Just a note"}));
  }
}

TEST(XlsxRoundTrip, TheHeaderIsBoldAndFrozenAndColumnsKeepTheirFormats) {
  const std::string file = write_sample(true);
  auto zip = ZipArchive::open(file, Limits{});
  ASSERT_TRUE(zip);
  auto sheet = (*zip)->read_all("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"),
            std::string::npos)
      << *sheet;
  EXPECT_NE(sheet->find("<col min=\"1\" max=\"1\" width=\"12.7109375\" style="), std::string::npos);
  auto styles = (*zip)->read_all("xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << *styles;
  EXPECT_NE(styles->find("<b/>"), std::string::npos);
}

TEST(XlsxWriter, ReportsWhatLibxlsxwriterRefuses) {
  auto writer = XlsxWriter::create();
  ASSERT_TRUE(writer);
  auto& sheet = (*writer)->add_sheet("S");
  sheet.row({XlsxCell::of_text(std::string(32768, 'x'))});
  auto bytes = (*writer)->finish();
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, "internal_error");

  auto bad_name = XlsxWriter::create();
  ASSERT_TRUE(bad_name);
  (*bad_name)->add_sheet("no/slashes");
  EXPECT_FALSE((*bad_name)->finish());
}

TEST(CsvRoundTrip, WhatTheWriterWritesTheReaderReads) {
  CsvWriter w;
  const std::vector<std::vector<std::string>> rows = {
      {"Name", "Address", "Note", "Telephone"},
      {"Smith, Jo", "1 High St\nLeeds", "She said \"hi\"", "+44 7700 900123"},
      {"Siân", " padded ", "", "-12.5"},
      {"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+A1", "-A1"},
  };
  for (const auto& r : rows) w.row(r);
  const std::string text = w.take();
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << "a BOM, so Excel reads UTF-8";
  EXPECT_NE(text.find("\"Smith, Jo\",\"1 High St\nLeeds\",\"She said \"\"hi\"\"\",+44 7700 900123"
                      "\r\n"),
            std::string::npos)
      << text;
  auto t = read_csv(text, Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, rows[0]);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(texts(t->rows[0]), rows[1]);
  EXPECT_EQ(texts(t->rows[1]), (std::vector<std::string>{"Siân", " padded ", "", "-12.5"}));
  EXPECT_EQ(texts(t->rows[2]),
            (std::vector<std::string>{"'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+A1", "'-A1"}))
      << "formulas are neutralised; numbers and telephone numbers are not";
  EXPECT_TRUE(w.take().empty());
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(csv_field("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(csv_field(" x"), "\" x\"");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("-"), "-");
  EXPECT_EQ(csv_field("=1", false), "=1");
  CsvWriter no_bom({false, true});
  no_bom.row({"a", "b"});
  EXPECT_EQ(no_bom.take(), "a,b\r\n");
}
