// The one shape every spreadsheet reader returns: a header and data rows of text cells, each row
// with the number a person sees in Excel (1-based, the header usually row 1). Readers skip empty
// rows but keep counting them, so an error can say "row 12" and mean the row the user sees.
// Also the limits every reader enforces and the error codes they fail with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace lt::formats {

struct Cell {
  std::string text;         // what the cell shows: text, a number's shortest exact digits, an
                            // ISO date (YYYY-MM-DD) for a date cell, TRUE/FALSE
  bool is_formula = false;  // the text is a formula's last computed value
  bool operator==(const Cell&) const = default;
};

struct Row {
  std::size_t number = 0;   // spreadsheet row number (record number for CSV), 1-based
  std::vector<Cell> cells;  // column A first; empty cells in gaps; no trailing empty cells
  bool operator==(const Row&) const = default;
};

struct Table {
  std::string sheet;                // the sheet read (empty for CSV)
  std::size_t header_row = 0;       // the row number of the header (0: the file had no rows)
  std::vector<std::string> header;  // the first non-empty row, trailing empty cells dropped
  std::vector<Row> rows;            // the non-empty rows after it
};

// What a reader accepts before it gives up with an error. The defaults suit the learner import
// (DESIGN section 10: 100,000 rows); tests lower them.
struct Limits {
  std::size_t max_rows = 100'000;                     // data rows after the header
  std::size_t max_columns = 256;                      // highest column (A = 1) with a value
  std::size_t max_cell_chars = 32'767;                // Excel's own limit on a cell, in characters
  std::uint64_t max_file_bytes = 64ull << 20;         // the upload itself
  std::uint64_t max_uncompressed_bytes = 1ull << 30;  // all .xlsx parts read, decompressed
  std::uint64_t max_entry_bytes = 512ull << 20;       // one .xlsx part, decompressed
  unsigned xls_seconds = 30;  // the isolated .xls reader is stopped after this long
};

// Stable error codes of the readers (domain::Error::code). The kind decides the HTTP status: 415
// for the first two, 413 for file_too_large, 422 for the rest.
namespace errors {
inline constexpr const char* unsupported_type = "unsupported_file_type";
inline constexpr const char* type_mismatch = "file_type_mismatch";
inline constexpr const char* not_a_spreadsheet = "not_a_spreadsheet";
inline constexpr const char* corrupt = "corrupt_file";
inline constexpr const char* too_large = "file_too_large";
inline constexpr const char* cell_too_long = "cell_too_long";
inline constexpr const char* too_many_rows = "too_many_rows";
inline constexpr const char* too_many_columns = "too_many_columns";
inline constexpr const char* not_utf8 = "not_utf8";
inline constexpr const char* sheet_not_found = "sheet_not_found";
inline constexpr const char* stopped = "reading_stopped";  // a RowSink asked to stop
}  // namespace errors

// A reader's failure: code and message for the user (also as a "file" field error, so a form can
// show it beside the upload), and an internal detail for the log.
domain::Error file_error(const char* code, std::string message, std::string detail = {});

// The workbook's structure is broken (errors::corrupt), with what was wrong as the detail.
domain::Error damaged_workbook(std::string detail);

// "100,000": a count for messages.
std::string with_thousands(std::size_t n);

// "A", "B", … "Z", "AA": the column letters of a 0-based index.
std::string column_letters(std::size_t index);

// Takes a table's rows as a reader makes them, a batch at a time, instead of one whole Table: so
// an import can check and write the first rows while the rest of the file is still being read.
// `header` (optional) is called once, with the table so far (header row and header, no rows),
// before the first batch; `rows` (required) with each batch (it may move the rows out), returning
// false to stop the reading (the reader then fails with errors::stopped). The reader's limits
// still apply to the whole file, and its Table comes back with the header but no rows.
struct RowSink {
  std::function<bool(const Table& head)> header;
  std::function<bool(std::vector<Row>& rows)> rows;
  std::size_t batch_rows = 4096;  // at least 1
};

// Builds a Table one cell at a time for the readers, applying the limits and the rules above
// (header = first non-empty row, empty rows skipped, trailing empty cells dropped). Cells of a row
// may arrive in any column order; a later cell in the same column replaces an earlier one.
class TableBuilder {
 public:
  // With a `sink`, rows go to it in batches (see RowSink) rather than into the finished Table.
  explicit TableBuilder(const Limits& limits, RowSink* sink = nullptr)
      : limits_(limits), sink_(sink) {}

  // Starts a row; its number must be greater than the previous row's.
  domain::Result<void> begin_row(std::size_t number);
  // Adds a cell to the current row at a 0-based column.
  domain::Result<void> cell(std::size_t column, std::string text, bool is_formula = false);
  // Ends the current row (no-op when none is open).
  domain::Result<void> end_row();
  // The table so far; ends an open row first.
  domain::Result<Table> finish(std::string sheet = {});

  std::size_t current_row() const { return row_.number; }

 private:
  domain::Result<void> hand_over();  // gives the rows kept so far to the sink

  const Limits& limits_;
  RowSink* sink_;
  std::size_t row_count_ = 0;  // data rows so far, handed over or not
  Table table_;
  Row row_;
  bool open_ = false;
  bool have_header_ = false;
  std::size_t width_ = 0;  // the widest row so far: the room a new row reserves
};

// True when `text` is well-formed UTF-8 without NUL bytes (and no overlong forms or surrogates).
bool valid_utf8(std::string_view text);

}  // namespace lt::formats
