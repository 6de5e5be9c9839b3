// One entry point for uploaded spreadsheets: finds the real format from the bytes (zip -> .xlsx,
// OLE2 -> .xls, anything else -> CSV text), refuses a file whose declared type says otherwise,
// and hands the bytes to the matching reader.
#pragma once

#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "formats/table.hpp"

namespace lt::formats {

enum class FileFormat { xlsx, xls, csv };

// The content types we accept for each format (first: the canonical one, used for downloads).
inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kXlsType = "application/vnd.ms-excel";
inline constexpr const char* kCsvType = "text/csv";

// What the first bytes show: zip magic (PK\3\4), OLE2 magic (D0 CF 11 E0 A1 B1 1A E1), else text.
FileFormat sniff_format(std::string_view bytes);

// The real format of an upload, after the checks read_table makes before reading: the declared
// type is a spreadsheet's, the file is not empty or binary, and the bytes are what it says.
domain::Result<FileFormat> detect_format(std::string_view bytes, std::string_view content_type,
                                         std::string_view filename_hint);

// Reads an uploaded table. `content_type` is the request's Content-Type (parameters such as
// charset are ignored); `filename_hint` (may be empty) only settles the types browsers send for
// any file (application/octet-stream) or for CSV on Windows (application/vnd.ms-excel).
// Errors: unsupported_file_type (a type that is no spreadsheet), file_type_mismatch (declared one
// format, the bytes are another, e.g. .xls bytes sent as .xlsx), not_a_spreadsheet (binary data
// sent as CSV, an empty file), and each reader's own. With a `sink` the rows go to it as they are
// read, and the Table returned has none (see RowSink).
domain::Result<Table> read_table(std::string_view bytes, std::string_view content_type,
                                 std::string_view filename_hint, const Limits& limits,
                                 RowSink* sink = nullptr);

}  // namespace lt::formats
