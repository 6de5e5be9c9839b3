// Registers every API route on the router. Each resource file adds its own routes; this header is
// what the composition root and the OpenAPI test see.
#pragma once

#include <functional>
#include <string>

#include "api/gatekeeper.hpp"
#include "auth/login_throttle.hpp"
#include "http/event_stream.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/credentials.hpp"
#include "services/event_bus.hpp"
#include "services/groups.hpp"
#include "services/import_templates.hpp"
#include "services/imports.hpp"
#include "services/jobs.hpp"
#include "services/learner_exports.hpp"
#include "services/learners.hpp"
#include "services/notifications.hpp"
#include "services/outbox.hpp"
#include "services/providers.hpp"
#include "services/qualification_catalogue.hpp"
#include "services/qualification_transfer.hpp"
#include "services/qualifications.hpp"
#include "services/references.hpp"
#include "services/tenants.hpp"
#include "services/users.hpp"

namespace lt::api {

struct Api {
  services::Accounts& accounts;
  services::Users& users;
  services::Providers& providers;
  services::AuditLog& audit;
  services::Outbox& outbox;
  services::Tenants& tenants;
  services::Learners& learners;
  services::Groups& groups;
  services::Notifications& notifications;
  store::Database& db;
  http::Metrics& metrics;
  auth::LoginThrottle& throttle;
  const Gatekeeper& gate;
  std::string default_tenant = "default";
  std::function<void()> mail_queued = [] {};  // wakes the delivery worker
  services::References& references;
  // Set by the composition root after construction (kept last so the list above stays as it is).
  services::QualificationCatalogue* qualification_catalogue = nullptr;
  services::Qualifications* qualifications = nullptr;
  services::Jobs* jobs = nullptr;
  services::EventBus* events = nullptr;  // GET /events answers 429 without one
  http::EventStream::Settings event_stream;
  std::size_t max_streams_per_user = 4;
  services::ImportTemplates* import_templates = nullptr;
  services::Imports* imports = nullptr;
  services::Credentials* credentials = nullptr;
  services::QualificationTransfer* qualification_transfer = nullptr;
  services::LearnerExports* learner_exports = nullptr;
};

void add_routes(http::Router& router, Api& api);

void add_session_routes(http::Router& router, Api& api);
void add_account_link_routes(http::Router& router, Api& api);
void add_user_routes(http::Router& router, Api& api);
void add_provider_routes(http::Router& router, Api& api);
void add_admin_routes(http::Router& router, Api& api);
void add_health_routes(http::Router& router, Api& api);
void add_reference_routes(http::Router& router, Api& api);
void add_learner_routes(http::Router& router, Api& api);
void add_group_routes(http::Router& router, Api& api);
void add_notification_routes(http::Router& router, Api& api);
void add_reference_document_routes(http::Router& router, Api& api);
void add_openapi_route(http::Router& router);
void add_qualification_catalogue_routes(http::Router& router, Api& api);
void add_qualification_routes(http::Router& router, Api& api);
void add_job_routes(http::Router& router, Api& api);
void add_event_routes(http::Router& router, Api& api);
void add_import_template_routes(http::Router& router, Api& api);
void add_import_routes(http::Router& router, Api& api);
void add_credential_routes(http::Router& router, Api& api);
void add_export_routes(http::Router& router, Api& api);
void add_learner_export_routes(http::Router& router, Api& api);

}  // namespace lt::api
