// Telling the person who asked for a long job (an import, an export) how it ended: an in-app
// notification and, when they have an email address, an email with a link to the result. Run in
// the transaction that ends the job (JobContext::on_end), so the message exists exactly when the
// outcome does.
#pragma once

#include <string>

#include <soci/soci.h>
#include <nlohmann/json.hpp>

#include "services/context.hpp"
#include "store/jobs_repo.hpp"

namespace lt::jobs {

struct OutcomeMessage {
  std::string title;  // "Your learner import has finished"
  std::string text;   // one or two sentences
  std::string link;   // a path of the web app, e.g. "/imports/12"
};

// Sends `message` to the job's requester (nothing when nobody requested it or they are gone).
void tell_requester(soci::session& sql, const services::Deps& deps, const store::jobs::JobRow& job,
                    const std::string& kind, const OutcomeMessage& message);

// The words for how an import ended: `what` is "learner import" or "qualification import";
// `done` the sentence for a success. Failed and cancelled imports say nothing was imported.
OutcomeMessage import_outcome(const store::jobs::JobRow& job, const std::string& what,
                              const std::string& done);

// The job's result as JSON (an empty object when it has none or it is unreadable).
nlohmann::json result_of(const store::jobs::JobRow& job);

}  // namespace lt::jobs
