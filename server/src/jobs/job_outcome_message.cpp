// Outcome messages (see job_outcome_message.hpp).
#include "jobs/job_outcome_message.hpp"

#include "formats/table.hpp"
#include "services/notifications.hpp"
#include "store/outbox_repo.hpp"
#include "store/users_repo.hpp"

namespace lt::jobs {

nlohmann::json result_of(const store::jobs::JobRow& job) {
  nlohmann::json result = nlohmann::json::object();
  if (job.result) result = nlohmann::json::parse(*job.result, nullptr, false);
  if (result.is_discarded() || !result.is_object()) result = nlohmann::json::object();
  return result;
}

void tell_requester(soci::session& sql, const services::Deps& deps, const store::jobs::JobRow& job,
                    const std::string& kind, const OutcomeMessage& message) {
  if (!job.requested_by) return;
  auto user = store::users::find(sql, job.tenant_id, *job.requested_by);
  if (!user) return;
  services::notify(sql, deps, job.tenant_id, user->id, kind, message.title, message.text,
                   message.link);
  if (user->email)
    store::outbox::insert(sql, job.tenant_id, *user->email, message.title,
                          "Hello " + user->first_name + ",\n\n" + message.text + "\n\n" +
                              deps.settings.public_url + message.link + "\n",
                          deps.now());
}

OutcomeMessage import_outcome(const store::jobs::JobRow& job, const std::string& what,
                              const std::string& done) {
  const std::string link = "/imports/" + std::to_string(job.id);
  if (job.status == "succeeded") return {"Your " + what + " has finished", done, link};
  if (job.status == "cancelled")
    return {"Your " + what + " was cancelled", "The import was cancelled, so nothing was imported.",
            link};
  const auto rows = result_of(job).value("rows_with_errors", 0ull);
  const std::string why = rows > 0 ? formats::with_thousands(rows) +
                                         (rows == 1 ? " row has" : " rows have") + " errors, so"
                                   : job.error.value_or("The file could not be read.") + " So";
  return {"Your " + what + " failed",
          why +
              " nothing was imported. Open the import to see each error by row, correct the "
              "spreadsheet and upload it again.",
          link};
}

}  // namespace lt::jobs
