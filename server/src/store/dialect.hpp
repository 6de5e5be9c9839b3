// Which database a SOCI session talks to, for the few statements whose SQL or raw API differs
// between SQLite and PostgreSQL.
#pragma once

#include <soci/soci.h>

namespace lt::store {

inline bool is_postgres(soci::session& sql) {
  return sql.get_backend_name() == "postgresql";
}

}  // namespace lt::store
