// Writes CSV that Excel opens correctly: RFC 4180 quoting (only fields that need it), CRLF line
// ends, and a UTF-8 byte-order mark so Excel does not read names like Siân as Windows-1252. Cells
// that Excel would run as formulas (=, +, -, @ followed by more than a number) get a leading
// apostrophe, so an export cannot carry a formula into someone's spreadsheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lt::formats {

class CsvWriter {
 public:
  struct Options {
    bool byte_order_mark = true;
    bool neutralise_formulas = true;
  };
  CsvWriter() : CsvWriter(Options{}) {}
  explicit CsvWriter(Options options);

  void row(const std::vector<std::string>& fields);
  // The text so far; the writer is empty afterwards (no BOM again).
  std::string take();

 private:
  Options options_;
  std::string out_;
};

// One field as it appears in a CSV line (quoted when it holds a comma, quote, CR or LF, or
// starts or ends with a space).
std::string csv_field(std::string_view text, bool neutralise_formulas = true);

}  // namespace lt::formats
