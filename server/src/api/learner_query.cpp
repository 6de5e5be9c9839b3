// Learner list filters (see learner_query.hpp).
#include "api/learner_query.hpp"

#include "api/json_body.hpp"

namespace lt::api {

domain::Result<services::LearnerQuery> read_learner_filters(const http::Request& req) {
  auto provider = query_id(req, "provider_id");
  if (!provider) return domain::fail(provider.error());
  auto group = query_id(req, "group_id");
  if (!group) return domain::fail(group.error());
  services::LearnerQuery query;
  query.q = req.query_param("q");
  for (auto [target, name] : {std::pair{&query.status, "status"},
                              {&query.year_group, "year_group"},
                              {&query.sort, "sort"}}) {
    *target = req.query_param(name);
    if (*target && (*target)->empty()) target->reset();
  }
  query.provider_id = *provider;
  query.group_id = *group;
  return query;
}

}  // namespace lt::api
