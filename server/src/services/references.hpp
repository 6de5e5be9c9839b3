// Learner references (manual 5.5): a learner manager saves a draft (which may be incomplete),
// completes it (everything filled in; records an immutable numbered version and marks the
// learner's reference section complete), lists the versions; the learner sees the current
// version only when it is displayed to them. A completed reference is reopened through the
// learner's sections (POST …/sections/reference/reopen) before it is edited again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/reference_rules.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "store/records.hpp"
#include "store/references_repo.hpp"

namespace lt::services {

// A learner's reference as the manager's page shows it.
struct ReferenceView {
  Id learner_id = 0;
  std::string state;                // the learner's reference section: incomplete | complete
  domain::Referee default_referee;  // the provider's
  domain::ReferenceContent content;
  std::optional<int> current_version;  // number of the current completed version
  std::optional<std::string> updated_at;
  int version = 0;  // of the draft, for optimistic concurrency; 0 before the first save
};

// One completed version.
struct ReferenceVersion {
  int number = 0;
  domain::ReferenceContent content;  // the referee in it is the one who gave it
  std::optional<Id> completed_by;
  std::string completed_by_name, completed_at;
};

class References {
 public:
  References(Deps& deps, AuditLog& audit) : deps_(deps), audit_(audit) {}

  // Needs learners.view on the learner.
  domain::Result<ReferenceView> get(const Context& ctx, Id learner_id);
  // Saves the draft when `version` is the draft's (0 for the first save); needs learners.edit.
  // 409 version_conflict when stale, 409 section_complete while the section is complete, 422
  // with field errors for values no draft may hold.
  domain::Result<ReferenceView> save(const Context& ctx, Id learner_id,
                                     domain::ReferenceContent content, int version);
  // Saves as above, then checks everything is filled in (422 naming each missing field; nothing
  // is written then), records the next numbered version and marks the section complete.
  domain::Result<ReferenceView> complete(const Context& ctx, Id learner_id,
                                         domain::ReferenceContent content, int version);
  // Versions newest first, and one by number; need learners.view.
  domain::Result<std::vector<ReferenceVersion>> versions(const Context& ctx, Id learner_id);
  domain::Result<ReferenceVersion> version(const Context& ctx, Id learner_id, int number);
  // The signed-in learner's current completed reference, only when it is displayed to them; 404
  // otherwise (none completed, or not displayed: the learner cannot tell which).
  domain::Result<ReferenceVersion> own(const Context& ctx);

 private:
  domain::Result<ReferenceView> write(const Context& ctx, Id learner_id,
                                      domain::ReferenceContent content, int version,
                                      bool completing);
  Deps& deps_;
  AuditLog& audit_;
};

}  // namespace lt::services
