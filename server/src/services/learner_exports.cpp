// Learner list downloads (see learner_exports.hpp).
#include "services/learner_exports.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "formats/csv_writer.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_writer.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using domain::fail;
using formats::ColumnFormat;
using formats::XlsxCell;

namespace {

struct Column {
  const char* heading;
  formats::ColumnSpec spec;  // a date column holds real dates in .xlsx
};

// The columns, in order; fields_of() gives a learner's values in the same order.
const std::vector<Column>& columns() {
  static const std::vector<Column> all = {
      {"Username", {24}},
      {"First name", {18}},
      {"Last name", {18}},
      {"Email", {30}},
      {"Provider", {30}},
      {"Year group", {14}},
      {"Date of birth", {14, ColumnFormat::date}},
      {"Postcode", {11, ColumnFormat::text}},
      {"ULN", {13, ColumnFormat::text}},
      {"UPN", {16, ColumnFormat::text}},
      {"Key information", {16}},
      {"Additional information", {22}},
      {"Qualifications", {16}},
      {"Reference", {14}},
      {"Approval", {24}},
      {"Created on", {14, ColumnFormat::date}},
  };
  return all;
}

// A state code in words, as the web app shows it ("in_progress" → "In progress"), so the file
// reads like the screen.
std::string humanised(std::string code) {
  for (auto& c : code)
    if (c == '_') c = ' ';
  if (!code.empty() && code[0] >= 'a' && code[0] <= 'z') code[0] = static_cast<char>(code[0] - 32);
  return code;
}

std::string approval_label(const store::LearnerRow& l) {
  static const std::map<std::string, std::string> words = {
      {"not_required", "Approval not required"},
      {"incomplete", "Not ready for approval"},
      {"awaiting", "Awaiting approval"},
      {"approved", "Approved"}};
  const std::string state = approval_of(l);
  const auto it = words.find(state);
  return it == words.end() ? humanised(state) : it->second;
}

std::vector<std::string> fields_of(const store::LearnerRow& l,
                                   const std::map<std::string, std::string>& year_groups) {
  const auto year_group = year_groups.find(l.year_group);
  return {l.username,
          l.first_name,
          l.last_name,
          l.email.value_or(""),
          l.provider_name,
          year_group == year_groups.end() ? l.year_group : year_group->second,
          l.date_of_birth,
          l.postcode,
          l.uln,
          l.upn,
          humanised(l.key_information_state),
          humanised(l.additional_information_state),
          humanised(l.qualifications_state),
          humanised(l.reference_state),
          approval_label(l),
          l.created_at.substr(0, 10)};
}

std::vector<XlsxCell> cells_of(std::vector<std::string>& fields) {
  std::vector<XlsxCell> cells;
  cells.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].empty())
      cells.push_back(XlsxCell::blank());
    else if (columns()[i].spec.format == ColumnFormat::date)
      cells.push_back(XlsxCell::of_date(std::move(fields[i])));
    else
      cells.push_back(XlsxCell::of_text(std::move(fields[i])));
  }
  return cells;
}

nlohmann::json filters_json(const LearnerQuery& q) {
  nlohmann::json out = nlohmann::json::object();
  for (auto [name, value] : {std::pair{"q", &q.q},
                             {"status", &q.status},
                             {"year_group", &q.year_group},
                             {"sort", &q.sort}})
    if (*value) out[name] = **value;
  if (q.provider_id) out["provider_id"] = *q.provider_id;
  if (q.group_id) out["group_id"] = *q.group_id;
  return out;
}

}  // namespace

domain::Result<DownloadFile> LearnerExports::download(const Context& ctx, const LearnerQuery& query,
                                                      ExportFormat format) {
  std::map<std::string, std::string> year_groups;
  for (auto& item : deps_.db.read(
           [](soci::session& sql) { return store::reference::items(sql, "year-groups"); }))
    year_groups.emplace(std::move(item.code), std::move(item.label));

  std::vector<std::string> headings;
  for (const auto& column : columns()) headings.emplace_back(column.heading);
  std::unique_ptr<formats::XlsxWriter> xlsx;
  formats::XlsxWriter::Sheet* sheet = nullptr;
  formats::CsvWriter csv;
  if (format == ExportFormat::xlsx) {
    auto created = formats::XlsxWriter::create();
    if (!created) return fail(std::move(created.error()));
    xlsx = std::move(*created);
    sheet = &xlsx->add_sheet("Learners");
    std::vector<formats::ColumnSpec> specs;
    for (const auto& column : columns()) specs.push_back(column.spec);
    sheet->columns(specs);
    sheet->header(headings);
  } else {
    csv.row(headings);
  }

  auto count = learners_.visit_all(ctx, query, [&](const store::LearnerRow& learner) {
    auto fields = fields_of(learner, year_groups);
    if (sheet)
      sheet->row(cells_of(fields));
    else
      csv.row(fields);
  });
  if (!count) return fail(std::move(count.error()));

  DownloadFile file;
  if (xlsx) {
    auto bytes = xlsx->finish();
    if (!bytes) return fail(std::move(bytes.error()));
    file = {"learners.xlsx", formats::kXlsxType, std::move(*bytes)};
  } else {
    file = {"learners.csv", "text/csv; charset=utf-8", csv.take()};
  }
  deps_.db.write([&](soci::session& sql) {
    Changes changes;
    changes.field("format", nullptr, format == ExportFormat::xlsx ? "xlsx" : "csv")
        .field("learners", nullptr, *count)
        .field("filters", nullptr, filters_json(query));
    audit_.record(sql, ctx, "learners.exported", "user", ctx.actor_id(), changes);
  });
  return file;
}

}  // namespace lt::services
