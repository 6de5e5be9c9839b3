// Reads the first sheet (or a named one) of an Excel .xlsx workbook into a Table: libzip for the
// archive, streamed XML (the sheet and shared strings through xml_scanner, the rest through expat),
// so memory grows with the cells kept, not the file. Shared strings, inline strings, gaps between
// cells, date styles in both date systems and formulas (flagged, with their last value) are
// understood; anything else fails with a clear error.
#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"

namespace lt::formats {

// Errors: not_a_spreadsheet (a zip that is no workbook, e.g. .ods or .xlsb), corrupt_file
// (damaged archive or XML, password protection), file_too_large (a decompression limit),
// sheet_not_found, and the TableBuilder's cell, row and column limits. With a `sink` the rows go
// to it as they are read (see RowSink).
domain::Result<Table> read_xlsx(std::string_view bytes, const Limits& limits,
                                const std::string& sheet_name = {}, RowSink* sink = nullptr);

}  // namespace lt::formats
