// The table model's builder, errors and helpers (see table.hpp).
#include "formats/table.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "domain/text.hpp"

namespace lt::formats {

using domain::Error;
using domain::ErrorKind;
using domain::fail;

Error file_error(const char* code, std::string message, std::string detail) {
  const std::string_view c = code;
  const ErrorKind kind = c == errors::unsupported_type || c == errors::type_mismatch
                             ? ErrorKind::unsupported_media
                         : c == errors::too_large ? ErrorKind::payload_too_large
                                                  : ErrorKind::validation;
  Error e = Error::make(kind, code, message);
  e.fields.push_back({"file", code, std::move(message)});
  e.detail = std::move(detail);
  return e;
}

Error damaged_workbook(std::string detail) {
  return file_error(errors::corrupt,
                    "The workbook is damaged and cannot be read. Open it in your spreadsheet "
                    "program, save it again and upload the new copy.",
                    std::move(detail));
}

std::string with_thousands(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string column_letters(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    out.push_back(static_cast<char>('A' + (n - 1) % 26));
  return std::string(out.rbegin(), out.rend());
}

namespace {
bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

domain::Error stopped_error() {
  return file_error(errors::stopped, "The file was not read to its end.", "stopped by its reader");
}

}  // namespace

domain::Result<void> TableBuilder::begin_row(std::size_t number) {
  if (open_)
    if (auto ended = end_row(); !ended) return ended;
  row_ = Row{number, {}};
  row_.cells.reserve(width_);
  open_ = true;
  return domain::ok();
}

domain::Result<void> TableBuilder::cell(std::size_t column, std::string text, bool is_formula) {
  if (!open_)
    return fail(file_error(errors::corrupt,
                           "The file is damaged and cannot be read. Save it again and upload "
                           "the new copy.",
                           "cell outside a row"));
  if (column >= limits_.max_columns) {
    if (blank(text)) return domain::ok();  // formatting far to the right is harmless
    return fail(file_error(errors::too_many_columns,
                           "Row " + std::to_string(row_.number) + " has a value in column " +
                               column_letters(column) + "; the file may use at most " +
                               std::to_string(limits_.max_columns) + " columns."));
  }
  if (!valid_utf8(text))  // readers hand over UTF-8; this keeps anything else out of the database
    return fail(file_error(errors::not_utf8, "Row " + std::to_string(row_.number) + ", column " +
                                                 column_letters(column) +
                                                 " holds characters that are not text."));
  if (text.size() > limits_.max_cell_chars && domain::utf8_length(text) > limits_.max_cell_chars)
    return fail(file_error(errors::cell_too_long,
                           "Row " + std::to_string(row_.number) + ", column " +
                               column_letters(column) + ": the cell has more than " +
                               with_thousands(limits_.max_cell_chars) + " characters."));
  if (row_.cells.size() <= column) row_.cells.resize(column + 1);
  row_.cells[column] = Cell{std::move(text), is_formula};
  return domain::ok();
}

domain::Result<void> TableBuilder::end_row() {
  if (!open_) return domain::ok();
  open_ = false;
  while (!row_.cells.empty() && blank(row_.cells.back().text) && !row_.cells.back().is_formula)
    row_.cells.pop_back();
  if (row_.cells.empty()) return domain::ok();  // an empty row: skipped, still counted
  width_ = std::max(width_, row_.cells.size());
  if (!have_header_) {
    have_header_ = true;
    table_.header_row = row_.number;
    for (auto& c : row_.cells) table_.header.push_back(std::move(c.text));
    if (sink_ && sink_->header && !sink_->header(table_)) return fail(stopped_error());
    return domain::ok();
  }
  if (row_count_ >= limits_.max_rows)
    return fail(file_error(errors::too_many_rows,
                           "The file has more than " + with_thousands(limits_.max_rows) +
                               " rows after the heading row (row " + std::to_string(row_.number) +
                               " is one too many). Split it into smaller files."));
  table_.rows.push_back(std::move(row_));
  ++row_count_;
  row_ = Row{};
  if (sink_ && table_.rows.size() >= sink_->batch_rows) return hand_over();
  return domain::ok();
}

domain::Result<void> TableBuilder::hand_over() {
  if (table_.rows.empty()) return domain::ok();
  const bool more = sink_->rows(table_.rows);
  table_.rows.clear();
  if (!more) return fail(stopped_error());
  return domain::ok();
}

domain::Result<Table> TableBuilder::finish(std::string sheet) {
  if (auto ended = end_row(); !ended) return fail(std::move(ended.error()));
  if (sink_)
    if (auto handed = hand_over(); !handed) return fail(std::move(handed.error()));
  table_.sheet = std::move(sheet);
  return std::move(table_);
}

bool valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c == 0) return false;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t extra = 0;
    unsigned min = 0, cp = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (static_cast<std::size_t>(end - p) <= extra) return false;
    for (std::size_t i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

}  // namespace lt::formats
