// The learner list's filters as query parameters (q, provider_id, group_id, status, year_group,
// sort), read the same way by the list and by its downloads so both always mean the same learners.
#pragma once

#include "domain/error.hpp"
#include "http/message.hpp"
#include "services/learners.hpp"

namespace lt::api {

// The filters of the request, paging left unset; 422 for an id that is not a number. Empty
// status, year_group and sort mean none (a form sends them empty).
domain::Result<services::LearnerQuery> read_learner_filters(const http::Request& req);

}  // namespace lt::api
