// The blank spreadsheets people download to fill in and import (manual 7.2): the learner import
// template, with drop-downs filled from the reference lists and the UKPRNs of the providers the
// caller may add learners to. Whoever may create learners may download it.
#pragma once

#include <cstddef>
#include <string>

#include "domain/error.hpp"
#include "services/context.hpp"

namespace lt::services {

struct DownloadFile {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

class ImportTemplates {
 public:
  // `max_rows`: the learner import's row limit; the template's drop-downs cover that many rows.
  explicit ImportTemplates(Deps& deps, std::size_t max_rows = 100'000)
      : deps_(deps), max_rows_(max_rows) {}

  // 401 signed out; 403 without learners.edit anywhere (tutors, viewers, learners, provider
  // managers). Reads only: nothing is audited.
  domain::Result<DownloadFile> learner_template(const Context& ctx);

 private:
  Deps& deps_;
  std::size_t max_rows_;
};

}  // namespace lt::services
