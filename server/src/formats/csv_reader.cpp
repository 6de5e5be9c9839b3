// libcsv underneath read_csv (see csv_reader.hpp).
#include "formats/csv_reader.hpp"

#include <csv.h>

#include <optional>
#include <string>

namespace lt::formats {

using domain::fail;

namespace {

struct Reader {
  const Limits& limits;
  TableBuilder builder;
  std::size_t record = 1;  // the record being read, 1-based
  std::size_t column = 0;
  bool row_open = false;
  int last_terminator = 0;
  std::optional<domain::Error> error;

  Reader(const Limits& l, RowSink* sink) : limits(l), builder(l, sink) {}

  void field(const char* data, std::size_t size) {
    if (error) return;
    if (!row_open) {
      if (auto begun = builder.begin_row(record); !begun) return keep(std::move(begun.error()));
      row_open = true;
    }
    const std::string_view text(data ? data : "", data ? size : 0);
    if (!valid_utf8(text)) return keep(not_utf8(record));
    if (auto added = builder.cell(column++, std::string(text)); !added)
      return keep(std::move(added.error()));
  }

  void end_record(int terminator) {
    if (error) return;
    // With CSV_REPALL_NL libcsv reports every line ending, so the LF of a CR LF pair arrives as an
    // empty record of its own: it is the same line ending, not a blank line.
    const bool lf_of_crlf = terminator == '\n' && last_terminator == '\r' && !row_open;
    last_terminator = terminator;
    if (lf_of_crlf) return;
    if (auto ended = builder.end_row(); !ended) return keep(std::move(ended.error()));
    row_open = false;
    column = 0;
    ++record;
  }

  void keep(domain::Error e) {
    if (!error) error = std::move(e);
  }

  static domain::Error not_utf8(std::size_t row) {
    return file_error(errors::not_utf8,
                      "The file is not UTF-8 text: row " + std::to_string(row) +
                          " has characters in another encoding. In Excel choose Save As, "
                          "\"CSV UTF-8 (Comma delimited)\", and upload that file.");
  }
};

void on_field(void* data, std::size_t size, void* reader) {
  static_cast<Reader*>(reader)->field(static_cast<const char*>(data), size);
}

void on_record(int terminator, void* reader) {
  static_cast<Reader*>(reader)->end_record(terminator);
}

domain::Error bad_quotes(std::size_t row) {
  return file_error(errors::corrupt,
                    "Row " + std::to_string(row) +
                        " has a quotation mark out of place (or one that is never closed). Put "
                        "a field that contains quotation marks in quotes and double each one "
                        "inside it, or save the file from your spreadsheet program again.");
}

}  // namespace

domain::Result<Table> read_csv(std::string_view bytes, const Limits& limits, RowSink* sink) {
  if (bytes.size() > limits.max_file_bytes)
    return fail(file_error(errors::too_large, "The file is larger than " +
                                                  std::to_string(limits.max_file_bytes >> 20) +
                                                  " MB. Split it into smaller files."));
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return fail(file_error(errors::not_utf8,
                           "The file is UTF-16 (\"Unicode text\"), not UTF-8. In Excel choose "
                           "Save As, \"CSV UTF-8 (Comma delimited)\", and upload that file."));
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
    return fail(domain::Error::internal("csv_init failed"));
  Reader reader(limits, sink);
  // In slices, so a file that fails early (too many rows, bad text) stops being read early.
  constexpr std::size_t kSlice = 1 << 16;
  bool failed = false;
  for (std::size_t at = 0; at < bytes.size() && !failed && !reader.error; at += kSlice) {
    const std::string_view slice = bytes.substr(at, kSlice);
    failed = csv_parse(&parser, slice.data(), slice.size(), on_field, on_record, &reader) !=
             slice.size();
  }
  if (!failed && !reader.error) failed = csv_fini(&parser, on_field, on_record, &reader) != 0;
  const int status = csv_error(&parser);
  csv_free(&parser);
  if (reader.error) return fail(std::move(*reader.error));
  if (failed) {
    if (status == CSV_ENOMEM || status == CSV_ETOOBIG)
      return fail(domain::Error::internal("csv: out of memory"));
    return fail(bad_quotes(reader.record));
  }
  return reader.builder.finish();
}

}  // namespace lt::formats
