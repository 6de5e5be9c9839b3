// Outbox listing.
#include "services/outbox.hpp"

#include "store/outbox_repo.hpp"
#include "store/query.hpp"

namespace lt::services {

using domain::Error;
using domain::fail;

domain::Result<store::Page<store::OutboxRow>> Outbox::list(
    const Context& ctx, const std::optional<std::string>& status, std::optional<int> limit,
    const std::optional<std::string>& cursor) {
  if (!ctx.principal || !auth::can(*ctx.principal, auth::Permission::outbox_view, {ctx.tenant_id}))
    return fail(Error::forbidden());
  if (status && *status != "pending" && *status != "sent" && *status != "failed")
    return fail(Error::validation("status", "invalid_status", "Use pending, sent or failed."));
  return deps_.db.read([&](soci::session& sql) {
    return store::outbox::list(sql, ctx.tenant_id, status, store::page_limit(limit),
                               store::cursor_after(cursor));
  });
}

}  // namespace lt::services
