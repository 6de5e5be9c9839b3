// Format detection for uploads: the bytes decide (zip, OLE2, text), a declared type that says
// otherwise is refused with a clear message (a renamed file), "any file" types fall back on the
// file name, Windows' CSV-as-Excel type is understood, and binary data is not taken for CSV.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "formats/read_table.hpp"
#include "unit/xlsx_fixture.hpp"

using namespace lt::formats;

namespace {
std::string xls_fixture() {
  std::ifstream in(LT_FIXTURES_DIR "/learners.xls", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
const std::string kCsv = "Name,Town\nBob,Leeds\n";
std::string xlsx() {
  return lt::test::xlsx_of_rows(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is>"
      "</c></row>");
}
}  // namespace

TEST(ReadTable, SniffsTheFormatFromTheBytes) {
  EXPECT_EQ(sniff_format(xlsx()), FileFormat::xlsx);
  EXPECT_EQ(sniff_format(xls_fixture()), FileFormat::xls);
  EXPECT_EQ(sniff_format(kCsv), FileFormat::csv);
  EXPECT_EQ(sniff_format(""), FileFormat::csv);
}

TEST(ReadTable, ReadsEachFormatSentWithItsType) {
  auto a = read_table(xlsx(), kXlsxType, "learners.xlsx", Limits{});
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->header, (std::vector<std::string>{"Name"}));
  auto b = read_table(xls_fixture(), kXlsType, "learners.xls", Limits{});
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->header.at(0), "First name *");
  auto c = read_table(kCsv, "text/csv; charset=utf-8", "", Limits{});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->rows.at(0).cells.at(1).text, "Leeds");
}

TEST(ReadTable, FallsBackOnTheNameForAnyFileTypes) {
  EXPECT_TRUE(read_table(xlsx(), "application/octet-stream", "a.XLSX", Limits{}));
  EXPECT_TRUE(read_table(kCsv, "", "", Limits{})) << "no type, no name: the bytes decide";
  EXPECT_TRUE(read_table(kCsv, kXlsType, "learners.csv", Limits{}))
      << "Windows sends CSV files as application/vnd.ms-excel";
  auto renamed = read_table(xls_fixture(), "application/octet-stream", "learners.xlsx", Limits{});
  ASSERT_FALSE(renamed);
  EXPECT_EQ(renamed.error().code, errors::type_mismatch);
}

TEST(ReadTableRefuses, ARenamedFile) {
  auto t = read_table(xls_fixture(), kXlsxType, "learners.xlsx", Limits{});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::type_mismatch);
  EXPECT_EQ(t.error().kind, lt::domain::ErrorKind::unsupported_media);
  EXPECT_NE(t.error().message.find("sent as an Excel workbook (.xlsx) but it is an Excel "
                                   "97–2003 workbook (.xls)"),
            std::string::npos)
      << t.error().message;
  EXPECT_EQ(read_table(kCsv, kXlsxType, "x.xlsx", Limits{}).error().code, errors::type_mismatch);
  EXPECT_EQ(read_table(xlsx(), "text/csv", "x.csv", Limits{}).error().code, errors::type_mismatch);
}

TEST(ReadTableRefuses, WhatIsNotASpreadsheet) {
  auto pdf = read_table("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "text/csv", "a.csv", Limits{});
  EXPECT_EQ(pdf.error().code, errors::not_a_spreadsheet);
  auto png =
      read_table(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), kXlsxType, "a.xlsx", Limits{});
  EXPECT_EQ(png.error().code, errors::not_a_spreadsheet);
  auto image = read_table(kCsv, "image/png", "a.png", Limits{});
  EXPECT_EQ(image.error().code, errors::unsupported_type);
  EXPECT_EQ(image.error().kind, lt::domain::ErrorKind::unsupported_media);
  EXPECT_EQ(read_table("", "text/csv", "", Limits{}).error().code, errors::not_a_spreadsheet);
  EXPECT_EQ(read_table(" \r\n", "text/csv", "", Limits{}).error().code, errors::not_a_spreadsheet);
}
