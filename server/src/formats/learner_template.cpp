// The learner import template (see learner_template.hpp).
#include "formats/learner_template.hpp"

#include <algorithm>
#include <optional>

#include "domain/learner_import_columns.hpp"
#include "formats/table.hpp"
#include "formats/xlsx_writer.hpp"

namespace lt::formats {

using domain::ImportColumnKind;

namespace {

// "=Lists!$C$2:$C$20": the filled cells of one column of the Lists sheet.
std::string list_range(std::size_t column, std::size_t count) {
  const std::string letters = column_letters(column);
  return "=Lists!$" + letters + "$2:$" + letters + "$" + std::to_string(count + 1);
}

struct ListColumn {
  std::string heading;
  std::vector<std::string> values;
};
}  // namespace

domain::Result<std::string> learner_import_template(const LearnerTemplateInput& input) {
  auto created = XlsxWriter::create();
  if (!created) return domain::fail(std::move(created.error()));
  XlsxWriter& writer = **created;
  const auto& columns = domain::learner_import_columns();

  // The Lists sheet's columns: each choice list once, then the providers' UKPRNs and names.
  std::vector<ListColumn> lists;
  std::map<std::string, std::size_t> list_column;  // list name -> column on the Lists sheet
  for (const auto& c : columns) {
    if (c.kind != ImportColumnKind::choice || list_column.count(std::string(c.list))) continue;
    const auto found = input.choices.find(std::string(c.list));
    if (found == input.choices.end() || found->second.empty()) continue;
    list_column[std::string(c.list)] = lists.size();
    lists.push_back({std::string(c.label), found->second});
  }
  std::optional<std::size_t> ukprn_column;
  if (!input.providers.empty()) {
    ukprn_column = lists.size();
    ListColumn ukprns{"UKPRN", {}}, names{"Provider", {}};
    for (const auto& p : input.providers) {
      ukprns.values.push_back(p.ukprn);
      names.values.push_back(p.name);
    }
    lists.push_back(std::move(ukprns));
    lists.push_back(std::move(names));
  }

  auto& learners = writer.add_sheet("Learners");
  std::vector<ColumnSpec> specs;
  std::vector<std::string> headings;
  for (const auto& c : columns) {
    specs.push_back({c.width, c.kind == ImportColumnKind::digits ? ColumnFormat::text
                              : c.kind == ImportColumnKind::date ? ColumnFormat::date
                                                                 : ColumnFormat::general});
    headings.push_back(domain::import_heading(c));
  }
  learners.columns(specs);
  learners.header(headings);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& c = columns[i];
    std::optional<std::size_t> source;
    std::size_t count = 0;
    if (c.kind == ImportColumnKind::choice && list_column.count(std::string(c.list))) {
      source = list_column[std::string(c.list)];
      count = lists[*source].values.size();
    } else if (c.key == "ukprn" && ukprn_column) {
      source = ukprn_column;
      count = input.providers.size();
    }
    if (!source) continue;
    learners.list_validation(
        {i, 1, std::max<std::size_t>(input.rows, 1), list_range(*source, count),
         std::string(c.label), std::string(c.help), std::string(c.label).substr(0, 31),
         c.key == "ukprn" ? "Choose the UKPRN of one of your providers from the list."
                          : "Choose a value from the list."});
  }

  auto& instructions = writer.add_sheet("Instructions");
  instructions.columns(
      {{30, ColumnFormat::general}, {12, ColumnFormat::general}, {100, ColumnFormat::general}});
  instructions.line("How to fill in the learner import template", true);
  instructions.line("");
  for (const std::string& text : std::vector<std::string>{
           "Put one learner on each row of the Learners sheet, starting on row 2.",
           "Keep the heading row as it is: do not rename, remove or reorder the columns, and do "
           "not "
           "add others.",
           "* marks a mandatory column. The other columns are optional, but fill in all you can.",
           "Type dates of birth as YYYY-MM-DD, e.g. 2008-04-01; the column is formatted as dates.",
           std::string(input.providers.empty() ? "Choose the" : "Choose the UKPRN,") +
               " year group, gender and ethnicity from the drop-down list in each cell.",
           "Type values, not formulas: a cell that holds a formula is refused.",
           "Save the file as an Excel workbook (.xlsx), an Excel 97–2003 workbook (.xls) or CSV "
           "UTF-8, then upload it on the Import learners page. At most " +
               with_thousands(input.rows) + " learners per file.",
           "If any row has a mistake nothing is imported: the import lists every error by row and "
           "column, so you can correct the file and upload it again."})
    instructions.line(text);
  instructions.line("");
  instructions.row({XlsxCell::of_text("Column"), XlsxCell::of_text("Mandatory"),
                    XlsxCell::of_text("What to enter")});
  for (const auto& c : columns)
    instructions.row({XlsxCell::of_text(domain::import_heading(c)),
                      XlsxCell::of_text(c.mandatory ? "Yes" : "No"),
                      XlsxCell::of_text(std::string(c.help))});
  if (!input.providers.empty()) {
    instructions.line("");
    instructions.line("Your providers", true);
    instructions.row(
        {XlsxCell::of_text("UKPRN"), XlsxCell::blank(), XlsxCell::of_text("Provider")});
    for (const auto& p : input.providers)
      instructions.row({XlsxCell::of_text(p.ukprn), XlsxCell::blank(), XlsxCell::of_text(p.name)});
  }

  auto& list_sheet = writer.add_sheet("Lists");
  std::vector<std::string> list_headings;
  std::vector<ColumnSpec> list_specs;
  std::size_t longest = 0;
  for (const auto& l : lists) {
    list_headings.push_back(l.heading);
    list_specs.push_back({30, ColumnFormat::text});
    longest = std::max(longest, l.values.size());
  }
  list_sheet.columns(list_specs);
  list_sheet.header(list_headings);
  for (std::size_t r = 0; r < longest; ++r) {
    std::vector<XlsxCell> cells;
    for (const auto& l : lists)
      cells.push_back(r < l.values.size() ? XlsxCell::of_text(l.values[r]) : XlsxCell::blank());
    list_sheet.row(cells);
  }
  list_sheet.hide();
  return writer.finish();
}

}  // namespace lt::formats
