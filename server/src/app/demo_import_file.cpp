// The demonstration import file (see demo_import_file.hpp).
#include "app/demo_import_file.hpp"

#include <fstream>
#include <stdexcept>

#include "app/demo_people.hpp"
#include "domain/learner_import_columns.hpp"
#include "formats/csv_writer.hpp"
#include "formats/xlsx_writer.hpp"

namespace lt::app {

namespace {
// The labels of the year groups the demo codes stand for (the import accepts labels or codes).
constexpr const char* kYearGroupLabels[] = {"Year 7",  "Year 8",  "Year 9",  "Year 10", "Year 11",
                                            "Year 12", "Year 13", "Post-16", "Adult"};
}  // namespace

void write_demo_import_file(const std::string& path, std::size_t rows, const std::string& ukprn,
                            bool bad_last_row, std::size_t start) {
  using namespace demo;
  std::mt19937_64 rng(20261206);
  std::vector<std::string> header;
  for (const auto& column : domain::learner_import_columns())
    header.push_back(domain::import_heading(column));
  const auto learner = [&](std::size_t row) {
    const std::size_t n = start + row;
    char dob[16], phone[20];
    std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1990 + static_cast<int>(n % 22),
                  1 + static_cast<int>(n / 22 % 12), 1 + static_cast<int>(n / 264 % 28));
    std::snprintf(phone, sizeof phone, "07700 900%03d", static_cast<int>(rng() % 1000));
    const std::string first = pick(kFirstNames, rng), last = pick(kLastNames, rng);
    // Names repeat, so the number keeps name + date of birth distinct (the duplicate rule).
    return std::vector<std::string>{
        ukprn,
        pick(kYearGroupLabels, rng),
        first,
        last + (n >= 4000 ? "-" + std::to_string(n / 4000) : ""),
        bad_last_row && row + 1 == rows ? "NOT A POSTCODE" : make_postcode(rng),
        dob,
        "learner" + std::to_string(n) + "@example.org",
        std::to_string(1 + rng() % 200),
        "High Street",
        "",
        pick(kTowns, rng),
        phone,
        make_uln(n + 7'000'000),
        make_upn(n, n % 97),
        "",
        n % 2 ? "Female" : "Male",
        "Other ethnic group: any other ethnic group"};
  };
  std::string bytes;
  if (path.ends_with(".xlsx")) {
    auto writer = formats::XlsxWriter::create();
    if (!writer) throw std::runtime_error(writer.error().message);
    auto& sheet = (*writer)->add_sheet("Learners");
    sheet.header(header);
    for (std::size_t n = 0; n < rows; ++n) {
      std::vector<formats::XlsxCell> cells;
      for (auto& text : learner(n)) cells.push_back(formats::XlsxCell::of_text(std::move(text)));
      sheet.row(cells);
    }
    auto done = (*writer)->finish();
    if (!done) throw std::runtime_error(done.error().message);
    bytes = std::move(*done);
  } else {
    formats::CsvWriter csv;
    csv.row(header);
    for (std::size_t n = 0; n < rows; ++n) csv.row(learner(n));
    bytes = csv.take();
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace lt::app
