// `learnertrack demo import-file --rows N --ukprn U --out FILE`: a learner import spreadsheet
// (.csv or .xlsx by the file's extension) of N valid, distinct learners at one provider, for the
// import benchmark and for trying the import by hand; `--bad-last-row` spoils the last row's
// postcode, so the whole file must be rejected; `--start K` numbers the learners from K, so files
// made with different starts hold different people.
#pragma once

#include <cstddef>
#include <string>

namespace lt::app {

// Throws std::runtime_error when the file cannot be written.
void write_demo_import_file(const std::string& path, std::size_t rows, const std::string& ukprn,
                            bool bad_last_row, std::size_t start = 0);

}  // namespace lt::app
