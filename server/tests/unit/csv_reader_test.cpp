// The CSV reader: UTF-8 with or without a byte-order mark, quoted fields with commas, quotes and
// newlines, record numbering (not line numbering), blank lines, CR LF; and its refusals: text
// that is not UTF-8 (named by row), UTF-16, stray or unclosed quotation marks, the limits.
#include <gtest/gtest.h>

#include "formats/csv_reader.hpp"

using namespace lt::formats;

namespace {
std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}
}  // namespace

TEST(CsvReader, ReadsUtf8WithOrWithoutAByteOrderMark) {
  for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
    auto t = read_csv(bom + "First name *,Town\nSiân,Ystradgynlais\n", Limits{});
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->header, (std::vector<std::string>{"First name *", "Town"})) << "no BOM in A1";
    ASSERT_EQ(t->rows.size(), 1u);
    EXPECT_EQ(t->rows[0].number, 2u);
    EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"Siân", "Ystradgynlais"}));
    EXPECT_TRUE(t->sheet.empty());
  }
}

TEST(CsvReader, QuotedFieldsKeepCommasQuotesAndNewlinesAndRowsCountRecords) {
  auto t = read_csv(
      "Name,Address,Note\r\n"
      "\"Smith, Jo\",\"1 High St\r\nLeeds\",\"She said \"\"hi\"\"\"\r\n"
      "Ann,,\r\n"
      "Bob,\"multi\nline\nfield\",x\r\n",
      Limits{});
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(texts(t->rows[0]),
            (std::vector<std::string>{"Smith, Jo", "1 High St\r\nLeeds", "She said \"hi\""}));
  EXPECT_EQ(t->rows[0].number, 2u);
  EXPECT_EQ(t->rows[1].number, 3u) << "the embedded newline does not start a new row";
  EXPECT_EQ(texts(t->rows[1]), (std::vector<std::string>{"Ann"}));
  EXPECT_EQ(t->rows[2].number, 4u);
  EXPECT_EQ(texts(t->rows[2]), (std::vector<std::string>{"Bob", "multi\nline\nfield", "x"}));
}

TEST(CsvReader, BlankAndEmptyRowsAreSkippedButCounted) {
  for (const std::string nl : {"\n", "\r\n", "\r"}) {
    auto t = read_csv("Name" + nl + nl + ",," + nl + "Bob" + nl + nl + "Ann", Limits{});
    ASSERT_TRUE(t) << t.error().message;
    ASSERT_EQ(t->rows.size(), 2u);
    EXPECT_EQ(t->rows[0].number, 4u) << "line ends of " << nl.size() << " bytes";
    EXPECT_EQ(t->rows[1].number, 6u);
    EXPECT_EQ(texts(t->rows[1]), (std::vector<std::string>{"Ann"})) << "no final newline";
  }
}

TEST(CsvReader, LeadingBlankLinesMoveTheHeader) {
  auto t = read_csv("\n\nName\nBob\n", Limits{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->header_row, 3u);
  EXPECT_EQ(t->rows.at(0).number, 4u);
}

TEST(CsvReader, NumbersAndDatesStayAsTyped) {
  auto t = read_csv("ULN,DOB,UPN\n1234567890,2008-04-01,0123\n", Limits{});
  ASSERT_TRUE(t);
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"1234567890", "2008-04-01", "0123"}));
}

TEST(CsvReaderRefuses, TextThatIsNotUtf8NamingTheRow) {
  std::string file = "Name,Town\n";
  for (int i = 2; i < 12; ++i) file += "Learner" + std::to_string(i) + ",Leeds\n";
  file += "Si\xE2n,Swansea\n";  // Windows-1252 â in row 12
  auto t = read_csv(file, Limits{});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::not_utf8);
  EXPECT_EQ(t.error().message.rfind("The file is not UTF-8 text: row 12", 0), 0u)
      << t.error().message;
  EXPECT_EQ(t.error().fields.at(0).code, errors::not_utf8);
}

TEST(CsvReaderRefuses, Utf16Text) {
  auto t = read_csv(std::string("\xFF\xFEN\0a\0m\0e\0", 10), Limits{});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::not_utf8);
  EXPECT_NE(t.error().message.find("UTF-16"), std::string::npos);
}

TEST(CsvReaderRefuses, StrayAndUnclosedQuotationMarks) {
  auto stray = read_csv("Name\nBob\nO\"Brien\n", Limits{});
  ASSERT_FALSE(stray);
  EXPECT_EQ(stray.error().code, errors::corrupt);
  EXPECT_EQ(stray.error().message.rfind("Row 3 has a quotation mark", 0), 0u)
      << stray.error().message;
  auto unclosed = read_csv("Name\nBob\n\"Ann\nCarl\n", Limits{});
  ASSERT_FALSE(unclosed);
  EXPECT_EQ(unclosed.error().message.rfind("Row 3 ", 0), 0u) << unclosed.error().message;
  auto after = read_csv("Name\n\"Ann\"x\n", Limits{});
  EXPECT_FALSE(after);
}

TEST(CsvReaderRefuses, TheLimits) {
  Limits limits;
  limits.max_rows = 2;
  EXPECT_TRUE(read_csv("h\n1\n2\n", limits));
  auto rows = read_csv("h\n1\n2\n3\n", limits);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, errors::too_many_rows);

  auto cell = read_csv("h\n\"" + std::string(32768, 'x') + "\"\n", Limits{});
  ASSERT_FALSE(cell);
  EXPECT_EQ(cell.error().code, errors::cell_too_long);
  EXPECT_EQ(cell.error().message, "Row 2, column A: the cell has more than 32,767 characters.");

  limits = Limits{};
  limits.max_columns = 3;
  auto wide = read_csv("a,b,c,d\n", limits);
  ASSERT_FALSE(wide);
  EXPECT_EQ(wide.error().code, errors::too_many_columns);

  limits = Limits{};
  limits.max_file_bytes = 10;
  EXPECT_EQ(read_csv("Name\nLearner\n", limits).error().code, errors::too_large);
}

TEST(CsvReader, ManyRowsReadInSlices) {
  std::string file = "n\n";
  for (int i = 0; i < 50'000; ++i) file += "\"row " + std::to_string(i) + "\"\n";
  auto t = read_csv(file, Limits{});
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 50'000u);
  EXPECT_EQ(t->rows.back().number, 50'001u);
  EXPECT_EQ(t->rows.back().cells[0].text, "row 49999");
}
