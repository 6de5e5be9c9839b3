// Record → JSON.
#include "api/render.hpp"

#include "services/learners.hpp"

namespace lt::api {

namespace {
template <class T>
nlohmann::json nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json user_json(const store::UserRow& u) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : u.roles)
    roles.push_back(
        {{"role", r.role}, {"scope_type", r.scope_type}, {"scope_id", nullable(r.scope_id)}});
  return {{"id", u.id},
          {"username", u.username},
          {"email", nullable(u.email)},
          {"first_name", u.first_name},
          {"last_name", u.last_name},
          {"telephone", u.telephone},
          {"status", u.status},
          {"locked", u.locked},
          {"must_change_password", u.must_change_password},
          {"email_verified", u.email_verified},
          {"roles", std::move(roles)},
          {"last_login_at", nullable(u.last_login_at)},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at},
          {"version", u.version}};
}

nlohmann::json me_json(const services::MeView& me) {
  return {{"user", user_json(me.user)},
          {"tenant", {{"id", me.tenant.id}, {"name", me.tenant.name}}},
          {"permissions", auth::permission_names(me.principal)},
          {"must_change_password", me.user.must_change_password},
          {"password_policy", me.policy}};
}

nlohmann::json provider_json(const store::ProviderRow& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"ukprn", p.ukprn},
          {"local_authority", p.local_authority},
          {"sign_off_profiles", p.sign_off_profiles},
          {"learners_add_qualifications", p.learners_add_qualifications},
          {"default_referee",
           {{"name", p.referee_name},
            {"position", p.referee_position},
            {"telephone", p.referee_telephone},
            {"email", p.referee_email}}},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at},
          {"version", p.version}};
}

nlohmann::json audit_json(const store::AuditRow& e) {
  auto changes = nlohmann::json::parse(e.changes, nullptr, false);
  if (changes.is_discarded()) changes = nlohmann::json::object();
  return {{"id", e.id},
          {"at", e.at},
          {"actor_id", nullable(e.actor_id)},
          {"actor_username", e.actor_username},
          {"action", e.action},
          {"entity_type", e.entity_type},
          {"entity_id", nullable(e.entity_id)},
          {"changes", std::move(changes)},
          {"request_id", e.request_id}};
}

nlohmann::json outbox_json(const store::OutboxRow& m) {
  return {{"id", m.id},
          {"to", m.to_address},
          {"subject", m.subject},
          {"body", m.body},
          {"status", m.status},
          {"attempts", m.attempts},
          {"last_error", m.last_error},
          {"created_at", m.created_at},
          {"sent_at", nullable(m.sent_at)},
          {"next_attempt_at", m.next_attempt_at}};
}

nlohmann::json settings_json(const store::TenantRow& t) {
  return {{"password_policy", t.password_policy},
          {"max_failed_logins", t.max_failed_logins},
          {"version", t.version}};
}

void write_learner(JsonWriter& w, const store::LearnerRow& l, bool summary) {
  w.begin_object()
      .member("id", l.id)
      .member("user_id", l.user_id)
      .member("username", l.username)
      .member("first_name", l.first_name)
      .member("last_name", l.last_name);
  if (!summary) w.member("date_of_birth", l.date_of_birth);
  w.member("email", l.email)
      .member("year_group", l.year_group)
      .member("provider_id", l.provider_id)
      .member("provider_name", l.provider_name);
  if (!summary)
    w.member("profile_sign_off", l.profile_sign_off)
        .member("manager_adds_qualifications", l.manager_adds_qualifications)
        .member("house", l.house)
        .member("street", l.street)
        .member("locality", l.locality)
        .member("town", l.town)
        .member("postcode", l.postcode)
        .member("telephone", l.telephone);
  w.member("uln", l.uln);
  if (!summary)
    w.member("upn", l.upn)
        .member("ccis", l.ccis)
        .member("gender", l.gender)
        .member("ethnicity", l.ethnicity);
  w.key("sections")
      .begin_object()
      .member("key_information", l.key_information_state)
      .member("additional_information", l.additional_information_state)
      .member("qualifications", l.qualifications_state)
      .member("reference", l.reference_state)
      .end_object();
  w.member("approval", services::approval_of(l))
      .member("last_login_at", l.last_login_at)
      .member("locked", l.locked)
      .member("must_change_password", l.must_change_password);
  if (!summary) w.member("created_at", l.created_at).member("updated_at", l.updated_at);
  w.member("version", l.version).end_object();
}

JsonText learner_json(const store::LearnerRow& learner) {
  JsonWriter w(1024);
  write_learner(w, learner);
  return w.take();
}

LearnerPageWriter::LearnerPageWriter(bool summary, std::size_t expected)
    : writer_(256 + expected * (summary ? 420 : 900)), summary_(summary) {
  writer_.begin_object().key("items").begin_array();
}

JsonText LearnerPageWriter::finish(const store::PageInfo& page) {
  writer_.end_array()
      .member("next_cursor", page.next_cursor)
      .member("total", page.total)
      .member("total_capped", page.total_capped)
      .end_object();
  return writer_.take();
}

JsonText learner_page_json(const store::Page<store::LearnerRow>& page, bool summary) {
  LearnerPageWriter out(summary, page.items.size());
  for (const auto& learner : page.items) out.add(learner);
  return out.finish(page);
}

nlohmann::json job_json(const store::jobs::JobRow& job) {
  using nlohmann::json;
  auto text = [](const std::optional<std::string>& v) { return v ? json(*v) : json(); };
  json result;
  if (job.result) {
    result = json::parse(*job.result, nullptr, false);
    if (result.is_discarded()) result = json();
  }
  return {
      {"id", job.id},
      {"kind", job.kind},
      {"status", job.status},
      {"progress", {{"done", job.progress_done}, {"total", job.progress_total}}},
      {"result", result},
      {"result_url",
       job.result_blob_id ? json("/api/v1/jobs/" + std::to_string(job.id) + "/result") : json()},
      {"error", text(job.error)},
      {"cancel_requested", job.cancel_requested},
      {"attempts", job.attempts},
      {"created_at", job.created_at},
      {"started_at", text(job.started_at)},
      {"finished_at", text(job.finished_at)},
      {"requested_by", job.requested_by ? json(*job.requested_by) : json()},
      {"version", job.version}};
}

}  // namespace lt::api
