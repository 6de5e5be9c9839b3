// SQL for reference lists.
#include "store/reference_repo.hpp"

#include "store/query.hpp"

namespace lt::store::reference {

std::vector<ReferenceItem> items(soci::session& sql, const std::string& list) {
  ReferenceItem item;
  soci::statement st =
      prepared(sql, "SELECT code, label FROM reference_items WHERE list = :l ORDER BY position",
               soci::into(item.code), soci::into(item.label), soci::use(list));
  st.execute();
  std::vector<ReferenceItem> out;
  while (st.fetch()) out.push_back(item);
  return out;
}

bool contains(soci::session& sql, const std::string& list, const std::string& code) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM reference_items WHERE list = :l AND code = :c", soci::use(list),
      soci::use(code), soci::into(count);
  return count > 0;
}

}  // namespace lt::store::reference
