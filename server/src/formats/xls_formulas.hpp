// Finds the formula cells of an .xls workbook's first sheet, which FreeXL silently reads as empty
// (it skips FORMULA records): a small, bounds-checked walk of the OLE2 compound file to its
// Workbook stream and of the BIFF records of the first sheet. Without it a formula in an .xls
// upload would vanish instead of being refused like one in an .xlsx.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lt::formats {

struct XlsFormulaCell {
  std::uint32_t row = 0;     // 0-based, as in the file
  std::uint16_t column = 0;  // 0-based
  std::string text;          // the last computed value when it is a number or TRUE/FALSE
};

// In file order. Empty when there are none, or when the file cannot be walked (FreeXL then
// reports what is wrong with it). At most `max_cells` are returned.
std::vector<XlsFormulaCell> xls_formula_cells(std::string_view bytes,
                                              std::size_t max_cells = 1'000'000);

}  // namespace lt::formats
