// What every import reports when it refuses a file: each problem as the user sees it (spreadsheet
// row, column heading, the value in it, a message), the first `max` kept and all counted, with the
// number of rows that have at least one. Shared by the learner and the qualification imports.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lt::services {

struct ImportError {
  std::size_t row = 0;  // 0: about the file as a whole
  std::string column;
  std::string value;
  std::string message;
};

struct ImportProblems {
  std::vector<ImportError> errors;  // the first `max` of them
  std::size_t error_count = 0;      // all of them
  std::size_t rows_with_errors = 0;

  explicit ImportProblems(std::size_t max = 10'000) : max_(max) {}
  void add(std::size_t row, std::string_view column, std::string value, std::string message) {
    ++error_count;
    if (rows_.insert(row).second) ++rows_with_errors;
    if (errors.size() < max_)
      errors.push_back({row, std::string(column), std::move(value), std::move(message)});
  }
  bool any() const { return error_count > 0; }
  // The summary a rejected import shows: "3 rows have errors; nothing was imported.", or the
  // problem with the file itself.
  std::string summary() const;
  // {created_count: 0, error_count, rows_with_errors, errors: [{row, column, value, message}],
  // errors_truncated}: what a rejected import keeps as its result.
  nlohmann::json rejection() const;

 private:
  std::size_t max_;
  std::set<std::size_t> rows_;
};

}  // namespace lt::services
