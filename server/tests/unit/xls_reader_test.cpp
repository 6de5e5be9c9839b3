// The legacy .xls reader on a real workbook saved by LibreOffice (fixtures/learners.fods is its
// source): text, numbers, leading zeros, dates, an empty row and a formula FreeXL alone would lose;
// and damaged or foreign OLE2 files, which must fail cleanly in the isolated child.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "formats/xls_formulas.hpp"
#include "formats/xls_reader.hpp"

using namespace lt::formats;

namespace {
std::string fixture(const std::string& name) {
  std::string path(LT_FIXTURES_DIR "/");
  std::ifstream in(path.append(name), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}
}  // namespace

TEST(XlsReader, ReadsALibreOfficeWorkbook) {
  const std::string file = fixture("learners.xls");
  ASSERT_GT(file.size(), 1000u);
  auto t = read_xls(file, Limits{});
  ASSERT_TRUE(t) << t.error().message << " / " << t.error().detail;
  EXPECT_EQ(t->sheet, "Learners");
  EXPECT_EQ(t->header, (std::vector<std::string>{"First name *", "ULN", "CCIS", "Date of birth *",
                                                 "Score", "Next ULN"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].number, 2u);
  EXPECT_EQ(texts(t->rows[0]), (std::vector<std::string>{"Siân", "1234567890", "0012345",
                                                         "2008-04-01", "0.1", "1234567891"}));
  EXPECT_FALSE(t->rows[0].cells[1].is_formula);
  EXPECT_TRUE(t->rows[0].cells[5].is_formula) << "FreeXL skips formulas; we find them ourselves";
  EXPECT_EQ(t->rows[1].number, 4u) << "row 3 is empty";
  EXPECT_EQ(texts(t->rows[1]), (std::vector<std::string>{"Bob", "", "", "1999-12-31"}));
}

TEST(XlsReader, FindsFormulaCellsInTheCompoundFile) {
  const auto formulas = xls_formula_cells(fixture("learners.xls"));
  ASSERT_EQ(formulas.size(), 1u);
  EXPECT_EQ(formulas[0].row, 1u);
  EXPECT_EQ(formulas[0].column, 5u);
  EXPECT_EQ(formulas[0].text, "1234567891");
  EXPECT_TRUE(xls_formula_cells("not a compound file").empty());
}

TEST(XlsReader, AppliesTheLimits) {
  Limits limits;
  limits.max_rows = 1;
  auto t = read_xls(fixture("learners.xls"), limits);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errors::too_many_rows);
  limits = Limits{};
  limits.max_columns = 4;
  EXPECT_EQ(read_xls(fixture("learners.xls"), limits).error().code, errors::too_many_columns);
}

// A compound-file signature followed by bytes that are no compound file. Built by appending:
// GCC 12 warns falsely (array-bounds) on the inlined operator+ of two temporaries.
std::string compound_signature_then_junk() {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.append(2000, '\x01');
  return bytes;
}

TEST(XlsReaderRefuses, DamagedAndForeignCompoundFiles) {
  const std::string file = fixture("learners.xls");
  // Cut short, or with its sector tables scrambled: refused, and the server process is unharmed.
  for (const std::string& bad :
       {file.substr(0, file.size() / 2), file.substr(0, 600), compound_signature_then_junk()}) {
    auto t = read_xls(bad, Limits{});
    ASSERT_FALSE(t);
    EXPECT_TRUE(t.error().code == errors::corrupt || t.error().code == errors::not_a_spreadsheet)
        << t.error().code;
    EXPECT_FALSE(t.error().message.empty());
  }
  std::string scrambled = file;
  for (std::size_t i = 512; i < 1024 && i < scrambled.size(); ++i)
    scrambled[i] = static_cast<char>(scrambled[i] ^ 0xA5);
  EXPECT_FALSE(read_xls(scrambled, Limits{}));
  EXPECT_TRUE(read_xls(file, Limits{})) << "and the next read works as before";
}
