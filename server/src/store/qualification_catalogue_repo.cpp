// SQL for the qualification catalogue. Table names come from `Kind`, never from input.
#include "store/qualification_catalogue_repo.hpp"

#include "store/query.hpp"

namespace lt::store::catalogue {

namespace {

std::string table(Kind kind) {
  switch (kind) {
    case Kind::type:
      return "qualification_types";
    case Kind::subject:
      return "qualification_subjects";
    case Kind::grade:
      return "qualification_grades";
  }
  return "qualification_types";
}

std::string type_column(Kind kind) {
  return kind == Kind::type ? "0" : "type_id";
}

template <class... Uses>
std::vector<ItemRow> select_items(soci::session& sql, Kind kind, const std::string& where,
                                  Uses&&... uses) {
  ItemRow r;
  int retired = 0;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, " + type_column(kind) +
          ", code, label, position, retired, created_at, updated_at, version FROM " + table(kind) +
          " " + where + " ORDER BY " + (kind == Kind::type ? "" : "type_id, ") + "position, id",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.type_id), soci::into(r.code),
      soci::into(r.label), soci::into(r.position), soci::into(retired), soci::into(r.created_at),
      soci::into(r.updated_at), soci::into(r.version), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<ItemRow> out;
  while (st.fetch()) {
    r.retired = retired != 0;
    out.push_back(r);
  }
  return out;
}

}  // namespace

void copy_seed(soci::session& sql, Id tenant, const std::string& now) {
  sql << "INSERT INTO qualification_types (tenant_id, code, label, position, created_at, "
         "updated_at) SELECT :t, code, label, position, :c, :u FROM qualification_seed_types",
      soci::use(tenant), soci::use(now), soci::use(now);
  for (const char* kind : {"subjects", "grades"})
    sql << std::string("INSERT INTO qualification_") + kind +
               " (tenant_id, type_id, code, label, position, created_at, updated_at) SELECT "
               "qt.tenant_id, qt.id, s.code, s.label, s.position, :c, :u FROM qualification_seed_" +
               kind +
               " s JOIN qualification_types qt ON qt.code = s.type_code AND qt.tenant_id = :t",
        soci::use(now), soci::use(now), soci::use(tenant);
}

std::vector<ItemRow> types(soci::session& sql, Id tenant, bool include_retired) {
  return select_items(
      sql, Kind::type,
      std::string("WHERE tenant_id = :t") + (include_retired ? "" : " AND retired = 0"),
      soci::use(tenant));
}

std::optional<ItemRow> type_by_code(soci::session& sql, Id tenant, const std::string& code) {
  auto rows = select_items(sql, Kind::type, "WHERE tenant_id = :t AND code = :c", soci::use(tenant),
                           soci::use(code));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ItemRow> entries(soci::session& sql, Id tenant, Kind kind, std::optional<Id> type_id,
                             bool include_retired) {
  std::string where = "WHERE tenant_id = " + std::to_string(tenant);
  if (type_id) where += " AND type_id = " + std::to_string(*type_id);
  if (!include_retired) where += " AND retired = 0";
  return select_items(sql, kind, where);
}

std::optional<ItemRow> find(soci::session& sql, Id tenant, Kind kind, Id id) {
  auto rows = select_items(sql, kind, "WHERE tenant_id = :t AND id = :id", soci::use(tenant),
                           soci::use(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool code_taken(soci::session& sql, Id tenant, Kind kind, Id type_id, const std::string& code) {
  long long count = 0;
  if (kind == Kind::type)
    sql << "SELECT COUNT(*) FROM qualification_types WHERE tenant_id = :t AND code = :c",
        soci::use(tenant), soci::use(code), soci::into(count);
  else
    sql << "SELECT COUNT(*) FROM " + table(kind) +
               " WHERE tenant_id = :t AND type_id = :ty AND code = :c",
        soci::use(tenant), soci::use(type_id), soci::use(code), soci::into(count);
  return count > 0;
}

Id insert(soci::session& sql, Kind kind, const ItemRow& row) {
  long long last = 0;
  if (kind == Kind::type)
    sql << "SELECT COALESCE(MAX(position), 0) FROM qualification_types WHERE tenant_id = :t",
        soci::use(row.tenant_id), soci::into(last);
  else
    sql << "SELECT COALESCE(MAX(position), 0) FROM " + table(kind) + " WHERE type_id = :ty",
        soci::use(row.type_id), soci::into(last);
  const int position = static_cast<int>(last) + 1;
  if (kind == Kind::type)
    return insert_returning_id(
        sql,
        "INSERT INTO qualification_types (tenant_id, code, label, position, created_at, "
        "updated_at) VALUES (:t, :c, :l, :p, :n, :n2)",
        soci::use(row.tenant_id), soci::use(row.code), soci::use(row.label), soci::use(position),
        soci::use(row.created_at), soci::use(row.created_at));
  return insert_returning_id(
      sql,
      "INSERT INTO " + table(kind) +
          " (tenant_id, type_id, code, label, position, created_at, updated_at) VALUES (:t, :ty, "
          ":c, :l, :p, :n, :n2)",
      soci::use(row.tenant_id), soci::use(row.type_id), soci::use(row.code), soci::use(row.label),
      soci::use(position), soci::use(row.created_at), soci::use(row.created_at));
}

bool update(soci::session& sql, Kind kind, const ItemRow& row, const std::string& now) {
  const int retired = row.retired ? 1 : 0;
  return execute_counting(sql,
                          "UPDATE " + table(kind) +
                              " SET label = :l, retired = :r, updated_at = :n, version = version "
                              "+ 1 WHERE tenant_id = :t AND id = :id AND version = :v",
                          soci::use(row.label), soci::use(retired), soci::use(now),
                          soci::use(row.tenant_id), soci::use(row.id), soci::use(row.version)) == 1;
}

}  // namespace lt::store::catalogue
