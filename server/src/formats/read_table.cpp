// Format detection and dispatch (see read_table.hpp).
#include "formats/read_table.hpp"

#include <algorithm>
#include <optional>

#include "domain/text.hpp"
#include "formats/csv_reader.hpp"
#include "formats/xls_reader.hpp"
#include "formats/xlsx_reader.hpp"

namespace lt::formats {

using domain::fail;

namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

std::string_view name_of(FileFormat f) {
  switch (f) {
    case FileFormat::xlsx:
      return "an Excel workbook (.xlsx)";
    case FileFormat::xls:
      return "an Excel 97–2003 workbook (.xls)";
    case FileFormat::csv:
      return "CSV text";
  }
  return "";
}

bool ends_with_ci(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() &&
         domain::ascii_lower(text.substr(text.size() - tail.size())) == tail;
}

std::optional<FileFormat> from_filename(std::string_view name) {
  if (ends_with_ci(name, ".xlsx")) return FileFormat::xlsx;
  if (ends_with_ci(name, ".xls")) return FileFormat::xls;
  if (ends_with_ci(name, ".csv") || ends_with_ci(name, ".txt")) return FileFormat::csv;
  return std::nullopt;
}

// What the upload says it is; nullopt for "any file" types, and an error for other types.
domain::Result<std::optional<FileFormat>> declared(std::string_view content_type,
                                                   std::string_view filename) {
  std::string type = domain::ascii_lower(
      domain::trim(content_type.substr(0, std::min(content_type.find(';'), content_type.size()))));
  if (type == kXlsxType) return std::optional(FileFormat::xlsx);
  if (type == kXlsType) {
    // Windows reports .csv files as application/vnd.ms-excel when Excel is installed.
    if (from_filename(filename) == FileFormat::csv) return std::optional(FileFormat::csv);
    return std::optional(FileFormat::xls);
  }
  if (type == "text/csv" || type == "application/csv" || type == "text/x-csv" ||
      type == "application/x-csv" || type == "text/comma-separated-values" || type == "text/plain")
    return std::optional(FileFormat::csv);
  if (type.empty() || type == "application/octet-stream" || type == "binary/octet-stream")
    return from_filename(filename);
  return fail(file_error(errors::unsupported_type,
                         "Upload an Excel workbook (.xlsx or .xls) or a CSV file; \"" + type +
                             "\" is not a spreadsheet.",
                         "content type " + type));
}

// Binary data that is neither zip nor OLE2 (PDF, images, archives) is not CSV either.
bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  if (head.find('\0') != std::string_view::npos) {
    // UTF-16 text has NULs too; the CSV reader names it properly.
    return !(head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                                  (head[0] == '\xFE' && head[1] == '\xFF')));
  }
  return head.substr(0, 5) == "%PDF-" || head.substr(0, 3) == "\x1F\x8B\x08" ||
         head.substr(0, 8) == "\x89PNG\r\n\x1A\n" || head.substr(0, 3) == "\xFF\xD8\xFF";
}

}  // namespace

FileFormat sniff_format(std::string_view bytes) {
  if (bytes.substr(0, 4) == kZipMagic || bytes.substr(0, 4) == kEmptyZipMagic)
    return FileFormat::xlsx;
  if (bytes.substr(0, 8) == kOle2Magic) return FileFormat::xls;
  return FileFormat::csv;
}

domain::Result<FileFormat> detect_format(std::string_view bytes, std::string_view content_type,
                                         std::string_view filename_hint) {
  auto claimed = declared(content_type, filename_hint);
  if (!claimed) return fail(std::move(claimed.error()));
  if (domain::trim(bytes.substr(0, 4096)).empty() && bytes.size() <= 4096)
    return fail(file_error(errors::not_a_spreadsheet,
                           "The file is empty. Fill in the template and upload it again."));
  const FileFormat actual = sniff_format(bytes);
  if (actual == FileFormat::csv && looks_binary(bytes))
    return fail(file_error(errors::not_a_spreadsheet,
                           "The file is not a spreadsheet. Upload an Excel workbook (.xlsx or "
                           ".xls) or a CSV file.",
                           "binary data"));
  if (*claimed && **claimed != actual)
    return fail(file_error(
        errors::type_mismatch,
        "The file was sent as " + std::string(name_of(**claimed)) + " but it is " +
            std::string(name_of(actual)) +
            ": it may have been renamed. Save it from your spreadsheet program in the format "
            "you mean to send, or give it the right extension, and upload it again.",
        "declared " + std::string(content_type)));
  return actual;
}

domain::Result<Table> read_table(std::string_view bytes, std::string_view content_type,
                                 std::string_view filename_hint, const Limits& limits,
                                 RowSink* sink) {
  auto format = detect_format(bytes, content_type, filename_hint);
  if (!format) return fail(std::move(format.error()));
  const FileFormat actual = *format;
  switch (actual) {
    case FileFormat::xlsx:
      return read_xlsx(bytes, limits, {}, sink);
    case FileFormat::xls:
      return read_xls(bytes, limits, sink);
    case FileFormat::csv:
      break;
  }
  return read_csv(bytes, limits, sink);
}

}  // namespace lt::formats
