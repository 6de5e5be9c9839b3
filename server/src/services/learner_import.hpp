// The learner import's checks (manual 7.3, 7.4): every row of an uploaded table checked by the
// create-learner rules (services/learner_checks: one implementation, not two), the UKPRN against
// the providers the uploader may add learners to, and duplicates within the file and against the
// learners already there (same ULN; same names, date of birth and provider). All or nothing: the
// caller commits the learners only when no row has an error. Also the generated usernames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

#include "formats/table.hpp"
#include "services/context.hpp"
#include "services/import_errors.hpp"
#include "store/learner_import_repo.hpp"

namespace lt::services {

// The learners a batch of rows would create, in file order, with each one's row number; without
// usernames and passwords yet.
struct CheckedLearners {
  std::vector<store::learner_import::NewLearner> learners;
  std::vector<std::size_t> rows;
};

struct LearnerImportLimits {
  std::size_t max_errors = 10'000;  // errors kept and shown; all are counted
};

// Checks an import's rows a batch at a time as `ctx`'s principal would create its learners, so
// that an import can write the first learners while the rest of its file is still being read.
// Reference lists and providers are read once, by load(). check() is for one thread (the reader
// of the file) and check_existing() for another (the writer); neither touches the other's state.
class LearnerImportChecker {
 public:
  static LearnerImportChecker load(soci::session& sql, const Context& ctx, std::string today);

  // Maps the file's headings to the template's columns: the problems (unknown, repeated and
  // missing columns) into `errors`; false when there were any, and then no row can be checked.
  bool accept_header(const formats::Table& head, std::vector<ImportError>& errors);

  // Checks a batch of rows, which come after those of the earlier batches: each row's own errors
  // (field rules, UKPRN), then duplicates within the file so far, in row order, into `errors`; the
  // learners of the rows without any into `out`. Frees the rows' cells. The rows' own checks run
  // on every core; `keep_going` is asked between chunks, and when it says no the batch is left
  // unfinished.
  void check(std::vector<formats::Row>& rows, std::vector<ImportError>& errors,
             CheckedLearners& out, const std::function<bool()>& keep_going);

  // Duplicates of learners already there (same ULN; same names, date of birth and provider) for
  // a batch check() accepted, read through `sql`, into `errors`. The learners already there who
  // share a last name with the batch are read once per last name and kept for later batches
  // (which cannot clash with learners of earlier batches: check() has compared those).
  void check_existing(soci::session& sql, Id tenant, const CheckedLearners& batch,
                      std::vector<ImportError>& errors);

  LearnerImportChecker(LearnerImportChecker&&) noexcept;
  ~LearnerImportChecker();

 private:
  struct State;
  explicit LearnerImportChecker(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// What assign_usernames carries from one batch of an import to the next: the next number to try
// for each name, so the Smiths of a file are numbered on rather than from 1 in every batch, and
// a hash of each username given, so a batch never takes one an earlier batch took even where
// the look-up cannot see it (made outside the import's transaction). A hash that two usernames
// share only makes the second look taken, and costs a number.
struct UsernamesGiven {
  std::unordered_map<std::string, unsigned long> next;
  std::unordered_set<std::uint64_t> hashes;
};

// Gives each learner a username nobody in the tenant has (nor an earlier learner of the list, or
// of `given`), built from their names (domain/generated_username). Run in the transaction that
// inserts them, no one can take a name between the check and the insert on SQLite, whose
// writers take turns; on PostgreSQL another transaction's uncommitted usernames are not seen
// either way, and the unique key settles a clash.
void assign_usernames(soci::session& sql, Id tenant,
                      std::vector<store::learner_import::NewLearner>& learners,
                      UsernamesGiven* given = nullptr);

}  // namespace lt::services
