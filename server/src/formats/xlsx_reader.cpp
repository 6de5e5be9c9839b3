// The .xlsx reader (see xlsx_reader.hpp). Parts are read in the order their meaning needs:
// package relationships -> workbook (sheets, date system) -> its relationships -> styles (which
// cell styles are dates) -> shared strings -> the chosen sheet, streamed row by row.
#include "formats/xlsx_reader.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/text.hpp"
#include "formats/cell_values.hpp"
#include "formats/xml_stream.hpp"
#include "formats/zip_archive.hpp"

namespace lt::formats {

using domain::fail;
using domain::Result;

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool is_true(const char* value) {
  return value && (std::string_view(value) == "1" || std::string_view(value) == "true");
}

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string decode_escapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned code = 0;
      const auto r = std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16);
      if (r.ec == std::errc() && r.ptr == text.data() + i + 6) {
        // UTF-8 encode the code unit (a BMP character; surrogates become U+FFFD, NUL nothing)
        if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;
        if (code == 0) {
        } else if (code < 0x80) {
          out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (code >> 6)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (code >> 12)));
          out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// Appends cell text, but stops keeping it once it is surely over the cell limit: whatever the
// encoding (UTF-8 takes up to 4 bytes a character, an _xHHHH_ escape 7), what is kept is still
// over the limit, so the TableBuilder reports the cell with its row and column, and a hostile
// multi-megabyte cell costs no more memory than a legal one.
void append_capped(std::string& value, std::string_view text, const Limits& limits) {
  const std::size_t cap = limits.max_cell_chars * 8 + 8;
  if (value.size() >= cap) return;
  value.append(text.substr(0, cap - value.size()));
}

// "xl/" + "worksheets/sheet1.xml", "/xl/x.xml", "../media/a.png" -> an archive entry name.
std::string resolve(const std::string& base_dir, std::string_view target) {
  std::string path = !target.empty() && target.front() == '/' ? std::string(target.substr(1))
                                                              : base_dir + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const std::string part =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string directory_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// `fast_token_limit` > 0 for the big parts (sheet, shared strings): see xml_scanner.hpp.
Result<void> parse_part(ZipArchive& zip, const std::string& name, XmlHandler& handler,
                        std::size_t fast_token_limit = 0) {
  auto entry = zip.open_entry(name);
  if (!entry) return fail(std::move(entry.error()));
  return parse_xml(**entry, handler, fast_token_limit);
}

struct Relationship {
  std::string id, type, target;
};

struct RelationshipsHandler : XmlHandler {
  std::vector<Relationship> items;
  void start(std::string_view name, const char** a) override {
    if (name != "Relationship") return;
    const char* id = attribute(a, "Id");
    const char* type = attribute(a, "Type");
    const char* target = attribute(a, "Target");
    if (id && type && target) items.push_back({id, type, target});
  }
  void end(std::string_view) override {}
};

struct SheetEntry {
  std::string name, rel_id;
  bool hidden = false;
};

struct WorkbookHandler : XmlHandler {
  bool date1904 = false;
  std::vector<SheetEntry> sheets;
  void start(std::string_view name, const char** a) override {
    if (name == "workbookPr") {
      date1904 = is_true(attribute(a, "date1904"));
    } else if (name == "sheet") {
      const char* sheet_name = attribute(a, "name");
      const char* id = attribute(a, "id");
      const char* state = attribute(a, "state");
      if (sheet_name && id)
        sheets.push_back({sheet_name, id, state && std::string_view(state) != "visible"});
    }
  }
  void end(std::string_view) override {}
};

struct StylesHandler : XmlHandler {
  std::map<int, DateStyle> custom;
  std::vector<DateStyle> cell_styles;  // by cellXfs index: what the s attribute of a cell names
  bool in_cell_xfs = false;
  void start(std::string_view name, const char** a) override {
    if (name == "numFmt") {
      const char* id = attribute(a, "numFmtId");
      const char* code = attribute(a, "formatCode");
      if (id && code)
        if (auto n = parse_number<int>(id)) custom[*n] = format_code_style(code);
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = attribute(a, "numFmtId");
      const auto n = id ? parse_number<int>(id) : std::optional<int>(0);
      DateStyle style = DateStyle::none;
      if (n) {
        const auto it = custom.find(*n);
        style = it != custom.end() ? it->second : builtin_format_style(*n);
      }
      cell_styles.push_back(style);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") {
      in_cell_xfs = false;
      stop();  // nothing after cellXfs matters here
    }
  }
};

// Shared strings in one buffer with offsets: a workbook of a million short strings costs a few
// bytes each beyond their text.
struct SharedStringsHandler : XmlHandler {
  const Limits& limits;
  std::string pool;
  std::vector<std::size_t> ends;
  std::string current;
  int in_si = 0, in_t = 0, in_phonetic = 0;
  explicit SharedStringsHandler(const Limits& l) : limits(l) {}

  std::string_view at(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(pool).substr(begin, ends[i] - begin);
  }
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si = 1;
      current.clear();
    } else if (name == "rPh") {
      ++in_phonetic;  // furigana runs repeat the text's reading, not its content
    } else if (name == "t" && in_si && !in_phonetic) {
      in_t = 1;
    }
  }
  void end(std::string_view name) override {
    if (name == "t") {
      in_t = 0;
    } else if (name == "rPh") {
      --in_phonetic;
    } else if (name == "si") {
      in_si = 0;
      pool += decode_escapes(std::move(current));
      ends.push_back(pool.size());
      current.clear();
    }
  }
  void text(std::string_view t) override {
    if (!in_t) return;
    append_capped(current, t, limits);
  }
};

enum class CellType { number, shared, inline_string, formula_string, boolean, error, date };

struct SheetHandler : XmlHandler {
  const Limits& limits;
  const SharedStringsHandler& strings;
  const std::vector<DateStyle>& styles;
  bool date1904;
  TableBuilder builder;

  bool in_data = false, in_cell = false, in_inline = false, collecting = false;
  int in_phonetic = 0;
  std::size_t last_row = 0, column = 0, next_column = 0;
  CellType type = CellType::number;
  DateStyle style = DateStyle::none;
  bool formula = false;
  std::string value;

  SheetHandler(const Limits& l, const SharedStringsHandler& s, const std::vector<DateStyle>& st,
               bool d1904, RowSink* sink)
      : limits(l), strings(s), styles(st), date1904(d1904), builder(l, sink) {}

  template <class R>
  void check(R&& result) {
    if (!result) fail(std::move(result.error()));
  }

  void start(std::string_view name, const char** a) override {
    if (!in_data) {
      if (name == "sheetData") in_data = true;
      return;
    }
    if (name == "row") {
      const char* r = attribute(a, "r");
      std::size_t number = last_row + 1;
      if (r) {
        auto n = parse_number<std::size_t>(r);
        if (!n || *n == 0 || *n <= last_row)
          return fail(damaged_workbook("row number out of order: " + std::string(r)));
        number = *n;
      }
      last_row = number;
      next_column = 0;
      check(builder.begin_row(number));
    } else if (name == "c") {
      start_cell(a);
    } else if (!in_cell) {
      return;
    } else if (name == "v") {
      collecting = true;
    } else if (name == "f") {
      formula = true;
    } else if (name == "is") {
      in_inline = true;
    } else if (name == "rPh") {
      ++in_phonetic;
    } else if (name == "t" && in_inline && !in_phonetic) {
      collecting = true;
    }
  }

  void start_cell(const char** a) {
    in_cell = true;
    formula = false;
    value.clear();
    column = next_column;
    const char* values[3];
    attributes(a, {"r", "t", "s"}, values);
    if (const char* r = values[0]) {
      std::size_t col = 0, letters = 0;
      for (const char* p = r; *p >= 'A' && *p <= 'Z'; ++p, ++letters) {
        col = col * 26 + static_cast<std::size_t>(*p - 'A' + 1);
        if (letters > 3) return fail(damaged_workbook("cell reference too long"));
      }
      if (letters == 0) return fail(damaged_workbook("bad cell reference"));
      column = col - 1;
    }
    type = CellType::number;
    if (const char* t = values[1]) {
      const std::string_view tv = t;
      type = tv == "s"           ? CellType::shared
             : tv == "inlineStr" ? CellType::inline_string
             : tv == "str"       ? CellType::formula_string
             : tv == "b"         ? CellType::boolean
             : tv == "e"         ? CellType::error
             : tv == "d"         ? CellType::date
                                 : CellType::number;
    }
    style = DateStyle::none;
    if (const char* s = values[2])
      if (auto index = parse_number<std::size_t>(s); index && *index < styles.size())
        style = styles[*index];
  }

  void end(std::string_view name) override {
    if (!in_data) return;
    if (name == "sheetData") {
      check(builder.end_row());
      stop();
    } else if (name == "row") {
      check(builder.end_row());
    } else if (name == "c" && in_cell) {
      in_cell = false;
      in_inline = false;
      collecting = false;
      next_column = column + 1;
      auto text = resolve_value();
      if (!text) return fail(std::move(text.error()));
      check(builder.cell(column, std::move(*text), formula));
    } else if (name == "v" || name == "t") {
      collecting = false;
    } else if (name == "rPh") {
      --in_phonetic;
    }
  }

  void text(std::string_view t) override {
    if (!collecting) return;
    append_capped(value, t, limits);
  }

  Result<std::string> resolve_value() {
    switch (type) {
      case CellType::shared: {
        const auto index = parse_number<std::size_t>(trimmed(value));
        if (!index || *index >= strings.ends.size())
          return domain::fail(damaged_workbook("shared string index " + value + " out of range"));
        return std::string(strings.at(*index));
      }
      case CellType::inline_string:
        return decode_escapes(std::move(value));
      case CellType::formula_string:
      case CellType::error:
        return std::move(value);
      case CellType::boolean:
        return std::string(trimmed(value) == "1" ? "TRUE" : "FALSE");
      case CellType::date:
        return iso_date_cell(value);
      case CellType::number:
        break;
    }
    const std::string_view digits = trimmed(value);
    if (digits.empty()) return std::string();
    const auto number = parse_number<double>(digits);
    if (!number) return std::string(digits);  // not a number after all: keep what the file says
    if (style != DateStyle::none)
      if (auto date = excel_date_text(*number, date1904, style)) return std::move(*date);
    return number_text(*number);
  }

  // Strict OOXML date cells carry ISO text: keep the date, and the time only when it is not
  // midnight.
  static std::string iso_date_cell(const std::string& text) {
    if (text.size() < 10 || text[4] != '-') return text;
    const std::string_view rest = std::string_view(text).substr(10);
    if (rest.empty() || rest.substr(0, 9) == "T00:00:00") return text.substr(0, 10);
    std::string out = text.substr(0, std::min<std::size_t>(text.size(), 19));
    if (out.size() > 10) out[10] = ' ';
    return out;
  }
};

domain::Error not_a_workbook(ZipArchive& zip) {
  std::string message =
      "The file is a zip archive but not an Excel workbook. Save it as an Excel workbook (.xlsx) "
      "or CSV UTF-8 and upload it again.";
  if (zip.contains("xl/workbook.bin"))
    message =
        "The file is an Excel binary workbook (.xlsb), which we cannot read. Save it as an Excel "
        "workbook (.xlsx) and upload it again.";
  else if (zip.contains("mimetype"))
    if (auto type = zip.read_all("mimetype");
        type && type->find("opendocument.spreadsheet") != std::string::npos)
      message =
          "The file is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook (.xlsx) "
          "and upload it again.";
  return file_error(errors::not_a_spreadsheet, message, "zip without an OOXML workbook");
}

}  // namespace

Result<Table> read_xlsx(std::string_view bytes, const Limits& limits, const std::string& sheet_name,
                        RowSink* sink) {
  if (bytes.size() > limits.max_file_bytes)
    return fail(file_error(errors::too_large, "The file is larger than " +
                                                  std::to_string(limits.max_file_bytes >> 20) +
                                                  " MB. Split it into smaller files."));
  auto opened = ZipArchive::open(bytes, limits);
  if (!opened) return fail(std::move(opened.error()));
  ZipArchive& zip = **opened;

  // The package relationships name the workbook part; xl/workbook.xml when they are missing.
  std::string workbook_part = "xl/workbook.xml";
  if (zip.contains("_rels/.rels")) {
    RelationshipsHandler rels;
    if (auto parsed = parse_part(zip, "_rels/.rels", rels); !parsed)
      return fail(std::move(parsed.error()));
    for (const auto& r : rels.items)
      if (ends_with(r.type, "/officeDocument")) workbook_part = resolve("", r.target);
  }
  if (!zip.contains(workbook_part)) return fail(not_a_workbook(zip));

  WorkbookHandler workbook;
  if (auto parsed = parse_part(zip, workbook_part, workbook); !parsed)
    return fail(std::move(parsed.error()));
  if (workbook.sheets.empty())
    return fail(file_error(errors::not_a_spreadsheet, "The workbook has no sheets."));

  const std::string base = directory_of(workbook_part);
  const std::string rels_part = base + "_rels/" + workbook_part.substr(base.size()) + ".rels";
  RelationshipsHandler rels;
  if (auto parsed = parse_part(zip, rels_part, rels); !parsed)
    return fail(std::move(parsed.error()));

  const SheetEntry* sheet = nullptr;
  if (!sheet_name.empty()) {
    for (const auto& s : workbook.sheets)
      if (domain::ascii_lower(s.name) == domain::ascii_lower(sheet_name)) sheet = &s;
    if (!sheet) {
      std::string names;
      for (const auto& s : workbook.sheets) names += (names.empty() ? "" : ", ") + s.name;
      return fail(file_error(
          errors::sheet_not_found,
          "The workbook has no sheet called \"" + sheet_name + "\" (it has " + names + ")."));
    }
  } else {
    for (const auto& s : workbook.sheets)
      if (!sheet && !s.hidden) sheet = &s;
    if (!sheet) sheet = &workbook.sheets.front();
  }

  std::string sheet_part, strings_part, styles_part;
  for (const auto& r : rels.items) {
    if (r.id == sheet->rel_id) sheet_part = resolve(base, r.target);
    if (ends_with(r.type, "/sharedStrings")) strings_part = resolve(base, r.target);
    if (ends_with(r.type, "/styles")) styles_part = resolve(base, r.target);
  }
  if (sheet_part.empty() || !zip.contains(sheet_part))
    return fail(damaged_workbook("sheet part missing for " + sheet->name));

  StylesHandler styles;
  if (!styles_part.empty() && zip.contains(styles_part))
    if (auto parsed = parse_part(zip, styles_part, styles); !parsed)
      return fail(std::move(parsed.error()));
  // Tokens of the big parts: a tag, or a CDATA section holding one cell's text.
  const std::size_t token_limit = (1u << 20) + limits.max_cell_chars * 8;
  SharedStringsHandler strings(limits);
  if (!strings_part.empty() && zip.contains(strings_part))
    if (auto parsed = parse_part(zip, strings_part, strings, token_limit); !parsed)
      return fail(std::move(parsed.error()));

  SheetHandler handler(limits, strings, styles.cell_styles, workbook.date1904, sink);
  if (auto parsed = parse_part(zip, sheet_part, handler, token_limit); !parsed)
    return fail(std::move(parsed.error()));
  return handler.builder.finish(sheet->name);
}

}  // namespace lt::formats
