// Import templates (see import_templates.hpp).
#include "services/import_templates.hpp"

#include "domain/learner_import_columns.hpp"
#include "formats/learner_template.hpp"
#include "formats/read_table.hpp"
#include "store/providers_repo.hpp"
#include "store/reference_repo.hpp"

namespace lt::services {

using auth::Permission;
using domain::Error;
using domain::fail;

namespace {
// Every provider of the tenant the principal may add learners to, in id order.
std::vector<formats::TemplateProvider> providers_for(soci::session& sql, const Context& ctx) {
  const auto ids =
      auth::scope_ids(*ctx.principal, Permission::learners_edit, auth::ScopeType::provider);
  std::vector<formats::TemplateProvider> out;
  if (ids && ids->empty()) return out;  // group-scoped: no provider to add learners to
  store::providers::ListFilter filter;
  filter.only_ids = ids;
  filter.limit = 500;
  for (;;) {
    auto page = store::providers::list(sql, ctx.tenant_id, filter);
    for (const auto& p : page.items) out.push_back({p.ukprn, p.name});
    if (!page.next_cursor) return out;
    filter.after = page.items.back().id;
  }
}
}  // namespace

domain::Result<DownloadFile> ImportTemplates::learner_template(const Context& ctx) {
  if (!ctx.principal) return fail(Error::unauthenticated());
  if (!auth::can_somewhere(*ctx.principal, Permission::learners_edit))
    return fail(Error::forbidden());
  formats::LearnerTemplateInput input;
  input.rows = max_rows_;
  deps_.db.read([&](soci::session& sql) {
    for (const auto& column : domain::learner_import_columns()) {
      if (column.list.empty() || input.choices.count(std::string(column.list))) continue;
      auto& labels = input.choices[std::string(column.list)];
      for (const auto& item : store::reference::items(sql, std::string(column.list)))
        labels.push_back(item.label);
    }
    input.providers = providers_for(sql, ctx);
  });
  auto bytes = formats::learner_import_template(input);
  if (!bytes) return fail(std::move(bytes.error()));
  return DownloadFile{formats::kLearnerTemplateFilename, formats::kXlsxType, std::move(*bytes)};
}

}  // namespace lt::services
