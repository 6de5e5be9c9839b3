// Never-logged-in credentials (see credentials.hpp).
#include "services/credentials.hpp"

#include "auth/secret_box.hpp"
#include "domain/text.hpp"
#include "formats/read_table.hpp"
#include "formats/xlsx_writer.hpp"
#include "services/learners.hpp"
#include "store/initial_passwords_repo.hpp"
#include "store/learners_repo.hpp"
#include "store/query.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;

domain::Result<store::Page<NeverLoggedIn>> Credentials::page(const Context& ctx,
                                                             const NeverLoggedInQuery& query,
                                                             int limit) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can_somewhere(*ctx.principal, Permission::learners_edit))
    return fail(Error::forbidden());
  store::learners::ListFilter filter;
  filter.scope = edit_scope_of(*ctx.principal);
  filter.provider_id = query.provider_id;
  if (query.q && !domain::trim(*query.q).empty())
    filter.q = domain::ascii_lower(domain::trim(*query.q));
  filter.status = "never_logged_in";
  filter.sort = "-created_at";
  filter.limit = limit;
  filter.cursor = query.cursor;
  return deps_.db.read([&](soci::session& sql) {
    auto learners = store::learners::list(sql, ctx.tenant_id, filter);
    std::vector<Id> users;
    for (const auto& l : learners.items) users.push_back(l.user_id);
    const auto sealed = store::initial_passwords::for_users(sql, ctx.tenant_id, users);
    store::Page<NeverLoggedIn> out;
    out.total = learners.total;
    out.total_capped = learners.total_capped;
    out.next_cursor = learners.next_cursor;
    for (auto& l : learners.items) {
      NeverLoggedIn item{std::move(l), std::nullopt};
      if (auto it = sealed.find(item.learner.user_id); it != sealed.end() && deps_.secrets)
        item.password = deps_.secrets->open(it->second);
      out.items.push_back(std::move(item));
    }
    return out;
  });
}

void Credentials::audit_viewed(const Context& ctx, const std::string& how, std::size_t count) {
  deps_.db.write([&](soci::session& sql) {
    Changes changes;
    changes.field("how", nullptr, how).field("learners", nullptr, count);
    audit_.record(sql, ctx, "learners.credentials_viewed", "user", ctx.actor_id(), changes);
  });
}

domain::Result<store::Page<NeverLoggedIn>> Credentials::never_logged_in(
    const Context& ctx, const NeverLoggedInQuery& query) {
  auto found = page(ctx, query, store::page_limit(query.limit));
  if (found) audit_viewed(ctx, "list", found->items.size());
  return found;
}

domain::Result<DownloadFile> Credentials::never_logged_in_workbook(
    const Context& ctx, const NeverLoggedInQuery& query) {
  auto writer = formats::XlsxWriter::create();
  if (!writer) return fail(std::move(writer.error()));
  auto& sheet = (*writer)->add_sheet("Not logged in");
  using formats::ColumnFormat;
  sheet.columns({{32},
                 {18},
                 {18},
                 {12, ColumnFormat::text},
                 {13, ColumnFormat::text},
                 {14, ColumnFormat::date},
                 {26, ColumnFormat::text},
                 {14, ColumnFormat::text},
                 {14, ColumnFormat::date}});
  sheet.header({"Provider", "First name", "Last name", "Postcode", "ULN", "Date of birth",
                "Username", "Password", "Created on"});
  NeverLoggedInQuery next = query;
  next.cursor.reset();
  std::size_t count = 0;
  for (;;) {
    auto found = page(ctx, next, 500);
    if (!found) return fail(std::move(found.error()));
    for (const auto& item : found->items) {
      const auto& l = item.learner;
      using formats::XlsxCell;
      sheet.row({XlsxCell::of_text(l.provider_name), XlsxCell::of_text(l.first_name),
                 XlsxCell::of_text(l.last_name), XlsxCell::of_text(l.postcode),
                 XlsxCell::of_text(l.uln), XlsxCell::of_date(l.date_of_birth),
                 XlsxCell::of_text(l.username),
                 XlsxCell::of_text(item.password.value_or("(set by a manager)")),
                 XlsxCell::of_date(l.created_at.substr(0, 10))});
      ++count;
    }
    if (!found->next_cursor || found->items.empty()) break;
    next.cursor = found->next_cursor;
  }
  auto bytes = (*writer)->finish();
  if (!bytes) return fail(std::move(bytes.error()));
  audit_viewed(ctx, "download", count);
  return DownloadFile{"learners-never-logged-in.xlsx", formats::kXlsxType, std::move(*bytes)};
}

}  // namespace lt::services
