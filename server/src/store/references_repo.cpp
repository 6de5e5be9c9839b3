// SQL for learner references (see references_repo.hpp).
#include "store/references_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::references {

namespace {

template <class... Uses>
std::vector<VersionRow> select_versions(soci::session& sql, const std::string& tail,
                                        Uses&&... uses) {
  VersionRow r;
  std::optional<std::string> first, last;
  soci::statement st = prepared(
      sql,
      "SELECT v.id, v.tenant_id, v.learner_id, v.number, v.content, v.completed_by, "
      "u.first_name, u.last_name, v.completed_at FROM learner_reference_versions v "
      "LEFT JOIN users u ON u.id = v.completed_by " +
          tail,
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.learner_id), soci::into(r.number),
      soci::into(r.content), soci::into(r.completed_by), soci::into(first), soci::into(last),
      soci::into(r.completed_at), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<VersionRow> out;
  while (st.fetch()) {
    r.completed_by_name = first ? *first + " " + last.value_or("") : std::string();
    out.push_back(r);
  }
  return out;
}

}  // namespace

std::optional<DraftRow> find_draft(soci::session& sql, Id tenant, Id learner_id) {
  DraftRow r;
  soci::statement st = prepared(
      sql,
      "SELECT id, tenant_id, learner_id, content, updated_by, created_at, updated_at, version "
      "FROM learner_references WHERE tenant_id = :t AND learner_id = :l",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.learner_id), soci::into(r.content),
      soci::into(r.updated_by), soci::into(r.created_at), soci::into(r.updated_at),
      soci::into(r.version), soci::use(tenant), soci::use(learner_id));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}

void insert_draft(soci::session& sql, const DraftRow& d) {
  sql << "INSERT INTO learner_references (tenant_id, learner_id, content, updated_by, "
         "created_at, updated_at, version) VALUES (:t, :l, :c, :u, :n, :n2, 1)",
      soci::use(d.tenant_id), soci::use(d.learner_id), soci::use(d.content),
      soci::use(d.updated_by), soci::use(d.updated_at), soci::use(d.updated_at);
}

bool update_draft(soci::session& sql, const DraftRow& d) {
  return execute_counting(sql,
                          "UPDATE learner_references SET content = :c, updated_by = :u, "
                          "updated_at = :n, version = version + 1 WHERE tenant_id = :t AND "
                          "learner_id = :l AND version = :v",
                          soci::use(d.content), soci::use(d.updated_by), soci::use(d.updated_at),
                          soci::use(d.tenant_id), soci::use(d.learner_id),
                          soci::use(d.version)) == 1;
}

int insert_version(soci::session& sql, const VersionRow& v) {
  // The caller's transaction holds the learner row it just updated (and SQLite has one writer),
  // so no other completion of this learner runs between the read and the insert; the unique
  // (learner_id, number) index refuses one if it ever did.
  int last = 0;
  soci::indicator none = soci::i_ok;
  sql << "SELECT MAX(number) FROM learner_reference_versions WHERE tenant_id = :t AND "
         "learner_id = :l",
      soci::use(v.tenant_id), soci::use(v.learner_id), soci::into(last, none);
  const int number = none == soci::i_null ? 1 : last + 1;
  sql << "INSERT INTO learner_reference_versions (tenant_id, learner_id, number, content, "
         "completed_by, completed_at) VALUES (:t, :l, :n, :c, :u, :a)",
      soci::use(v.tenant_id), soci::use(v.learner_id), soci::use(number), soci::use(v.content),
      soci::use(v.completed_by), soci::use(v.completed_at);
  return number;
}

std::vector<VersionRow> versions(soci::session& sql, Id tenant, Id learner_id) {
  return select_versions(sql, "WHERE v.tenant_id = :t AND v.learner_id = :l ORDER BY v.number DESC",
                         soci::use(tenant), soci::use(learner_id));
}

std::optional<VersionRow> find_version(soci::session& sql, Id tenant, Id learner_id, int number) {
  auto rows = select_versions(sql, "WHERE v.tenant_id = :t AND v.learner_id = :l AND v.number = :n",
                              soci::use(tenant), soci::use(learner_id), soci::use(number));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<VersionRow> current_version(soci::session& sql, Id tenant, Id learner_id) {
  auto rows = select_versions(
      sql, "WHERE v.tenant_id = :t AND v.learner_id = :l ORDER BY v.number DESC LIMIT 1",
      soci::use(tenant), soci::use(learner_id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace lt::store::references
