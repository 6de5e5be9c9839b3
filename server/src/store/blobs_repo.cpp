// SQL for blobs. SOCI 4.0.3 binds strings as text and has no BYTEA type, so PostgreSQL gets the
// bytes as hex through decode()/encode(); SQLite takes the text bind (its length is explicit, so
// any byte survives) cast to a BLOB, and gives it back as hex() too, for one reading path.
#include "store/blobs_repo.hpp"

#include <stdexcept>

#include "store/query.hpp"

namespace lt::store::blobs {

namespace {

bool is_postgres(soci::session& sql) {
  return sql.get_backend_name() == "postgresql";
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.resize(bytes.size() * 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = digits[b >> 4];
    out[2 * i + 1] = digits[b & 15];
  }
  return out;
}

int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::runtime_error("blob: not hex");
}

std::string from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) throw std::runtime_error("blob: odd hex length");
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return out;
}

}  // namespace

Id put(soci::session& sql, Id tenant, const std::string& sha256, std::string_view bytes,
       const std::string& content_type, const std::string& filename, const std::string& now) {
  const long long size = static_cast<long long>(bytes.size());
  const bool pg = is_postgres(sql);
  const std::string value = pg ? to_hex(bytes) : std::string(bytes);
  sql << std::string(
             "INSERT INTO blobs (tenant_id, sha256, content_type, filename, size, bytes, "
             "created_at) VALUES (:t, :h, :c, :f, :s, ") +
             (pg ? "decode(:b, 'hex')" : "CAST(:b AS BLOB)") +
             ", :n) ON CONFLICT (tenant_id, sha256) DO NOTHING",
      soci::use(tenant), soci::use(sha256), soci::use(content_type), soci::use(filename),
      soci::use(size), soci::use(value), soci::use(now);
  Id id = 0;
  sql << "SELECT id FROM blobs WHERE tenant_id = :t AND sha256 = :h", soci::use(tenant),
      soci::use(sha256), soci::into(id);
  return id;
}

std::optional<BlobRow> find(soci::session& sql, Id tenant, Id id, bool with_bytes) {
  BlobRow r;
  std::string hex;
  const std::string content =
      with_bytes ? (is_postgres(sql) ? "encode(bytes, 'hex')" : "hex(bytes)") : "''";
  soci::statement st =
      prepared(sql,
               "SELECT id, tenant_id, sha256, content_type, filename, size, " + content +
                   ", created_at FROM blobs WHERE tenant_id = :t AND "
                   "id = :id",
               soci::into(r.id), soci::into(r.tenant_id), soci::into(r.sha256),
               soci::into(r.content_type), soci::into(r.filename), soci::into(r.size),
               soci::into(hex), soci::into(r.created_at), soci::use(tenant), soci::use(id));
  if (!st.execute(true)) return std::nullopt;
  r.bytes = from_hex(hex);
  return r;
}

}  // namespace lt::store::blobs
