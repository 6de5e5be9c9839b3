// Import problems (see import_errors.hpp).
#include "services/import_errors.hpp"

#include "formats/table.hpp"

namespace lt::services {

std::string ImportProblems::summary() const {
  if (errors.empty() || (errors.front().row == 0 && rows_with_errors <= 1))
    return errors.empty() ? std::string("The file could not be imported.") : errors.front().message;
  return formats::with_thousands(rows_with_errors) +
         (rows_with_errors == 1 ? " row has" : " rows have") + " errors; nothing was imported.";
}

nlohmann::json ImportProblems::rejection() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors)
    list.push_back(
        {{"row", e.row}, {"column", e.column}, {"value", e.value}, {"message", e.message}});
  return {{"created_count", 0},
          {"error_count", error_count},
          {"rows_with_errors", rows_with_errors},
          {"errors", std::move(list)},
          {"errors_truncated", errors.size() < error_count}};
}

}  // namespace lt::services
