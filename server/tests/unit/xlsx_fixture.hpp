// Hand-made .xlsx files for the reader tests: a zip (built with libzip) of the parts a workbook
// needs, with the sheet, shared strings, styles and workbook properties given as XML, so each test
// shows exactly what it feeds the reader.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lt::test {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// A zip of the entries, deflated (or stored, for `store`).
inline std::string make_zip(const ZipEntries& entries, bool store = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!zip) throw std::runtime_error("zip_open_from_source");
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(zip, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip_file_add");
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                             store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(zip) != 0) throw std::runtime_error("zip_close");
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const auto size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

inline const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// <worksheet><sheetData>rows</sheetData></worksheet>
inline std::string sheet_xml(const std::string& rows) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
             "xmlns=\"") +
         kMain + "\" xmlns:r=\"" + kRel + "\"><dimension ref=\"A1\"/><sheetData>" + rows +
         "</sheetData><pageMargins left=\"0.7\"/></worksheet>";
}

inline std::string shared_strings_xml(const std::vector<std::string>& items) {
  std::string out = std::string("<sst xmlns=\"") + kMain + "\">";
  for (const auto& item : items) out += "<si>" + item + "</si>";
  return out + "</sst>";
}

struct XlsxParts {
  std::vector<std::pair<std::string, std::string>> sheets = {{"Sheet1", sheet_xml("")}};
  std::string shared_strings;             // whole sharedStrings.xml, or empty for none
  std::string styles;                     // whole styles.xml, or empty for none
  std::string workbook_pr;                // e.g. "<workbookPr date1904=\"1\"/>"
  std::vector<std::string> sheet_states;  // per sheet: "" or "hidden"
};

inline ZipEntries xlsx_entries(const XlsxParts& p) {
  std::string sheets, rels;
  for (std::size_t i = 0; i < p.sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    const std::string state = i < p.sheet_states.size() && !p.sheet_states[i].empty()
                                  ? " state=\"" + p.sheet_states[i] + "\""
                                  : "";
    sheets += "<sheet name=\"" + p.sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n +
              "\"" + state + "/>";
    rels += "<Relationship Id=\"rId" + n +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/sheet" +
            n + ".xml\"/>";
  }
  rels +=
      "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/styles\" Target=\"/xl/styles.xml\"/>";
  ZipEntries e = {
      {"[Content_Types].xml",
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
                              "\">" + p.workbook_pr + "<sheets>" + sheets + "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           rels + "</Relationships>"},
  };
  for (std::size_t i = 0; i < p.sheets.size(); ++i)
    e.push_back({"xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", p.sheets[i].second});
  if (!p.shared_strings.empty()) e.push_back({"xl/sharedStrings.xml", p.shared_strings});
  if (!p.styles.empty()) e.push_back({"xl/styles.xml", p.styles});
  return e;
}

inline std::string make_xlsx(const XlsxParts& parts) {
  return make_zip(xlsx_entries(parts));
}

// One sheet of these rows, nothing else.
inline std::string xlsx_of_rows(const std::string& rows) {
  XlsxParts p;
  p.sheets = {{"Sheet1", sheet_xml(rows)}};
  return make_xlsx(p);
}

}  // namespace lt::test
