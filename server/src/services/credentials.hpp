// Learners who have never signed in, with the first passwords generated for them (manual 5.3,
// 6.4, 7.5), on screen and as a workbook to hand the credentials out. Generated passwords are
// opened with the server key only here, only for managers who may edit the learner (learners.edit
// at the learner's provider or group), and every view and download is audited.
#pragma once

#include <optional>
#include <string>

#include "domain/error.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "services/import_templates.hpp"
#include "store/records.hpp"

namespace lt::services {

struct NeverLoggedIn {
  store::LearnerRow learner;
  std::optional<std::string> password;  // the generated one; none when a manager chose it
};

struct NeverLoggedInQuery {
  std::optional<Id> provider_id;
  std::optional<std::string> q;
  std::optional<int> limit;
  std::optional<std::string> cursor;
};

class Credentials {
 public:
  Credentials(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // Newest first. 401 signed out; 403 without learners.edit anywhere.
  domain::Result<store::Page<NeverLoggedIn>> never_logged_in(const Context& ctx,
                                                             const NeverLoggedInQuery& query);
  // Every such learner the caller may edit (the query's paging is ignored), as .xlsx.
  domain::Result<DownloadFile> never_logged_in_workbook(const Context& ctx,
                                                        const NeverLoggedInQuery& query);

 private:
  domain::Result<store::Page<NeverLoggedIn>> page(const Context& ctx,
                                                  const NeverLoggedInQuery& query, int limit);
  void audit_viewed(const Context& ctx, const std::string& how, std::size_t count);
  Deps& deps_;
  AuditLog& audit_;
};

}  // namespace lt::services
