// Imports (see imports.hpp).
#include "services/imports.hpp"

#include <nlohmann/json.hpp>

#include "auth/secrets.hpp"
#include "domain/text.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_writer.hpp"
#include "store/blobs_repo.hpp"
#include "store/query.hpp"
#include "store/users_repo.hpp"

namespace lt::services {

using domain::Error;
using domain::ErrorKind;
using domain::fail;
using nlohmann::json;

namespace {
constexpr const char* kLearnerImport = "learner_import";  // jobs::kLearnerImportKind
}  // namespace

bool is_import_kind(const std::string& kind) {
  return kind == kLearnerImport || kind == "qualification_import";
}

ImportView Imports::view(soci::session& sql, store::jobs::JobRow job) {
  ImportView v;
  const json payload = json::parse(job.payload, nullptr, false);
  if (payload.is_object()) v.filename = payload.value("filename", "");
  if (job.requested_by)
    if (auto user = store::users::find(sql, job.tenant_id, *job.requested_by))
      v.requested_by_name = domain::trim(user->first_name + " " + user->last_name);
  v.job = std::move(job);
  return v;
}

domain::Result<ImportView> Imports::submit(const Context& ctx, const std::string& kind,
                                           std::string_view bytes, const std::string& content_type,
                                           const std::string& filename) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can_somewhere(*ctx.principal, auth::Permission::learners_edit))
    return fail(Error::forbidden());
  if (bytes.size() > limits_.max_file_bytes)
    return fail(formats::file_error(formats::errors::too_large,
                                    "The file is larger than " +
                                        formats::with_thousands(limits_.max_file_bytes >> 20) +
                                        " MB. Split it into smaller files."));
  if (auto format = formats::detect_format(bytes, content_type, filename); !format)
    return fail(std::move(format.error()));
  const std::string sha = auth::sha256_hex(bytes);
  const std::string type =
      content_type.empty() ? std::string("application/octet-stream") : content_type;
  return deps_.db.write([&](soci::session& sql) -> domain::Result<ImportView> {
    // The same bytes twice are one blob, so a second upload of a file still being imported finds
    // the first one's job (on PostgreSQL the blob's unique key makes the second wait for the
    // first's transaction, so even two at once cannot both start).
    const Id blob = store::blobs::put(sql, ctx.tenant_id, sha, bytes, type, filename, deps_.now());
    for (const auto& job : store::jobs::active(sql, ctx.tenant_id, kind)) {
      const json payload = json::parse(job.payload, nullptr, false);
      if (payload.is_object() && payload.value("blob_id", 0ll) == blob)
        return fail(Error::make(ErrorKind::conflict, "import_in_progress",
                                "This file is already being imported (import " +
                                    std::to_string(job.id) +
                                    "). Wait for it to finish before uploading it again."));
    }
    const Id id = jobs_.enqueue(
        sql, ctx, kind, json{{"blob_id", blob}, {"content_type", type}, {"filename", filename}});
    return view(sql, *store::jobs::find(sql, ctx.tenant_id, id));
  });
}

domain::Result<ImportView> Imports::get(const Context& ctx, Id id) {
  auto job = jobs_.get(ctx, id);
  if (!job) return fail(std::move(job.error()));
  if (!is_import_kind(job->kind)) return fail(Error::not_found("import"));
  return deps_.db.read([&](soci::session& sql) { return view(sql, std::move(*job)); });
}

domain::Result<store::Page<ImportView>> Imports::list(const Context& ctx,
                                                      const std::optional<std::string>& kind,
                                                      std::optional<int> limit,
                                                      const std::optional<std::string>& cursor) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  const std::string wanted = kind && !kind->empty() ? *kind : std::string(kLearnerImport);
  if (!is_import_kind(wanted))
    return fail(Error::validation("kind", "invalid_choice",
                                  "Choose learner_import or qualification_import."));
  const bool everyone = auth::can(*ctx.principal, auth::Permission::jobs_manage,
                                  auth::Resource{ctx.tenant_id, {}, {}, {}});
  return deps_.db.read([&](soci::session& sql) {
    auto jobs = store::jobs::list(sql, ctx.tenant_id, wanted,
                                  everyone ? std::nullopt : std::optional(ctx.principal->user_id),
                                  store::page_limit(limit), cursor);
    store::Page<ImportView> page;
    page.total = jobs.total;
    page.next_cursor = jobs.next_cursor;
    for (auto& job : jobs.items) page.items.push_back(view(sql, std::move(job)));
    return page;
  });
}

domain::Result<DownloadFile> Imports::errors_workbook(const Context& ctx, Id id) {
  auto found = get(ctx, id);
  if (!found) return fail(std::move(found.error()));
  const json result =
      found->job.result ? json::parse(*found->job.result, nullptr, false) : json::object();
  auto writer = formats::XlsxWriter::create();
  if (!writer) return fail(std::move(writer.error()));
  auto& sheet = (*writer)->add_sheet("Errors");
  sheet.columns({{8}, {22}, {30}, {90}});
  sheet.header({"Row", "Column", "Value", "Message"});
  if (result.is_object() && result.contains("errors") && result["errors"].is_array())
    for (const auto& e : result["errors"])
      sheet.row({formats::XlsxCell::of_number(e.value("row", 0.0)),
                 formats::XlsxCell::of_text(e.value("column", "")),
                 formats::XlsxCell::of_text(e.value("value", "")),
                 formats::XlsxCell::of_text(e.value("message", ""))});
  auto bytes = (*writer)->finish();
  if (!bytes) return fail(std::move(bytes.error()));
  return DownloadFile{"import-" + std::to_string(id) + "-errors.xlsx", formats::kXlsxType,
                      std::move(*bytes)};
}

}  // namespace lt::services
