// The learner import template and its column list (manual 7.2, 7.3): the columns in the manual's
// order with the mandatory six marked, the importer's forgiving heading match, and the workbook
// itself read back: the Learners sheet first, text and date column formats, drop-downs drawing on
// the hidden Lists sheet, and the Instructions sheet.
#include <gtest/gtest.h>

#include "domain/learner_import_columns.hpp"
#include "formats/learner_template.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/zip_archive.hpp"

using namespace lt::formats;
using lt::domain::find_learner_import_column;
using lt::domain::learner_import_columns;

TEST(LearnerImportColumns, FollowTheManualInOrderWithTheMandatoryOnesMarked) {
  std::vector<std::string> headings;
  for (const auto& c : learner_import_columns()) headings.push_back(lt::domain::import_heading(c));
  EXPECT_EQ(headings,
            (std::vector<std::string>{
                "UKPRN *", "Learner year group *", "First name *", "Last name *", "Postcode *",
                "Date of birth *", "Email address", "House name or number", "Street", "Locality",
                "Town", "Telephone", "ULN", "UPN", "CCIS", "Gender", "Ethnicity"}));
  for (const auto& c : learner_import_columns()) {
    EXPECT_FALSE(c.help.empty()) << c.key;
    EXPECT_EQ(c.list.empty(), c.kind != lt::domain::ImportColumnKind::choice) << c.key;
  }
}

TEST(LearnerImportColumns, HeadingsMatchForgivingly) {
  EXPECT_EQ(find_learner_import_column("First name *")->key, "first_name");
  EXPECT_EQ(find_learner_import_column("  first   NAME ")->key, "first_name");
  EXPECT_EQ(find_learner_import_column("Dob")->key, "date_of_birth");
  EXPECT_EQ(find_learner_import_column("Date of birth*")->key, "date_of_birth");
  EXPECT_EQ(find_learner_import_column("Email")->key, "email");
  EXPECT_EQ(find_learner_import_column("ULN")->key, "uln");
  EXPECT_EQ(find_learner_import_column("Favourite colour"), nullptr);
  EXPECT_EQ(find_learner_import_column(""), nullptr);
  EXPECT_EQ(find_learner_import_column(" * "), nullptr);
}

namespace {
LearnerTemplateInput sample_input() {
  LearnerTemplateInput in;
  in.choices["year-groups"] = {"Year 7", "Year 8", "Year 12"};
  in.choices["genders"] = {"Female", "Male", "Not known", "Not specified"};
  in.choices["ethnicities"] = {"White: Irish", "Mixed: White and Asian", "Not provided"};
  in.providers = {{"10012345", "UCAS Training School"}, {"10054321", "Beautiful Community School"}};
  in.rows = 500;
  return in;
}
}  // namespace

TEST(LearnerTemplate, TheLearnersSheetComesFirstWithTheHeadings) {
  auto file = learner_import_template(sample_input());
  ASSERT_TRUE(file) << file.error().detail;
  auto t = read_xlsx(*file, Limits{});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->sheet, "Learners");
  EXPECT_EQ(t->header.size(), learner_import_columns().size());
  EXPECT_EQ(t->header.front(), "UKPRN *");
  EXPECT_EQ(t->header.back(), "Ethnicity");
  EXPECT_TRUE(t->rows.empty()) << "a blank template";
  for (std::size_t i = 0; i < t->header.size(); ++i)
    EXPECT_EQ(find_learner_import_column(t->header[i]), &learner_import_columns()[i])
        << "the importer recognises every heading the template writes";
}

TEST(LearnerTemplate, DropDownsDrawOnTheHiddenListsSheet) {
  auto file = learner_import_template(sample_input());
  ASSERT_TRUE(file);
  auto lists = read_xlsx(*file, Limits{}, "Lists");
  ASSERT_TRUE(lists);
  EXPECT_EQ(lists->header, (std::vector<std::string>{"Learner year group", "Gender", "Ethnicity",
                                                     "UKPRN", "Provider"}));
  ASSERT_EQ(lists->rows.size(), 4u);
  EXPECT_EQ(lists->rows[0].cells[0].text, "Year 7");
  EXPECT_EQ(lists->rows[1].cells[3].text, "10054321");
  EXPECT_EQ(lists->rows[3].cells[1].text, "Not specified");

  auto zip = ZipArchive::open(*file, Limits{});
  ASSERT_TRUE(zip);
  auto sheet = (*zip)->read_all("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  for (const char* expected : {"sqref=\"A2:A501\"><formula1>Lists!$D$2:$D$3</formula1>",
                               "sqref=\"B2:B501\"><formula1>Lists!$A$2:$A$4</formula1>",
                               "sqref=\"P2:P501\"><formula1>Lists!$B$2:$B$5</formula1>",
                               "sqref=\"Q2:Q501\"><formula1>Lists!$C$2:$C$4</formula1>"})
    EXPECT_NE(sheet->find(expected), std::string::npos) << expected << "\n" << *sheet;
  EXPECT_NE(sheet->find("state=\"frozen\""), std::string::npos);
  auto workbook = (*zip)->read_all("xl/workbook.xml");
  ASSERT_TRUE(workbook);
  EXPECT_NE(workbook->find("name=\"Lists\" sheetId=\"3\" state=\"hidden\""), std::string::npos)
      << *workbook;
}

TEST(LearnerTemplate, IdentifierColumnsAreTextAndTheDateOfBirthADate) {
  auto file = learner_import_template(sample_input());
  ASSERT_TRUE(file);
  auto zip = ZipArchive::open(*file, Limits{});
  auto sheet = (*zip)->read_all("xl/worksheets/sheet1.xml");
  auto styles = (*zip)->read_all("xl/styles.xml");
  ASSERT_TRUE(sheet && styles);
  // <col> entries carry a style; the text format is numFmtId 49 ("@").
  EXPECT_NE(styles->find("numFmtId=\"49\""), std::string::npos) << *styles;
  EXPECT_NE(styles->find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << *styles;
  for (const char* col : {"<col min=\"1\" max=\"1\"", "<col min=\"5\" max=\"5\"",
                          "<col min=\"6\" max=\"6\"", "<col min=\"13\" max=\"13\""}) {
    const auto at = sheet->find(col);
    ASSERT_NE(at, std::string::npos) << col;
    EXPECT_NE(sheet->substr(at, 80).find("style="), std::string::npos) << col;
  }
}

TEST(LearnerTemplate, TheInstructionsSheetExplainsEveryColumn) {
  auto file = learner_import_template(sample_input());
  ASSERT_TRUE(file);
  auto t = read_xlsx(*file, Limits{}, "Instructions");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->header, (std::vector<std::string>{"How to fill in the learner import template"}));
  std::string all;
  for (const auto& r : t->rows)
    for (const auto& c : r.cells) all += c.text + "\n";
  EXPECT_NE(all.find("* marks a mandatory column"), std::string::npos);
  EXPECT_NE(all.find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(all.find("At most 500 learners per file"), std::string::npos);
  EXPECT_NE(all.find("UCAS Training School"), std::string::npos);
  for (const auto& c : learner_import_columns())
    EXPECT_NE(all.find(std::string(c.help)), std::string::npos) << c.key;
}

TEST(LearnerTemplate, WithoutProvidersThereIsNoUkprnList) {
  auto in = sample_input();
  in.providers.clear();
  auto file = learner_import_template(in);
  ASSERT_TRUE(file);
  auto zip = ZipArchive::open(*file, Limits{});
  auto sheet = (*zip)->read_all("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->find("sqref=\"A2:A501\""), std::string::npos);
  auto lists = read_xlsx(*file, Limits{}, "Lists");
  ASSERT_TRUE(lists);
  EXPECT_EQ(lists->header.size(), 3u);
}
