// All routes, in one list.
#include "api/routes.hpp"

namespace lt::api {

void add_routes(http::Router& router, Api& api) {
  add_health_routes(router, api);
  add_session_routes(router, api);
  add_account_link_routes(router, api);
  add_user_routes(router, api);
  add_provider_routes(router, api);
  add_admin_routes(router, api);
  add_reference_routes(router, api);
  add_learner_routes(router, api);
  add_group_routes(router, api);
  add_notification_routes(router, api);
  add_reference_document_routes(router, api);
  add_openapi_route(router);
  add_qualification_catalogue_routes(router, api);
  add_qualification_routes(router, api);
  add_job_routes(router, api);
  add_event_routes(router, api);
  add_import_template_routes(router, api);
  add_import_routes(router, api);
  add_credential_routes(router, api);
  add_export_routes(router, api);
  add_learner_export_routes(router, api);
}

}  // namespace lt::api
