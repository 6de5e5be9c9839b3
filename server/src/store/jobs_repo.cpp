// SQL for the job queue. Every write to a running job names its claim (id, owner, attempt) in the
// WHERE clause, so a worker that lost its lease changes nothing.
#include "store/jobs_repo.hpp"

#include <stdexcept>

#include "store/dialect.hpp"
#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::jobs {

namespace {

const std::string kColumns =
    "id, tenant_id, kind, payload, status, progress_done, progress_total, result, "
    "result_blob_id, error, attempts, max_attempts, lease_owner, lease_expires_at, requested_by, "
    "created_at, started_at, finished_at, updated_at, version, cancel_requested";

// Kinds are code identifiers; checked here so that inlining them in IN (…) is safe.
std::string kind_list(const std::vector<std::string>& kinds) {
  if (kinds.empty()) return "''";  // matches nothing
  std::string out;
  for (const auto& kind : kinds) {
    for (char c : kind)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
        throw std::invalid_argument("job kind must be [a-z0-9_.]: " + kind);
    if (!out.empty()) out += ", ";
    out += "'" + kind + "'";
  }
  return out;
}

// Runs a statement whose result rows are jobs (a SELECT, or a write … RETURNING the columns).
template <class... Uses>
std::vector<JobRow> fetch_jobs(soci::session& sql, const std::string& query, Uses&&... uses) {
  JobRow r;
  int cancel = 0;
  soci::statement st =
      prepared(sql, query, soci::into(r.id), soci::into(r.tenant_id), soci::into(r.kind),
               soci::into(r.payload), soci::into(r.status), soci::into(r.progress_done),
               soci::into(r.progress_total), soci::into(r.result), soci::into(r.result_blob_id),
               soci::into(r.error), soci::into(r.attempts), soci::into(r.max_attempts),
               soci::into(r.lease_owner), soci::into(r.lease_expires_at),
               soci::into(r.requested_by), soci::into(r.created_at), soci::into(r.started_at),
               soci::into(r.finished_at), soci::into(r.updated_at), soci::into(r.version),
               soci::into(cancel), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<JobRow> out;
  while (st.fetch()) {
    r.cancel_requested = cancel != 0;
    out.push_back(r);
  }
  return out;
}

// The WHERE clause that names a claim; binds :id, :owner, :attempt in that order.
const std::string kClaimed =
    " WHERE id = :id AND lease_owner = :owner AND attempts = :attempt AND status = 'running'";

}  // namespace

Id insert(soci::session& sql, const NewJob& job, const std::string& now) {
  return insert_returning_id(
      sql,
      "INSERT INTO jobs (tenant_id, kind, payload, status, progress_total, max_attempts, "
      "requested_by, created_at, updated_at) VALUES (:t, :k, :p, 'queued', :total, :max, :by, "
      ":c, :u)",
      soci::use(job.tenant_id), soci::use(job.kind), soci::use(job.payload),
      soci::use(job.progress_total), soci::use(job.max_attempts), soci::use(job.requested_by),
      soci::use(now), soci::use(now));
}

std::optional<JobRow> find(soci::session& sql, Id tenant, Id id) {
  auto rows = fetch_jobs(sql, "SELECT " + kColumns + " FROM jobs WHERE tenant_id = :t AND id = :id",
                         soci::use(tenant), soci::use(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

Page<JobRow> list(soci::session& sql, Id tenant, const std::optional<std::string>& kind,
                  std::optional<Id> requested_by, int limit,
                  const std::optional<std::string>& cursor) {
  // Optional filters as "(:x IS NULL OR col = :x)" would defeat the indexes; build the clause.
  std::string where = "WHERE tenant_id = " + std::to_string(tenant);
  if (requested_by) where += " AND requested_by = " + std::to_string(*requested_by);
  const std::string wanted = kind.value_or("");
  where += kind ? " AND kind = :k" : " AND :k = ''";
  Page<JobRow> page;
  sql << "SELECT COUNT(*) FROM jobs " + where, soci::use(wanted), soci::into(page.total);
  const Id after = cursor_after(cursor);
  page.items = fetch_jobs(sql,
                          "SELECT " + kColumns + " FROM jobs " + where +
                              (after > 0 ? " AND id < " + std::to_string(after) : "") +
                              " ORDER BY id DESC LIMIT " + std::to_string(limit),
                          soci::use(wanted));
  if (static_cast<int>(page.items.size()) == limit)
    page.next_cursor = std::to_string(page.items.back().id);
  return page;
}

std::vector<JobRow> active(soci::session& sql, Id tenant, const std::string& kind) {
  return fetch_jobs(sql,
                    "SELECT " + kColumns +
                        " FROM jobs WHERE tenant_id = " + std::to_string(tenant) +
                        " AND kind = :k AND status IN ('queued', 'running') ORDER BY id",
                    soci::use(kind));
}

bool any_claimable(soci::session& sql, const std::vector<std::string>& kinds,
                   const std::string& now) {
  long long found = 0;
  sql << "SELECT COUNT(*) FROM (SELECT id FROM jobs WHERE kind IN (" + kind_list(kinds) +
             ") AND (status = 'queued' OR (status = 'running' AND lease_expires_at < :n)) LIMIT "
             "1) claimable",
      soci::use(now), soci::into(found);
  return found > 0;
}

std::vector<JobRow> end_abandoned(soci::session& sql, const std::string& now) {
  const std::string lock = is_postgres(sql) ? " FOR UPDATE SKIP LOCKED" : "";
  const std::string message =
      "The job stopped responding too many times and was abandoned. Please try again.";
  return fetch_jobs(
      sql,
      "UPDATE jobs SET status = CASE WHEN cancel_requested = 1 THEN 'cancelled' ELSE 'failed' "
      "END, error = CASE WHEN cancel_requested = 1 THEN NULL ELSE :msg END, lease_owner = NULL, "
      "lease_expires_at = NULL, finished_at = :f, updated_at = :u, version = version + 1 "
      "WHERE id IN (SELECT id FROM jobs WHERE status = 'running' AND lease_expires_at < :n AND "
      "(cancel_requested = 1 OR attempts >= max_attempts) ORDER BY id LIMIT 100" +
          lock + ") RETURNING " + kColumns,
      soci::use(message), soci::use(now), soci::use(now), soci::use(now));
}

std::optional<JobRow> claim_next(soci::session& sql, const std::vector<std::string>& kinds,
                                 const std::string& owner, const std::string& now,
                                 const std::string& lease_until) {
  const std::string lock = is_postgres(sql) ? " FOR UPDATE SKIP LOCKED" : "";
  auto rows = fetch_jobs(
      sql,
      "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = :o, "
      "lease_expires_at = :e, started_at = COALESCE(started_at, :s), updated_at = :u, "
      "version = version + 1 WHERE id = (SELECT id FROM jobs WHERE kind IN (" +
          kind_list(kinds) +
          ") AND (status = 'queued' OR (status = 'running' AND lease_expires_at < :n AND "
          "cancel_requested = 0 AND attempts < max_attempts)) ORDER BY id LIMIT 1" +
          lock + ") RETURNING " + kColumns,
      soci::use(owner), soci::use(lease_until), soci::use(now), soci::use(now), soci::use(now));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool renew(soci::session& sql, const Claim& claim, const std::string& lease_until,
           const std::string&, bool& cancel_requested) {
  // Not a change anyone watches: neither updated_at nor version moves.
  int flag = 0;
  soci::statement st = prepared(
      sql, "UPDATE jobs SET lease_expires_at = :e" + kClaimed + " RETURNING cancel_requested",
      soci::into(flag), soci::use(lease_until), soci::use(claim.job_id), soci::use(claim.owner),
      soci::use(claim.attempt));
  if (!st.execute(true)) return false;
  cancel_requested = flag != 0;
  return true;
}

bool set_progress(soci::session& sql, const Claim& claim, long long done, long long total,
                  const std::string& now, bool& cancel_requested, int& version) {
  int flag = 0;
  soci::statement st = prepared(sql,
                                "UPDATE jobs SET progress_done = :d, progress_total = :t, "
                                "updated_at = :u, version = version + 1" +
                                    kClaimed + " RETURNING cancel_requested, version",
                                soci::into(flag), soci::into(version), soci::use(done),
                                soci::use(total), soci::use(now), soci::use(claim.job_id),
                                soci::use(claim.owner), soci::use(claim.attempt));
  if (!st.execute(true)) return false;
  cancel_requested = flag != 0;
  return true;
}

bool hold(soci::session& sql, const Claim& claim, const std::string& now) {
  return execute_counting(
             sql, "UPDATE jobs SET updated_at = :u" + kClaimed + " AND cancel_requested = 0",
             soci::use(now), soci::use(claim.job_id), soci::use(claim.owner),
             soci::use(claim.attempt)) == 1;
}

bool set_result_blob(soci::session& sql, const Claim& claim, Id blob_id, const std::string& now) {
  return execute_counting(sql,
                          "UPDATE jobs SET result_blob_id = :b, updated_at = :u, version = "
                          "version + 1" +
                              kClaimed,
                          soci::use(blob_id), soci::use(now), soci::use(claim.job_id),
                          soci::use(claim.owner), soci::use(claim.attempt)) == 1;
}

bool finish(soci::session& sql, const Claim& claim, const std::string& status,
            const std::optional<std::string>& result, const std::optional<std::string>& error,
            long long progress_done, long long progress_total, const std::string& now) {
  return execute_counting(
             sql,
             "UPDATE jobs SET status = :s, result = :r, error = :e, progress_done = :d, "
             "progress_total = :t, lease_owner = NULL, lease_expires_at = NULL, finished_at = "
             ":f, updated_at = :u, version = version + 1" +
                 kClaimed,
             soci::use(status), soci::use(result), soci::use(error), soci::use(progress_done),
             soci::use(progress_total), soci::use(now), soci::use(now), soci::use(claim.job_id),
             soci::use(claim.owner), soci::use(claim.attempt)) == 1;
}

bool release(soci::session& sql, const Claim& claim, const std::string& now) {
  return execute_counting(sql,
                          "UPDATE jobs SET status = 'queued', attempts = attempts - 1, "
                          "lease_owner = NULL, lease_expires_at = NULL, updated_at = :u, "
                          "version = version + 1" +
                              kClaimed,
                          soci::use(now), soci::use(claim.job_id), soci::use(claim.owner),
                          soci::use(claim.attempt)) == 1;
}

bool still_held(soci::session& sql, const Claim& claim, bool& cancel_requested) {
  int flag = 0;
  soci::statement st =
      prepared(sql, "SELECT cancel_requested FROM jobs" + kClaimed, soci::into(flag),
               soci::use(claim.job_id), soci::use(claim.owner), soci::use(claim.attempt));
  if (!st.execute(true)) return false;
  cancel_requested = flag != 0;
  return true;
}

CancelOutcome request_cancel(soci::session& sql, Id tenant, Id id, const std::string& now) {
  if (execute_counting(sql,
                       "UPDATE jobs SET status = 'cancelled', finished_at = :f, updated_at = :u, "
                       "version = version + 1 WHERE tenant_id = :t AND id = :id AND status = "
                       "'queued'",
                       soci::use(now), soci::use(now), soci::use(tenant), soci::use(id)) == 1)
    return CancelOutcome::cancelled;
  if (execute_counting(sql,
                       "UPDATE jobs SET cancel_requested = 1, updated_at = :u, version = version "
                       "+ 1 WHERE tenant_id = :t AND id = :id AND status = 'running'",
                       soci::use(now), soci::use(tenant), soci::use(id)) == 1)
    return CancelOutcome::requested;
  return find(sql, tenant, id) ? CancelOutcome::already_finished : CancelOutcome::not_found;
}

std::vector<JobRow> changed_since(soci::session& sql, const std::string& since, int limit) {
  return fetch_jobs(sql,
                    "SELECT " + kColumns +
                        " FROM jobs WHERE updated_at >= :s ORDER BY updated_at, id LIMIT " +
                        std::to_string(limit),
                    soci::use(since));
}

}  // namespace lt::store::jobs
