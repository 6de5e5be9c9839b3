// SQL for blobs (migration 0008): files kept in the database — a job's result, an uploaded
// spreadsheet — stored once per tenant by their SHA-256, so the same bytes twice cost one row.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store::blobs {

struct BlobRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string sha256;  // lower-case hex
  std::string content_type;
  std::string filename;
  long long size = 0;
  std::string bytes;  // empty when loaded without content
  std::string created_at;
};

// Stores the bytes unless the tenant already has a blob with this SHA-256 (the caller computes
// it); returns the id of the new or the existing blob. An existing blob keeps its own content
// type and filename.
Id put(soci::session& sql, Id tenant, const std::string& sha256, std::string_view bytes,
       const std::string& content_type, const std::string& filename, const std::string& now);
// With the bytes when `with_bytes`; nullopt when the tenant has no such blob.
std::optional<BlobRow> find(soci::session& sql, Id tenant, Id id, bool with_bytes = true);

}  // namespace lt::store::blobs
