// The reference lists: their codes (stable, stored on learner rows), FACTS.md §10 and manual 5.1
// content, find_code, and that the rows the migrations seed match the C++ lists exactly.
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/reference_data.hpp"
#include "store/migrations.hpp"

namespace lt::domain {
// Readable failure output for list comparisons.
void PrintTo(const CodeLabel& item, std::ostream* os) {
  *os << "{" << item.code << ", " << item.label << "}";
}
}  // namespace lt::domain

using namespace lt::domain;

namespace {

std::vector<std::string> codes(const CodeList& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.code);
  return out;
}

const CodeLabel& must_find(const CodeList& list, std::string_view code) {
  const CodeLabel* item = find_code(list, code);
  if (!item) throw std::logic_error("missing code " + std::string(code));
  return *item;
}

// reference_items rows seeded by a dialect's migrations, per list in position order. Reads the
// `('list', 'code', 'label', position)` tuples of every INSERT INTO reference_items.
std::map<std::string, CodeList> seeded(const std::vector<lt::store::Migration>& migrations) {
  static const std::regex statement(R"(INSERT INTO reference_items[^;]*;)");
  static const std::regex row(R"(\('([^']*)',\s*'([^']*)',\s*'((?:[^']|'')*)',\s*(\d+)\))");
  std::map<std::string, std::map<int, CodeLabel>> by_position;
  for (const auto& m : migrations) {
    for (std::sregex_iterator s(m.sql.begin(), m.sql.end(), statement), end; s != end; ++s) {
      const std::string text = s->str();
      for (std::sregex_iterator r(text.begin(), text.end(), row); r != end; ++r) {
        std::string label = (*r)[3];
        for (auto at = label.find("''"); at != std::string::npos; at = label.find("''", at + 1))
          label.erase(at, 1);
        by_position[(*r)[1]][std::stoi((*r)[4])] = CodeLabel{(*r)[2], label};
      }
    }
  }
  std::map<std::string, CodeList> out;
  for (const auto& [list, items] : by_position)
    for (const auto& [position, item] : items) out[list].push_back(item);
  return out;
}

}  // namespace

TEST(ReferenceData, YearGroupsRunFromYear7ToAdult) {
  EXPECT_EQ(codes(year_groups()),
            (std::vector<std::string>{"year_7", "year_8", "year_9", "year_10", "year_11", "year_12",
                                      "year_13", "post_16", "adult"}));
  EXPECT_EQ(must_find(year_groups(), "year_7").label, "Year 7");  // the manual's first option
  EXPECT_EQ(must_find(year_groups(), "year_13").label, "Year 13");
  EXPECT_EQ(must_find(year_groups(), "post_16").label, "Post-16");
}

TEST(ReferenceData, GendersAreTheManualsFourOptions) {
  EXPECT_EQ(genders(), (CodeList{{"female", "Female"},
                                 {"male", "Male"},
                                 {"not_known", "Not known"},
                                 {"not_specified", "Not specified"}}));
}

TEST(ReferenceData, EthnicitiesUseTheIlrCodes) {
  // FACTS.md §10: 2011 Census categories with ILR codes 31–47, 98 and 99.
  EXPECT_EQ(codes(ethnicities()),
            (std::vector<std::string>{"31", "32", "33", "34", "35", "36", "37", "38", "39", "40",
                                      "41", "42", "43", "44", "45", "46", "47", "98", "99"}));
  const std::vector<std::pair<std::string, std::string>> category = {
      {"31", "English, Welsh, Scottish, Northern Irish or British"},
      {"32", "Irish"},
      {"33", "Gypsy or Irish Traveller"},
      {"34", "any other White background"},
      {"35", "White and Black Caribbean"},
      {"36", "White and Black African"},
      {"37", "White and Asian"},
      {"38", "any other mixed or multiple ethnic background"},
      {"39", "Indian"},
      {"40", "Pakistani"},
      {"41", "Bangladeshi"},
      {"42", "Chinese"},  // Asian in the 2011 list ("Other" in 2001)
      {"43", "any other Asian background"},
      {"44", "African"},
      {"45", "Caribbean"},
      {"46", "any other Black background"},
      {"47", "Arab"},
      {"98", "any other ethnic group"},
      {"99", "Not provided"},
  };
  for (const auto& [code, name] : category) {
    const std::string& label = must_find(ethnicities(), code).label;
    EXPECT_TRUE(label.ends_with(name)) << code << ": " << label;
  }
  EXPECT_TRUE(must_find(ethnicities(), "42").label.starts_with("Asian"));
  EXPECT_TRUE(must_find(ethnicities(), "47").label.starts_with("Other ethnic group"));
}

TEST(ReferenceData, CodesAreUniqueLowerCaseAndLabelsUnique) {
  const std::regex code_shape("[a-z0-9]+(_[a-z0-9]+)*");
  for (const auto& name : reference_list_names()) {
    const CodeList* list = reference_list(name);
    ASSERT_NE(list, nullptr) << name;
    ASSERT_FALSE(list->empty()) << name;
    std::set<std::string> seen_codes, seen_labels;
    for (const auto& item : *list) {
      EXPECT_TRUE(std::regex_match(item.code, code_shape)) << name << ": " << item.code;
      EXPECT_FALSE(item.label.empty()) << name << ": " << item.code;
      EXPECT_TRUE(seen_codes.insert(item.code).second) << name << ": " << item.code;
      EXPECT_TRUE(seen_labels.insert(item.label).second) << name << ": " << item.label;
    }
  }
}

TEST(ReferenceData, FindCodeIsExact) {
  ASSERT_NE(find_code(genders(), "not_known"), nullptr);
  EXPECT_EQ(find_code(genders(), "not_known")->label, "Not known");
  EXPECT_EQ(find_code(genders(), "Female"), nullptr);  // codes are case-sensitive
  EXPECT_EQ(find_code(genders(), "fem"), nullptr);
  EXPECT_EQ(find_code(genders(), ""), nullptr);
  EXPECT_EQ(find_code(ethnicities(), "48"), nullptr);
  EXPECT_EQ(find_code(year_groups(), "year_6"), nullptr);
  EXPECT_EQ(find_code(CodeList{}, "male"), nullptr);
}

TEST(ReferenceData, ListsByName) {
  EXPECT_EQ(reference_list_names(), (std::vector<std::string>{"year-groups", "genders",
                                                              "ethnicities", "reference-ratings"}));
  EXPECT_EQ(reference_list("reference-ratings"), &reference_ratings());
  EXPECT_EQ(reference_list("year-groups"), &year_groups());
  EXPECT_EQ(reference_list("genders"), &genders());
  EXPECT_EQ(reference_list("ethnicities"), &ethnicities());
  EXPECT_EQ(reference_list("religions"), nullptr);
  EXPECT_EQ(reference_list("Genders"), nullptr);
}

// The C++ lists are the single source: each dialect's migrations must seed exactly these rows, in
// this order, with these labels.
TEST(ReferenceData, MigrationsSeedExactlyTheseLists) {
  for (const auto* migrations :
       {&lt::store::embedded_sqlite_migrations(), &lt::store::embedded_postgres_migrations()}) {
    const auto rows = seeded(*migrations);
    for (const auto& name : reference_list_names()) {
      ASSERT_TRUE(rows.contains(name)) << name;
      EXPECT_EQ(rows.at(name), *reference_list(name)) << name;
    }
  }
}

TEST(ReferenceData, SeedParserReadsRowsInPositionOrder) {
  // Guards the helper above, so a parsing slip cannot make the comparison pass vacuously.
  const std::vector<lt::store::Migration> migrations = {
      {"0001_a",
       "INSERT INTO reference_items (list, code, label, position) VALUES\n"
       "  ('genders', 'male', 'Male', 2),\n  ('genders', 'female', 'Female', 1);\n"
       "INSERT INTO other (a) VALUES ('x', 'y', 'z', 1);"},
      {"0002_b",
       "INSERT INTO reference_items (list, code, label, position) VALUES "
       "('faiths', 'none', 'Don''t know', 1);"}};
  const auto rows = seeded(migrations);
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.at("genders"), (CodeList{{"female", "Female"}, {"male", "Male"}}));
  EXPECT_EQ(rows.at("faiths"), (CodeList{{"none", "Don't know"}}));
}
