// CsvWriter (see csv_writer.hpp). Written by hand rather than with libcsv's csv_write, which
// quotes every field; quoting only where needed keeps exports readable and diffable.
#include "formats/csv_writer.hpp"

namespace lt::formats {

namespace {
// +44 7700 900123, -12.5, +1: numbers and telephone numbers are data, not formulas.
bool number_like(std::string_view rest) {
  return rest.find_first_not_of("0123456789 .,()") == std::string_view::npos;
}

bool formula_like(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  if (c == '=' || c == '@' || c == '\t' || c == '\r') return true;
  return (c == '+' || c == '-') && !number_like(text.substr(1));
}
}  // namespace

std::string csv_field(std::string_view text, bool neutralise_formulas) {
  std::string value;
  if (neutralise_formulas && formula_like(text)) value.push_back('\'');
  value.append(text);
  const bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

CsvWriter::CsvWriter(Options options) : options_(options) {
  if (options_.byte_order_mark) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out_.push_back(',');
    out_ += csv_field(fields[i], options_.neutralise_formulas);
  }
  out_ += "\r\n";
}

std::string CsvWriter::take() {
  std::string out = std::move(out_);
  out_.clear();
  return out;
}

}  // namespace lt::formats
