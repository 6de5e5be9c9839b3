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

namespace {
// What a RowSink was given: header calls, and each batch's row numbers.
struct SinkLog {
  int headers = 0;
  std::vector<std::string> header;
  std::vector<std::vector<std::size_t>> batches;
  RowSink sink(std::size_t batch_rows, std::size_t stop_after_batches = 0) {
    RowSink s;
    s.batch_rows = batch_rows;
    s.header = [this](const Table& head) {
      ++headers;
      header = head.header;
      EXPECT_TRUE(batches.empty()) << "the header comes before any row";
      return true;
    };
    s.rows = [this, stop_after_batches](std::vector<Row>& rows) {
      batches.emplace_back();
      for (const auto& r : rows) batches.back().push_back(r.number);
      return stop_after_batches == 0 || batches.size() < stop_after_batches;
    };
    return s;
  }
};
// Five learners under a header, with an empty row (4) between them.
const std::string kFiveRows = "Name,Town\nAmy,Leeds\nBen,York\n,\nCal,Bath\nDee,Ely\nEve,Hull\n";
std::string xlsx_of_five() {
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row>";
  for (int r : {2, 3, 5, 6, 7})
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"inlineStr\"><is><t>L" + std::to_string(r) + "</t></is></c></row>";
  return lt::test::xlsx_of_rows(rows);
}
}  // namespace

TEST(ReadTableStreams, RowsGoToTheSinkInBatchesWithTheirNumbers) {
  for (const auto& [bytes, type] : std::vector<std::pair<std::string, std::string>>{
           {kFiveRows, "text/csv"}, {xlsx_of_five(), kXlsxType}}) {
    SinkLog log;
    RowSink sink = log.sink(2);
    auto t = read_table(bytes, type, "", Limits{}, &sink);
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(log.headers, 1);
    EXPECT_EQ(log.header.at(0), "Name");
    EXPECT_EQ(log.batches, (std::vector<std::vector<std::size_t>>{{2, 3}, {5, 6}, {7}})) << type;
    EXPECT_EQ(t->header.at(0), "Name");
    EXPECT_TRUE(t->rows.empty()) << "the rows went to the sink";
  }
}

TEST(ReadTableStreams, TheRowLimitCountsEveryBatchAndTheSinkMayStopTheReading) {
  Limits three;
  three.max_rows = 3;
  SinkLog limited;
  RowSink sink = limited.sink(2);
  auto over = read_table(kFiveRows, "text/csv", "", three, &sink);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errors::too_many_rows);
  EXPECT_EQ(limited.batches.size(), 1u) << "the fourth row fails before the second batch ends";

  SinkLog stopping;
  RowSink stop = stopping.sink(2, 1);
  auto stopped = read_table(kFiveRows, "text/csv", "", Limits{}, &stop);
  ASSERT_FALSE(stopped);
  EXPECT_EQ(stopped.error().code, errors::stopped);
  EXPECT_EQ(stopping.batches.size(), 1u);
}
