// SQL for learners' qualifications.
#include "store/learner_qualifications_repo.hpp"

#include "store/query.hpp"
#include "store/soci_optional.hpp"

namespace lt::store::learner_qualifications {

namespace {

template <class... Uses>
std::vector<Row> select(soci::session& sql, const std::string& where, Uses&&... uses) {
  Row r;
  std::optional<std::string> pc, pl, ac, al;
  soci::statement st = prepared(
      sql,
      "SELECT q.id, q.tenant_id, q.learner_id, q.type_id, q.subject_id, q.predicted_grade_id, "
      "q.actual_grade_id, q.completed_on, t.code, t.label, s.code, s.label, pg.code, pg.label, "
      "ag.code, ag.label, q.created_at, q.updated_at, q.version FROM learner_qualifications q "
      "JOIN qualification_types t ON t.id = q.type_id "
      "JOIN qualification_subjects s ON s.id = q.subject_id "
      "LEFT JOIN qualification_grades pg ON pg.id = q.predicted_grade_id "
      "LEFT JOIN qualification_grades ag ON ag.id = q.actual_grade_id " +
          where + " ORDER BY q.completed_on DESC, q.id DESC",
      soci::into(r.id), soci::into(r.tenant_id), soci::into(r.learner_id), soci::into(r.type_id),
      soci::into(r.subject_id), soci::into(r.predicted_grade_id), soci::into(r.actual_grade_id),
      soci::into(r.completed_on), soci::into(r.type_code), soci::into(r.type_label),
      soci::into(r.subject_code), soci::into(r.subject_label), soci::into(pc), soci::into(pl),
      soci::into(ac), soci::into(al), soci::into(r.created_at), soci::into(r.updated_at),
      soci::into(r.version), std::forward<Uses>(uses)...);
  st.execute();
  std::vector<Row> out;
  while (st.fetch()) {
    r.predicted_code = pc.value_or("");
    r.predicted_label = pl.value_or("");
    r.actual_code = ac.value_or("");
    r.actual_label = al.value_or("");
    out.push_back(r);
  }
  return out;
}

}  // namespace

std::vector<Row> list(soci::session& sql, Id tenant, Id learner_id) {
  return select(sql, "WHERE q.tenant_id = :t AND q.learner_id = :l", soci::use(tenant),
                soci::use(learner_id));
}

std::optional<Row> find(soci::session& sql, Id tenant, Id learner_id, Id id) {
  auto rows = select(sql, "WHERE q.tenant_id = :t AND q.learner_id = :l AND q.id = :id",
                     soci::use(tenant), soci::use(learner_id), soci::use(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

Id insert(soci::session& sql, const Row& r) {
  return insert_returning_id(
      sql,
      "INSERT INTO learner_qualifications (tenant_id, learner_id, type_id, subject_id, "
      "completed_on, predicted_grade_id, actual_grade_id, created_at, updated_at, version) VALUES "
      "(:t, :l, :ty, :s, :m, :p, :a, :c, :u, 1)",
      soci::use(r.tenant_id), soci::use(r.learner_id), soci::use(r.type_id),
      soci::use(r.subject_id), soci::use(r.completed_on), soci::use(r.predicted_grade_id),
      soci::use(r.actual_grade_id), soci::use(r.created_at), soci::use(r.created_at));
}

bool update(soci::session& sql, const Row& r, const std::string& now) {
  return execute_counting(
             sql,
             "UPDATE learner_qualifications SET type_id = :ty, subject_id = :s, completed_on = :m, "
             "predicted_grade_id = :p, actual_grade_id = :a, updated_at = :u, version = version + "
             "1 WHERE tenant_id = :t AND learner_id = :l AND id = :id AND version = :v",
             soci::use(r.type_id), soci::use(r.subject_id), soci::use(r.completed_on),
             soci::use(r.predicted_grade_id), soci::use(r.actual_grade_id), soci::use(now),
             soci::use(r.tenant_id), soci::use(r.learner_id), soci::use(r.id),
             soci::use(r.version)) == 1;
}

void remove(soci::session& sql, Id tenant, Id learner_id, Id id) {
  sql << "DELETE FROM learner_qualifications WHERE tenant_id = :t AND learner_id = :l AND id = :id",
      soci::use(tenant), soci::use(learner_id), soci::use(id);
}

std::size_t remove_all(soci::session& sql, Id tenant, Id learner_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM learner_qualifications WHERE tenant_id = :t AND learner_id = :l",
      soci::use(tenant), soci::use(learner_id), soci::into(count);
  sql << "DELETE FROM learner_qualifications WHERE tenant_id = :t AND learner_id = :l",
      soci::use(tenant), soci::use(learner_id);
  return static_cast<std::size_t>(count);
}

}  // namespace lt::store::learner_qualifications
