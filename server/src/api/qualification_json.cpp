// JSON of the qualification catalogue and learners' qualifications.
#include "api/qualification_json.hpp"

namespace lt::api {

namespace {
nlohmann::json grade(const std::string& code, const std::string& label) {
  if (code.empty()) return nullptr;
  return {{"code", code}, {"label", label}};
}
}  // namespace

nlohmann::json code_label_json(const store::catalogue::ItemRow& item) {
  return {{"code", item.code}, {"label", item.label}};
}

nlohmann::json catalogue_item_json(const store::catalogue::ItemRow& item) {
  return {{"id", item.id},
          {"code", item.code},
          {"label", item.label},
          {"retired", item.retired},
          {"version", item.version}};
}

nlohmann::json catalogue_type_json(const services::CatalogueTypeView& view) {
  nlohmann::json out = catalogue_item_json(view.type);
  out["subjects"] = nlohmann::json::array();
  out["grades"] = nlohmann::json::array();
  for (const auto& s : view.subjects) out["subjects"].push_back(catalogue_item_json(s));
  for (const auto& g : view.grades) out["grades"].push_back(catalogue_item_json(g));
  return out;
}

nlohmann::json qualification_json(const store::learner_qualifications::Row& q) {
  return {{"id", q.id},
          {"learner_id", q.learner_id},
          {"type", {{"code", q.type_code}, {"label", q.type_label}}},
          {"subject", {{"code", q.subject_code}, {"label", q.subject_label}}},
          {"completed_on", q.completed_on},
          {"predicted_grade", grade(q.predicted_code, q.predicted_label)},
          {"actual_grade", grade(q.actual_code, q.actual_label)},
          {"created_at", q.created_at},
          {"updated_at", q.updated_at},
          {"version", q.version}};
}

}  // namespace lt::api
