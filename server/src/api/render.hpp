// JSON shapes of the records the API returns (docs/api.md), in one place.
#pragma once

#include <nlohmann/json.hpp>

#include "api/json_writer.hpp"
#include "domain/password_policy.hpp"
#include "services/accounts.hpp"
#include "store/jobs_repo.hpp"
#include "store/records.hpp"

namespace lt::api {

nlohmann::json user_json(const store::UserRow& user);
nlohmann::json me_json(const services::MeView& me);
nlohmann::json provider_json(const store::ProviderRow& provider);
nlohmann::json audit_json(const store::AuditRow& event);
nlohmann::json outbox_json(const store::OutboxRow& message);
nlohmann::json settings_json(const store::TenantRow& tenant);
// The members of a learner in summary (GET /api/v1/learners?view=summary): what a list item
// shows, and no address, date of birth or other personal detail.
inline constexpr const char* kLearnerSummaryMembers[] = {
    "id",       "user_id",    "username",      "first_name",    "last_name",
    "email",    "year_group", "provider_id",   "provider_name", "uln",
    "sections", "approval",   "last_login_at", "locked",        "must_change_password",
    "version"};
// Learners are written straight to text (json_writer.hpp): the list is the hottest reply.
// `summary`: only kLearnerSummaryMembers.
void write_learner(JsonWriter& writer, const store::LearnerRow& learner, bool summary = false);
JsonText learner_json(const store::LearnerRow& learner);
// A page of learners, each in summary or whole, written as its learners are read: add() each,
// then finish() with the page's cursor and total.
class LearnerPageWriter {
 public:
  LearnerPageWriter(bool summary, std::size_t expected);
  void add(const store::LearnerRow& learner) { write_learner(writer_, learner, summary_); }
  JsonText finish(const store::PageInfo& page);

 private:
  JsonWriter writer_;
  bool summary_;
};
JsonText learner_page_json(const store::Page<store::LearnerRow>& page, bool summary = false);
nlohmann::json job_json(const store::jobs::JobRow& job);

template <class T, class Render>
nlohmann::json page_json(const store::Page<T>& page, Render&& render) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(render(item));
  return {{"items", std::move(items)},
          {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor) : nlohmann::json()},
          {"total", page.total}};
}

}  // namespace lt::api
