// What every spreadsheet reader promises about a Table it returns, checked by the fuzz targets:
// rows in increasing order after the header, no empty rows, no trailing empty cells, every cell
// UTF-8 and within the limits; and an error that says something when it refuses.
#pragma once

#include <cstdlib>

#include "domain/text.hpp"
#include "formats/table.hpp"

namespace lt::fuzz {

inline void check_table(const domain::Result<formats::Table>& result,
                        const formats::Limits& limits) {
  if (!result) {
    if (result.error().code.empty() || result.error().message.empty()) std::abort();
    return;
  }
  const formats::Table& t = *result;
  if (t.header.empty() != (t.header_row == 0)) std::abort();
  if (t.rows.size() > limits.max_rows) std::abort();
  std::size_t last = t.header_row;
  for (const auto& row : t.rows) {
    if (row.number <= last || row.cells.empty() || row.cells.size() > limits.max_columns)
      std::abort();
    last = row.number;
    if (row.cells.back().text.find_first_not_of(" \t\r\n") == std::string::npos &&
        !row.cells.back().is_formula)
      std::abort();
    for (const auto& cell : row.cells)
      if (!formats::valid_utf8(cell.text) || domain::utf8_length(cell.text) > limits.max_cell_chars)
        std::abort();
  }
}

inline formats::Limits fuzz_limits() {
  formats::Limits limits;
  limits.max_rows = 2000;
  limits.max_columns = 64;
  limits.max_cell_chars = 4096;
  limits.max_uncompressed_bytes = 16u << 20;
  limits.max_entry_bytes = 8u << 20;
  limits.xls_seconds = 2;
  return limits;
}

}  // namespace lt::fuzz
