// The .xlsx reader on hand-made workbooks: shared and inline strings, rich text, gaps between
// cells, empty rows, dates in both date systems, numbers, formulas, escapes, prefixed XML, which
// sheet is read; and every bad input it must refuse with a clear error, never a crash: damaged,
// truncated and non-workbook zips, zip bombs, DTDs, oversized cells, too many rows and columns.
#include <gtest/gtest.h>

#include "formats/xlsx_reader.hpp"
#include "formats/zip_archive.hpp"
#include "unit/xlsx_fixture.hpp"

using namespace lt::formats;
using lt::test::make_xlsx;
using lt::test::make_zip;
using lt::test::shared_strings_xml;
using lt::test::sheet_xml;
using lt::test::xlsx_of_rows;
using lt::test::XlsxParts;

namespace {

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

std::string styles_xml() {
  return std::string("<styleSheet xmlns=\"") + lt::test::kMain +
         "\"><numFmts count=\"3\">"
         "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"[$-809]d mmmm yyyy;@\"/>"
         "<numFmt numFmtId=\"166\" formatCode=\"0.00\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
         "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"22\"/></cellXfs>"
         "</styleSheet>";
}

const char* code_of(const lt::domain::Result<Table>& r) {
  return r ? "ok" : r.error().code.c_str();
}

}  // namespace

TEST(XlsxReader, SharedAndInlineStringsRichTextAndGaps) {
  XlsxParts p;
  p.shared_strings = shared_strings_xml(
      {"<t>First name *</t>", "<t>Town</t>",
       "<r><t>Bob</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> Smith</t></r>",
       "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>", "<t>0123</t>",
       "<t>Line_x000D__x000A_two</t>"});
  p.sheets = {{"Learners",
               sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v>"
                         "</c></row>"
                         "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c>" +
                         inline_cell("D2", "Leeds") +
                         "</row>"
                         "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"s\"><v>4</v>"
                         "</c><c r=\"C3\" t=\"s\"><v>5</v></c></row>")}};
  auto t = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->sheet, "Learners");
  EXPECT_EQ(t->header_row, 1u);
  EXPECT_EQ(t->header, (std::vector<std::string>{"First name *", "", "Town"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"Bob Smith", "", "", "Leeds"}));
  EXPECT_EQ(texts(t->rows[1]), (std::vector<std::string>{"東京", "0123", "Line\r\ntwo"}))
      << "phonetic runs are not text; a leading zero survives; _xHHHH_ escapes decode";
}

TEST(XlsxReader, EscapedControlCharactersDecodeAndNulIsDropped) {
  auto t = read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "a_x0009_b_x0000_c_x005F_x") +
                                  inline_cell("B1", "_xD800_") + "</row>"),
                     Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"a\tbc_x", "\xEF\xBF\xBD"}))
      << "_x005F_ is a literal underscore; a lone surrogate becomes U+FFFD";
}

TEST(XlsxReader, EmptyRowsAreSkippedButKeepTheirNumbers) {
  auto t = read_xlsx(
      xlsx_of_rows(inline_cell("A1", "Name") + "<row r=\"2\"><c r=\"A2\" s=\"0\"/></row>" +
                   "<row r=\"4\">" + inline_cell("A4", "Bob") + "</row>" + "<row r=\"5\">" +
                   inline_cell("A5", " ") + "</row>" + "<row r=\"9\">" + inline_cell("B9", "Ann") +
                   "</row>"),
      Limits{});
  // The first <c> sits outside a row: a damaged file.
  EXPECT_STREQ(code_of(t), errors::corrupt);

  auto ok = read_xlsx(
      xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") +
                   "</row><row r=\"2\"><c r=\"A2\" s=\"0\"/></row><row r=\"4\">" +
                   inline_cell("A4", "Bob") + "</row><row r=\"5\">" + inline_cell("A5", " ") +
                   "</row><row r=\"9\">" + inline_cell("B9", "Ann") + "</row>"),
      Limits{});
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->rows.size(), 2u);
  EXPECT_EQ(ok->rows[0].number, 4u);
  EXPECT_EQ(ok->rows[1].number, 9u);
  EXPECT_EQ(texts(ok->rows[1]), (std::vector<std::string>{"", "Ann"}));
}

TEST(XlsxReader, RowsAndCellsWithoutReferencesFollowOnePerPosition) {
  auto t = read_xlsx(xlsx_of_rows("<row><c t=\"inlineStr\"><is><t>A</t></is></c><c "
                                  "t=\"inlineStr\"><is><t>B</t></is></c></row><row><c><v>1</v></"
                                  "c><c><v>2</v></c></row>"),
                     Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"A", "B"}));
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].number, 2u);
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"1", "2"}));
}

TEST(XlsxReader, DatesInThe1900System) {
  XlsxParts p;
  p.styles = styles_xml();
  p.sheets = {
      {"S", sheet_xml("<row r=\"1\">" + inline_cell("A1", "Date") +
                      "</row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>39539</v></c><c r=\"B2\" "
                      "s=\"2\"><v>39448</v></c><c r=\"C2\" s=\"3\"><v>36525</v></c><c "
                      "r=\"D2\" s=\"4\"><v>39539</v></c><c r=\"E2\" s=\"5\"><v>39539.5</v>"
                      "</c><c r=\"F2\" s=\"1\"><v>60</v></c><c r=\"G2\" s=\"1\"><v>0</v></c>"
                      "<c r=\"H2\" s=\"9\"><v>39539</v></c></row>")}};
  auto t = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(texts(t->rows[0]),
            (std::vector<std::string>{"2008-04-01", "2008-01-01", "1999-12-31", "39539",
                                      "2008-04-01 12:00:00", "1900-02-29", "0", "39539"}))
      << "built-in and custom date formats are dates; 0.00 is a number; serial 0 is no date; an "
         "unknown style index is a plain number";
}

TEST(XlsxReader, DatesInThe1904System) {
  XlsxParts p;
  p.styles = styles_xml();
  p.workbook_pr = "<workbookPr date1904=\"1\"/>";
  p.sheets = {{"S", sheet_xml("<row r=\"1\">" + inline_cell("A1", "Date") +
                              "</row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>38077</v></c><c r=\"B2\" "
                              "s=\"1\"><v>0</v></c></row>")}};
  auto t = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"2008-04-01", "1904-01-01"}));

  p.workbook_pr = "<workbookPr date1904=\"true\"/>";
  auto again = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->rows[0].cells[0].text, "2008-04-01");
}

TEST(XlsxReader, NumbersComeOutAsTheirShortestExactText) {
  auto t =
      read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "N") +
                             "</row><row r=\"2\"><c r=\"A2\"><v>1234567890</v></c><c "
                             "r=\"B2\"><v>1.23456789E+9</v></c><c r=\"C2\" t=\"n\"><v>0.1</v>"
                             "</c><c r=\"D2\"><v>-0</v></c><c r=\"E2\"><v>1E+21</v></c><c "
                             "r=\"F2\" t=\"b\"><v>1</v></c><c r=\"G2\" t=\"b\"><v>0</v></c><c "
                             "r=\"H2\" t=\"e\"><v>#N/A</v></c><c r=\"I2\"><v>abc</v></c></row>"),
                Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"1234567890", "1234567890", "0.1", "0",
                                                         "1e+21", "TRUE", "FALSE", "#N/A", "abc"}));
  for (const auto& c : t->rows[0].cells) EXPECT_FALSE(c.is_formula);
}

TEST(XlsxReader, FormulasAreFlaggedWithTheirLastValue) {
  auto t = read_xlsx(
      xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "A") + inline_cell("B1", "B") +
                   "</row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><f>A2+1</f><v>2</v></c>"
                   "<c r=\"C2\" t=\"str\"><f>\"x\"&amp;A2</f><v>x1</v></c><c r=\"D2\"><f "
                   "t=\"shared\" si=\"0\"/><v>3</v></c><c r=\"E2\"><f>NOW()</f></c></row>"),
      Limits{});
  ASSERT_TRUE(t) << t.error().message;
  const auto& cells = t->rows[0].cells;
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_EQ(cells[0], (Cell{"1", false}));
  EXPECT_EQ(cells[1], (Cell{"2", true}));
  EXPECT_EQ(cells[2], (Cell{"x1", true}));
  EXPECT_EQ(cells[3], (Cell{"3", true})) << "a shared formula";
  EXPECT_EQ(cells[4], (Cell{"", true})) << "a formula never calculated is still a formula";
}

TEST(XlsxReader, ReadsTheFirstVisibleSheetOrTheOneNamed) {
  XlsxParts p;
  p.sheets = {{"Hidden", sheet_xml("<row r=\"1\">" + inline_cell("A1", "hidden") + "</row>")},
              {"Learners", sheet_xml("<row r=\"1\">" + inline_cell("A1", "learners") + "</row>")},
              {"Lists", sheet_xml("<row r=\"1\">" + inline_cell("A1", "lists") + "</row>")}};
  p.sheet_states = {"hidden"};
  const std::string file = make_xlsx(p);
  auto first = read_xlsx(file, Limits{});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->sheet, "Learners");
  EXPECT_EQ(first->header, (std::vector<std::string>{"learners"}));
  auto named = read_xlsx(file, Limits{}, "lists");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->header, (std::vector<std::string>{"lists"}));
  auto missing = read_xlsx(file, Limits{}, "Qualifications");
  EXPECT_STREQ(code_of(missing), errors::sheet_not_found);
  EXPECT_NE(missing.error().message.find("Hidden, Learners, Lists"), std::string::npos);
}

TEST(XlsxReader, PrefixedNamespacesAreUnderstood) {
  XlsxParts p;
  p.sheets = {{"S", std::string("<x:worksheet xmlns:x=\"") + lt::test::kMain +
                        "\"><x:sheetData><x:row r=\"1\"><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>"
                        "Name</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"}};
  auto t = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->header, (std::vector<std::string>{"", "Name"}));
}

TEST(XlsxReader, AnEmptySheetGivesAnEmptyTable) {
  auto t = read_xlsx(xlsx_of_rows(""), Limits{});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->header_row, 0u);
  EXPECT_TRUE(t->header.empty());
  EXPECT_TRUE(t->rows.empty());
}

// ---- bad input ----------------------------------------------------------------------------

TEST(XlsxReaderRefuses, ATruncatedZip) {
  const std::string file = xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") + "</row>");
  for (std::size_t keep : {file.size() / 2, file.size() - 10, std::size_t{30}}) {
    auto t = read_xlsx(file.substr(0, keep), Limits{});
    ASSERT_FALSE(t) << keep;
    EXPECT_EQ(t.error().code, errors::corrupt) << keep;
    EXPECT_NE(t.error().message.find("damaged or incomplete"), std::string::npos);
    EXPECT_EQ(t.error().fields.at(0).field, "file");
  }
}

TEST(XlsxReaderRefuses, ACorruptEntry) {
  std::string rows;
  for (int i = 1; i <= 200; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\">" +
            inline_cell("A" + std::to_string(i), "Learner number " + std::to_string(i)) + "</row>";
  std::string file = xlsx_of_rows(rows);
  // Damage the middle of the deflated sheet (the largest entry, stored last but for rels).
  const auto at = file.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(at, std::string::npos);
  for (std::size_t i = at + 60; i < at + 90; ++i) file[i] = static_cast<char>(file[i] ^ 0x5A);
  auto t = read_xlsx(file, Limits{});
  EXPECT_STREQ(code_of(t), errors::corrupt);
}

TEST(XlsxReaderRefuses, AZipThatIsNoWorkbook) {
  auto plain = read_xlsx(make_zip({{"readme.txt", "hello"}}), Limits{});
  EXPECT_STREQ(code_of(plain), errors::not_a_spreadsheet);
  auto ods = read_xlsx(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                 {"content.xml", "<office:document-content/>"}}),
                       Limits{});
  EXPECT_STREQ(code_of(ods), errors::not_a_spreadsheet);
  EXPECT_NE(ods.error().message.find("OpenDocument"), std::string::npos);
  auto xlsb = read_xlsx(make_zip({{"xl/workbook.bin", "x"}}), Limits{});
  EXPECT_NE(xlsb.error().message.find(".xlsb"), std::string::npos);
}

TEST(XlsxReaderRefuses, AWorkbookWhoseSheetIsMissing) {
  auto entries = lt::test::xlsx_entries(XlsxParts{});
  std::erase_if(entries, [](const auto& e) { return e.first == "xl/worksheets/sheet1.xml"; });
  EXPECT_STREQ(code_of(read_xlsx(make_zip(entries), Limits{})), errors::corrupt);
}

TEST(XlsxReaderRefuses, MalformedXmlAndDoctypes) {
  EXPECT_STREQ(
      code_of(read_xlsx(xlsx_of_rows("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"), Limits{})),
      errors::corrupt);
  XlsxParts p;
  p.sheets = {{"S",
               "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
               "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row "
               "r=\"1\"><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData>"
               "</worksheet>"}};
  auto t = read_xlsx(make_xlsx(p), Limits{});
  EXPECT_STREQ(code_of(t), errors::corrupt) << "no DTD, so no entity expansion at all";
  EXPECT_NE(t.error().detail.find("DOCTYPE"), std::string::npos);
}

TEST(XlsxReaderRefuses, RowsOutOfOrderAndBadReferences) {
  EXPECT_STREQ(code_of(read_xlsx(xlsx_of_rows("<row r=\"2\"></row><row r=\"1\"></row>"), Limits{})),
               errors::corrupt);
  EXPECT_STREQ(
      code_of(read_xlsx(xlsx_of_rows("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"), Limits{})),
      errors::corrupt);
  EXPECT_STREQ(code_of(read_xlsx(
                   xlsx_of_rows("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"), Limits{})),
               errors::corrupt)
      << "a shared string that does not exist";
}

TEST(XlsxReaderRefuses, AZipBombBeyondTheDecompressedLimit) {
  // 8 MB of XML whitespace deflates to a few KB.
  const std::string padding(8 << 20, ' ');
  const std::string file =
      xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "x") + "</row>" + padding);
  EXPECT_LT(file.size(), 100'000u);
  Limits limits;
  limits.max_entry_bytes = 4 << 20;  // the entry's declared size is over this: refused up front
  auto t = read_xlsx(file, limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::too_large);
  EXPECT_EQ(t.error().kind, lt::domain::ErrorKind::payload_too_large);
  EXPECT_NE(t.error().message.find("4 MB"), std::string::npos) << t.error().message;

  // Each part under the per-part limit, together over the total: stopped while streaming.
  XlsxParts p;
  p.shared_strings = shared_strings_xml({"<t>Name</t>"}) + std::string(3 << 20, ' ');
  p.sheets = {{"S", sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" +
                              std::string(3 << 20, ' '))}};
  Limits total;
  total.max_entry_bytes = 4 << 20;
  total.max_uncompressed_bytes = 5 << 20;
  auto streamed = read_xlsx(make_xlsx(p), total);
  EXPECT_STREQ(code_of(streamed), errors::too_large);
}

TEST(XlsxReaderRefuses, ACellOverExcelsLimit) {
  const std::string at_limit(32767, 'a');
  auto fits =
      read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") + "</row><row r=\"2\">" +
                             inline_cell("B2", at_limit) + "</row>"),
                Limits{});
  ASSERT_TRUE(fits) << fits.error().message;
  EXPECT_EQ(fits->rows[0].cells[1].text.size(), 32767u);

  std::string accents;
  for (int i = 0; i < 32767; ++i) accents += "é";
  EXPECT_TRUE(
      read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", accents) + "</row>"), Limits{}))
      << "the limit counts characters, not bytes";

  auto over =
      read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") + "</row><row r=\"2\">" +
                             inline_cell("B2", at_limit + "a") + "</row>"),
                Limits{});
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errors::cell_too_long);
  EXPECT_EQ(over.error().message, "Row 2, column B: the cell has more than 32,767 characters.");

  XlsxParts p;  // the same through a shared string, and a huge one
  p.shared_strings = shared_strings_xml({"<t>" + std::string(1 << 20, 'b') + "</t>"});
  p.sheets = {{"S", sheet_xml("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>0</v></c></row>")}};
  auto shared = read_xlsx(make_xlsx(p), Limits{});
  ASSERT_FALSE(shared);
  EXPECT_EQ(shared.error().message, "Row 3, column C: the cell has more than 32,767 characters.");
}

TEST(XlsxReaderRefuses, MoreRowsThanTheLimit) {
  std::string rows = "<row r=\"1\">" + inline_cell("A1", "Name") + "</row>";
  for (int i = 2; i <= 6; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\"><v>" +
            std::to_string(i) + "</v></c></row>";
  Limits limits;
  limits.max_rows = 5;
  EXPECT_TRUE(read_xlsx(xlsx_of_rows(rows), limits));
  limits.max_rows = 4;
  auto t = read_xlsx(xlsx_of_rows(rows), limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::too_many_rows);
  EXPECT_NE(t.error().message.find("more than 4 rows"), std::string::npos) << t.error().message;
  EXPECT_NE(t.error().message.find("row 6"), std::string::npos) << t.error().message;
}

TEST(XlsxReaderRefuses, ValuesBeyondTheColumnLimit) {
  Limits limits;
  limits.max_columns = 20;
  auto t = read_xlsx(xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") +
                                  inline_cell("Z1", "Extra") + "</row>"),
                     limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::too_many_columns);
  EXPECT_NE(t.error().message.find("column Z"), std::string::npos);
  EXPECT_TRUE(read_xlsx(
      xlsx_of_rows("<row r=\"1\">" + inline_cell("A1", "Name") + "<c r=\"XFD1\" s=\"1\"/></row>"),
      limits))
      << "an empty formatted cell far to the right is harmless";
}
