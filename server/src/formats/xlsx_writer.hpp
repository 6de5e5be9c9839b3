// Writes .xlsx workbooks in memory through libxlsxwriter (which only writes files, so it works in
// a private temporary directory that is gone when the writer is). A small vocabulary on top: sheets
// written row by row, a bold frozen header, column widths and formats (text for identifiers such
// as ULNs and postcodes, dates as real Excel dates), drop-down lists from a range on another sheet,
// hidden sheets. Not thread-safe: one writer per file.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace lt::formats {

struct XlsxCell {
  enum class Kind { blank, text, number, date };
  Kind kind = Kind::blank;
  std::string text;  // text; for a date "YYYY-MM-DD" (written as text if it is not one)
  double number = 0;

  static XlsxCell blank() { return {}; }
  static XlsxCell of_text(std::string t) { return {Kind::text, std::move(t), 0}; }
  static XlsxCell of_number(double n) { return {Kind::number, {}, n}; }
  static XlsxCell of_date(std::string iso) { return {Kind::date, std::move(iso), 0}; }
};

// How a whole column shows what is typed or written into it.
enum class ColumnFormat {
  general,
  text,  // "@": Excel keeps 0123 and 1234567890123 as typed instead of turning them into numbers
  date,  // yyyy-mm-dd
};

struct ColumnSpec {
  double width = 12;  // in characters
  ColumnFormat format = ColumnFormat::general;
};

// A drop-down on rows first_row..last_row (0-based; row 0 is the header) of one column, offering
// the cells of `source` (a range on another sheet, e.g. "=Lists!$A$2:$A$10"); anything else typed
// there is refused with `error_message`.
struct ListValidation {
  std::size_t column = 0;
  std::size_t first_row = 1, last_row = 1;
  std::string source;
  std::string prompt_title, prompt;  // shown when the cell is selected (optional)
  std::string error_title, error_message;
};

class XlsxWriter {
 public:
  class Sheet;
  struct Options {
    // Rows go to disk as they are written (a 100,000-row export stays small in memory), so each
    // sheet must be written top to bottom; strings are then inline rather than shared.
    bool constant_memory = true;
  };

  static domain::Result<std::unique_ptr<XlsxWriter>> create(Options options);
  static domain::Result<std::unique_ptr<XlsxWriter>> create() { return create(Options{}); }
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Adds a sheet (names: up to 31 characters, none of []:*?/\). The reference stays valid until
  // finish().
  Sheet& add_sheet(const std::string& name);
  // Closes the workbook and returns its bytes; the first error met while writing, if any.
  domain::Result<std::string> finish();

 private:
  struct Impl;
  explicit XlsxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class XlsxWriter::Sheet {
 public:
  // Widths and formats of the first columns. Call before writing rows.
  void columns(const std::vector<ColumnSpec>& specs);
  // Writes the next row in bold and freezes the rows up to it (usually row 0).
  void header(const std::vector<std::string>& titles);
  // Writes the next row.
  void row(const std::vector<XlsxCell>& cells);
  // Writes the next row as one line of text in the first column, bold or not (instructions).
  void line(const std::string& text, bool bold = false);
  void list_validation(const ListValidation& validation);
  // Hides the sheet (never the first one: Excel needs one visible).
  void hide();
  std::size_t rows_written() const { return next_row_; }

 private:
  friend class XlsxWriter;
  Sheet(XlsxWriter::Impl& owner, void* worksheet) : owner_(owner), worksheet_(worksheet) {}
  XlsxWriter::Impl& owner_;
  void* worksheet_;  // lxw_worksheet*
  std::size_t next_row_ = 0;
  std::vector<ColumnFormat> formats_;
};

}  // namespace lt::formats
