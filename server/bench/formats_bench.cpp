// Google Benchmark: reading 100,000 learner rows x 17 columns from .xlsx (with shared strings, as
// Excel saves, and inline, as a streaming writer makes them) and from CSV (the parse step of the
// learner import, whose whole budget is 3 s; DESIGN section 10), and writing them to .xlsx (the
// export). The files are made once with our own writers. Each run reports rows per
// second, the file size and the peak memory the step added (peak RSS over the RSS before it,
// reset through /proc/self/clear_refs; the table read stays in memory until the run ends).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <fstream>
#include <string>
#include <vector>

#include "domain/learner_import_columns.hpp"
#include "formats/csv_reader.hpp"
#include "formats/csv_writer.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/xlsx_writer.hpp"

namespace {

constexpr std::size_t kRows = 100'000;

long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  return 0;
}

// Hands freed memory back to the system (so an earlier run's pages do not hide this run's
// growth), resets the peak RSS to the current RSS, and returns the current RSS in KB.
long reset_peak() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  return status_kb("VmRSS:");
}

std::vector<std::string> learner_row(std::size_t i) {
  const std::string n = std::to_string(i);
  const std::string uln = std::to_string(1000000000 + i * 7);
  return {"10012345",
          "Year 12",
          "First" + n,
          "Learner" + n,
          "SW1A 1AA",
          "2008-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-15",
          "first" + n + ".learner@example.org",
          std::to_string(i % 200 + 1),
          "High Street",
          "Westminster",
          "London",
          "01632 960123",
          uln,
          "A12345678901" + std::to_string(i % 10),
          "C" + n,
          i % 2 ? "Female" : "Male",
          "White: English, Welsh, Scottish, Northern Irish or British"};
}

std::vector<std::string> headings() {
  std::vector<std::string> out;
  for (const auto& c : lt::domain::learner_import_columns())
    out.push_back(lt::domain::import_heading(c));
  return out;
}

// `shared_strings`: as Excel saves workbooks; otherwise as our streaming writer (exports) does,
// with inline strings, a third larger.
std::string write_xlsx(bool shared_strings = false) {
  auto writer = lt::formats::XlsxWriter::create({!shared_strings});
  auto& sheet = (*writer)->add_sheet("Learners");
  sheet.header(headings());
  std::vector<lt::formats::XlsxCell> cells;
  for (std::size_t i = 0; i < kRows; ++i) {
    cells.clear();
    const auto row = learner_row(i);
    for (std::size_t c = 0; c < row.size(); ++c)
      cells.push_back(c == 5 ? lt::formats::XlsxCell::of_date(row[c])
                             : lt::formats::XlsxCell::of_text(row[c]));
    sheet.row(cells);
  }
  return *(*writer)->finish();
}

const std::string& xlsx_file() {
  static const std::string file = write_xlsx();
  return file;
}

const std::string& xlsx_shared_strings_file() {
  static const std::string file = write_xlsx(true);
  return file;
}

const std::string& csv_file() {
  static const std::string file = [] {
    lt::formats::CsvWriter w;
    w.row(headings());
    for (std::size_t i = 0; i < kRows; ++i) w.row(learner_row(i));
    return w.take();
  }();
  return file;
}

template <class Read>
void run_reader(benchmark::State& state, const std::string& file, Read read) {
  long peak_kb = 0;
  for (auto _ : state) {
    const long before = reset_peak();
    auto table = read(file);
    if (!table || table->rows.size() != kRows) {
      state.SkipWithError("read failed");
      return;
    }
    benchmark::DoNotOptimize(table->rows.back().cells.back().text.data());
    peak_kb = std::max(peak_kb, status_kb("VmHWM:") - before);
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(kRows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["file_mb"] = static_cast<double>(file.size()) / (1 << 20);
  state.counters["peak_mb"] = static_cast<double>(peak_kb) / 1024;
}

void BM_ReadLearnersXlsx(benchmark::State& state) {
  run_reader(state, xlsx_file(),
             [](const std::string& f) { return lt::formats::read_xlsx(f, lt::formats::Limits{}); });
}
BENCHMARK(BM_ReadLearnersXlsx)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadLearnersXlsxSharedStrings(benchmark::State& state) {
  run_reader(state, xlsx_shared_strings_file(),
             [](const std::string& f) { return lt::formats::read_xlsx(f, lt::formats::Limits{}); });
}
BENCHMARK(BM_ReadLearnersXlsxSharedStrings)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadLearnersCsv(benchmark::State& state) {
  run_reader(state, csv_file(),
             [](const std::string& f) { return lt::formats::read_csv(f, lt::formats::Limits{}); });
}
BENCHMARK(BM_ReadLearnersCsv)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WriteLearnersXlsx(benchmark::State& state) {
  std::size_t size = 0;
  long peak_kb = 0;
  for (auto _ : state) {
    const long before = reset_peak();
    size = write_xlsx().size();
    peak_kb = std::max(peak_kb, status_kb("VmHWM:") - before);
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(kRows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["file_mb"] = static_cast<double>(size) / (1 << 20);
  state.counters["peak_mb"] = static_cast<double>(peak_kb) / 1024;
}
BENCHMARK(BM_WriteLearnersXlsx)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
