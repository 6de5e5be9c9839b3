// JSON shapes of the qualification catalogue and of learners' qualifications (docs/api.md), shared
// by the reference, catalogue and learner qualification routes.
#pragma once

#include <nlohmann/json.hpp>

#include "services/qualification_catalogue.hpp"
#include "services/qualifications.hpp"

namespace lt::api {

// {code, label}: the reference-list shape.
nlohmann::json code_label_json(const store::catalogue::ItemRow& item);
// {id, code, label, retired, version} (+ subjects and grades for a type view).
nlohmann::json catalogue_item_json(const store::catalogue::ItemRow& item);
nlohmann::json catalogue_type_json(const services::CatalogueTypeView& view);
nlohmann::json qualification_json(const store::learner_qualifications::Row& row);

}  // namespace lt::api
