// The bulk qualification jobs (see qualification_jobs.hpp).
#include "jobs/qualification_jobs.hpp"

#include "domain/qualification_sheet.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_writer.hpp"
#include "jobs/job_context.hpp"
#include "jobs/job_outcome_message.hpp"
#include "services/qualification_transfer.hpp"
#include "store/blobs_repo.hpp"
#include "store/learner_qualifications_repo.hpp"
#include "store/providers_repo.hpp"
#include "store/reference_repo.hpp"

namespace lt::jobs {

using domain::fail;
using formats::XlsxCell;
using nlohmann::json;

namespace {

// The three sheets of choices: types, subjects by type, grades by type (retired ones left out).
void write_catalogue(formats::XlsxWriter& writer, const services::CatalogueIndex& index) {
  auto& types = writer.add_sheet("Qualification types");
  types.columns({{40}});
  types.header({"Qualification type"});
  auto& subjects = writer.add_sheet("Subjects");
  subjects.columns({{40}, {50}});
  subjects.header({"Qualification type", "Subject"});
  auto& grades = writer.add_sheet("Grades");
  grades.columns({{40}, {20}});
  grades.header({"Qualification type", "Grade"});
  for (const auto& t : index.types) {
    if (t.entry.retired) continue;
    types.row({XlsxCell::of_text(t.entry.label)});
    for (const auto& s : t.subjects)
      if (!s.retired) subjects.row({XlsxCell::of_text(t.entry.label), XlsxCell::of_text(s.label)});
    for (const auto& g : t.grades)
      if (!g.retired) grades.row({XlsxCell::of_text(t.entry.label), XlsxCell::of_text(g.label)});
  }
}

domain::Result<json> run_export(JobContext& ctx) {
  auto& deps = ctx.deps();
  if (!ctx.context().principal)
    return fail(failure("The person who asked for this export can no longer export learners."));
  const std::string year_group = ctx.payload().value("year_group", "");
  std::optional<store::Id> group;
  if (ctx.payload().contains("group_id")) group = ctx.payload()["group_id"].get<store::Id>();

  auto writer = formats::XlsxWriter::create();
  if (!writer) return fail(writer.error());
  auto& sheet = (*writer)->add_sheet("Learner qualifications");
  std::vector<formats::ColumnSpec> widths(8, {16, formats::ColumnFormat::text});
  widths.resize(8 + domain::kQualificationSets * 5, {18, formats::ColumnFormat::text});
  sheet.columns(widths);
  sheet.header(domain::qualification_sheet_headings());
  std::size_t count = 0;
  const auto index = deps.db.read([&](soci::session& sql) {
    const auto learners = services::learners_for_export(sql, ctx.context(), year_group, group);
    std::map<store::Id, std::string> areas;
    ctx.progress(0, static_cast<long long>(learners.size()));
    for (const auto& l : learners) {
      if (!areas.count(l.provider_id)) {
        auto p = store::providers::find(sql, ctx.tenant_id(), l.provider_id);
        areas[l.provider_id] = p ? p->local_authority : "";
      }
      std::vector<XlsxCell> cells = {XlsxCell::of_text(std::to_string(l.id)),
                                     XlsxCell::of_text(l.upn),
                                     XlsxCell::of_text(l.uln),
                                     XlsxCell::of_text(l.first_name),
                                     XlsxCell::of_text(l.last_name),
                                     XlsxCell::of_text(l.date_of_birth),
                                     XlsxCell::of_text(l.provider_name),
                                     XlsxCell::of_text(areas[l.provider_id])};
      auto quals = store::learner_qualifications::list(sql, ctx.tenant_id(), l.id);
      if (quals.size() > domain::kQualificationSets) quals.resize(domain::kQualificationSets);
      for (const auto& q : quals)
        for (const auto* text : {&q.type_label, &q.subject_label, &q.completed_on,
                                 &q.predicted_label, &q.actual_label})
          cells.push_back(XlsxCell::of_text(*text));
      sheet.row(cells);
      ctx.progress(static_cast<long long>(++count), static_cast<long long>(learners.size()));
    }
    return services::CatalogueIndex::load(sql, ctx.tenant_id());
  });
  write_catalogue(**writer, index);
  auto bytes = (*writer)->finish();
  if (!bytes) return fail(bytes.error());
  auto blob = ctx.store_result_blob(*bytes, formats::kXlsxType,
                                    "learner-qualifications-" + year_group + ".xlsx");
  if (!blob) return fail(blob.error());
  return json{{"learners", count}};
}

}  // namespace

Handler qualification_export_handler() {
  return [](JobContext& ctx) -> domain::Result<json> {
    auto& deps = ctx.deps();
    ctx.on_end([&deps](soci::session& sql, const store::jobs::JobRow& job) {
      const bool done = job.status == "succeeded";
      tell_requester(
          sql, deps, job, services::kQualificationExportKind,
          {done ? "Your learner qualifications export is ready"
                : "Your learner qualifications export did not finish",
           done ? "The spreadsheet of " + std::to_string(result_of(job).value("learners", 0)) +
                      " learners is ready to download. Enter their qualifications in it and "
                      "import it back."
                : "The export " + job.status + ": " + job.error.value_or("it was stopped") +
                      " Ask for it again.",
           "/learners/qualifications-transfer"});
    });
    return run_export(ctx);
  };
}

Handler qualification_import_handler(services::AuditLog& audit, formats::Limits limits) {
  return [&audit, limits](JobContext& ctx) -> domain::Result<json> {
    auto& deps = ctx.deps();
    ctx.on_end([&deps](soci::session& sql, const store::jobs::JobRow& job) {
      const auto learners = result_of(job).value("learners", 0ull);
      tell_requester(
          sql, deps, job, services::kQualificationImportKind,
          import_outcome(job, "qualification import",
                         "The qualifications of " + std::to_string(learners) +
                             (learners == 1 ? " learner were" : " learners were") + " imported."));
    });
    if (!ctx.context().principal)
      return fail(failure("The person who uploaded this file can no longer edit learners."));
    const auto& payload = ctx.payload();
    auto blob = deps.db.read([&](soci::session& sql) {
      return store::blobs::find(sql, ctx.tenant_id(), payload.value("blob_id", 0ll));
    });
    if (!blob) return fail(failure("The uploaded file is no longer available; upload it again."));
    auto table = formats::read_table(blob->bytes, payload.value("content_type", ""),
                                     payload.value("filename", ""), limits);
    if (!table) {
      services::ImportProblems unreadable;
      unreadable.add(0, "", "", table.error().message);
      ctx.keep_result_on_failure(unreadable.rejection());
      return fail(failure(table.error().message));
    }
    const long long total = static_cast<long long>(table->rows.size());
    ctx.progress(0, total);
    bool stopped = false;
    auto check = deps.db.read([&](soci::session& sql) {
      return services::check_qualification_import(
          sql, ctx.context(), *table, deps.now().substr(0, 10), [&](std::size_t done) {
            ctx.progress(static_cast<long long>(done), total);
            stopped = ctx.cancelled();
            return !stopped;
          });
    });
    if (stopped) return fail(jobs::stopped());
    if (check.problems.any()) {
      ctx.keep_result_on_failure(check.problems.rejection());
      return fail(failure(check.problems.summary()));
    }
    return ctx.commit([&](soci::session& sql) -> domain::Result<json> {
      std::size_t saved = 0;
      for (const auto& learner : check.learners) {
        const std::size_t before =
            store::learner_qualifications::remove_all(sql, ctx.tenant_id(), learner.learner_id);
        for (auto row : learner.rows) {
          row.created_at = deps.now();
          store::learner_qualifications::insert(sql, row);
        }
        saved += learner.rows.size();
        services::Changes changes;
        changes.field("qualifications", before, learner.rows.size())
            .field("import", nullptr, ctx.id());
        audit.record(sql, ctx.context(), "qualifications.imported", "learner", learner.learner_id,
                     changes);
      }
      return json{{"created_count", saved},  {"learners", check.learners.size()},
                  {"error_count", 0},        {"rows_with_errors", 0},
                  {"errors", json::array()}, {"errors_truncated", false}};
    });
  };
}

}  // namespace lt::jobs
