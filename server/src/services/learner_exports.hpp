// Excel and CSV downloads of the learner list with its filters (issue 4 item 7): every learner the
// caller may view that the list's filters match, in the list's order, one row each with their
// details and profile states. They are bulk personal data, so each download is audited.
// Thread-safe: keeps no state between calls.
#pragma once

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/import_templates.hpp"
#include "services/learners.hpp"

namespace lt::services {

enum class ExportFormat { xlsx, csv };

class LearnerExports {
 public:
  LearnerExports(Deps& deps, AuditLog& audit, Learners& learners)
      : deps_(deps), audit_(audit), learners_(learners) {}

  // learners.xlsx (dates as real dates, written in constant memory) or learners.csv (UTF-8 with a
  // byte-order mark, formulas neutralised) of every learner Learners::list shows for `query`, its
  // paging ignored. Fails as the list does: 401 signed out, 403 without learners.view anywhere,
  // 422 for an unknown status, sort or year group. Audited as learners.exported (format, number
  // of learners, filters).
  domain::Result<DownloadFile> download(const Context& ctx, const LearnerQuery& query,
                                        ExportFormat format);

 private:
  Deps& deps_;
  AuditLog& audit_;
  Learners& learners_;
};

}  // namespace lt::services
