// Helpers for building SOCI statements with a variable number of bound values, and for the
// keyset pagination every list uses (cursor = the last id seen, as text).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "store/records.hpp"

namespace lt::store {

// Appends each into/use element to a prepared statement, e.g.
//   auto st = prepared(sql, "SELECT … WHERE a = :a", soci::into(x), soci::use(a));
template <class... Elements>
soci::statement prepared(soci::session& sql, const std::string& query, Elements&&... elements) {
  soci::details::prepare_temp_type temp = (sql.prepare << query);
  ((temp, std::forward<Elements>(elements)), ...);
  return soci::statement(temp);
}

// Executes an UPDATE/DELETE and returns the number of rows it changed.
template <class... Elements>
long long execute_counting(soci::session& sql, const std::string& query, Elements&&... elements) {
  soci::statement st = prepared(sql, query, std::forward<Elements>(elements)...);
  st.execute(true);
  return st.get_affected_rows();
}

// The id after which the next page starts; 0 for the first page or an unreadable cursor.
Id cursor_after(const std::optional<std::string>& cursor);

// Limit bounded to 1..500, default 50 (DESIGN section 5).
int page_limit(std::optional<int> requested);

// "1,2,3" for an IN (…) list of ids ("0" when empty, which matches nothing). Ids are integers, so
// inlining them is safe and lets one statement serve any number of them.
std::string id_list(const std::vector<Id>& ids);

// "%text%" with LIKE wildcards in the search text escaped (use with ESCAPE '\').
std::string like_pattern(const std::string& text);

// The least string above every string that starts with `prefix` in byte (UTF-8 code point) order,
// so `key >= prefix AND key < end` finds the prefix with an index range on both databases, as
// LIKE 'prefix%' cannot; nullopt when no such string exists (then `key >= prefix` alone).
std::optional<std::string> prefix_end(const std::string& prefix);

// The id of the row an INSERT … RETURNING id created.
template <class... Uses>
Id insert_returning_id(soci::session& sql, const std::string& insert, Uses&&... uses) {
  Id id = 0;
  soci::statement st =
      prepared(sql, insert + " RETURNING id", soci::into(id), std::forward<Uses>(uses)...);
  st.execute(true);
  return id;
}

}  // namespace lt::store
