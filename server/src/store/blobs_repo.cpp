// SQL for blobs. SOCI 4.0.3 binds strings as text and has no BYTEA type, so the bytes themselves
// go through the raw handles under the session: a BLOB bound and read as such on SQLite, a binary
// parameter and a binary result on PostgreSQL. Hex text would double the memory an upload takes
// and cost a pass over it each way.
#include "store/blobs_repo.hpp"

#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "store/dialect.hpp"
#include "store/query.hpp"
#include "store/raw_handles.hpp"

namespace lt::store::blobs {

namespace {

constexpr const char* kInsert =
    "INSERT INTO blobs (tenant_id, sha256, content_type, filename, size, bytes, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, sha256) DO NOTHING";
constexpr const char* kSelectBytes = "SELECT bytes FROM blobs WHERE tenant_id = $1 AND id = $2";

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Runs `text` with text parameters, but the one at `binary_at` (if any) sent as raw bytes, and
// asks for a binary result; throws on failure.
PgResult pg_exec(soci::session& sql, const char* text, const std::vector<std::string_view>& params,
                 int binary_at, ExecStatusType expected) {
  PGconn* conn = pg_connection(sql);
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (std::size_t i = 0; i < params.size(); ++i) {
    values.push_back(params[i].data());
    lengths.push_back(static_cast<int>(params[i].size()));
    formats.push_back(static_cast<int>(i) == binary_at ? 1 : 0);
  }
  // Text parameters must be NUL-terminated: the callers pass std::string contents.
  PgResult result(PQexecParams(conn, text, static_cast<int>(params.size()), nullptr, values.data(),
                               lengths.data(), formats.data(), 1),
                  &PQclear);
  if (PQresultStatus(result.get()) != expected)
    throw std::runtime_error(std::string("blobs: ") + PQerrorMessage(conn));
  return result;
}

void insert_bytes(soci::session& sql, Id tenant, const std::string& sha256, std::string_view bytes,
                  const std::string& content_type, const std::string& filename,
                  const std::string& now) {
  const std::string tenant_text = std::to_string(tenant);
  const std::string size = std::to_string(bytes.size());
  if (is_postgres(sql)) {
    pg_exec(sql, kInsert, {tenant_text, sha256, content_type, filename, size, bytes, now}, 5,
            PGRES_COMMAND_OK);
    return;
  }
  SqliteStatement st(sql, kInsert, "blobs");
  sqlite_api::sqlite3_bind_int64(st.get(), 1, tenant);
  st.text(2, sha256);
  st.text(3, content_type);
  st.text(4, filename);
  sqlite_api::sqlite3_bind_int64(st.get(), 5, static_cast<long long>(bytes.size()));
  sqlite_api::sqlite3_bind_blob64(st.get(), 6, bytes.data(), bytes.size(), kSqliteStatic);
  st.text(7, now);
  st.step();
}

std::string select_bytes(soci::session& sql, Id tenant, Id id) {
  const std::string tenant_text = std::to_string(tenant), id_text = std::to_string(id);
  if (is_postgres(sql)) {
    auto result = pg_exec(sql, kSelectBytes, {tenant_text, id_text}, -1, PGRES_TUPLES_OK);
    if (PQntuples(result.get()) != 1) throw std::runtime_error("blobs: the blob went missing");
    return std::string(PQgetvalue(result.get(), 0, 0),
                       static_cast<std::size_t>(PQgetlength(result.get(), 0, 0)));
  }
  SqliteStatement st(sql, kSelectBytes, "blobs");
  sqlite_api::sqlite3_bind_int64(st.get(), 1, tenant);
  sqlite_api::sqlite3_bind_int64(st.get(), 2, id);
  if (!st.step()) throw std::runtime_error("blobs: the blob went missing");
  const auto* data = static_cast<const char*>(sqlite_api::sqlite3_column_blob(st.get(), 0));
  const auto size = static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(st.get(), 0));
  return data ? std::string(data, size) : std::string();
}

}  // namespace

Id put(soci::session& sql, Id tenant, const std::string& sha256, std::string_view bytes,
       const std::string& content_type, const std::string& filename, const std::string& now) {
  insert_bytes(sql, tenant, sha256, bytes, content_type, filename, now);
  Id id = 0;
  sql << "SELECT id FROM blobs WHERE tenant_id = :t AND sha256 = :h", soci::use(tenant),
      soci::use(sha256), soci::into(id);
  return id;
}

std::optional<BlobRow> find(soci::session& sql, Id tenant, Id id, bool with_bytes) {
  BlobRow r;
  soci::statement st =
      prepared(sql,
               "SELECT id, tenant_id, sha256, content_type, filename, size, created_at FROM blobs "
               "WHERE tenant_id = :t AND id = :id",
               soci::into(r.id), soci::into(r.tenant_id), soci::into(r.sha256),
               soci::into(r.content_type), soci::into(r.filename), soci::into(r.size),
               soci::into(r.created_at), soci::use(tenant), soci::use(id));
  if (!st.execute(true)) return std::nullopt;
  if (with_bytes) r.bytes = select_bytes(sql, tenant, id);
  return r;
}

}  // namespace lt::store::blobs
