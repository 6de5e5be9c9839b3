// The one permission check: role grants, scopes, tenants, deny by default.
#include <gtest/gtest.h>

#include "auth/permissions.hpp"

using namespace lt::auth;

namespace {
Principal holder(std::string role, ScopeType scope, std::optional<Id> id = std::nullopt) {
  Principal p;
  p.tenant_id = 1;
  p.user_id = 10;
  p.assignments.push_back({std::move(role), scope, id});
  return p;
}
}  // namespace

TEST(Permissions, AdministratorHoldsEverythingInItsTenantOnly) {
  auto admin = holder("administrator", ScopeType::tenant);
  for (Permission p : all_permissions()) {
    EXPECT_TRUE(can(admin, p, {1, {}, {}, {}}));
    EXPECT_FALSE(can(admin, p, {2, {}, {}, {}})) << "other tenant";
  }
}

TEST(Permissions, ProviderScopeCoversOnlyThatProvidersRecords) {
  auto manager = holder("user_manager", ScopeType::provider, 5);
  EXPECT_TRUE(can(manager, Permission::users_edit, {1, {5}, {}, {}}));
  EXPECT_TRUE(can(manager, Permission::users_edit, {1, {4, 5}, {}, {}}));
  EXPECT_FALSE(can(manager, Permission::users_edit, {1, {6}, {}, {}}));
  EXPECT_FALSE(can(manager, Permission::users_edit, {1, {}, {}, {}})) << "tenant-level record";
  EXPECT_TRUE(can_somewhere(manager, Permission::users_edit));
  EXPECT_EQ(*scope_ids(manager, Permission::users_view, ScopeType::provider), std::vector<Id>{5});
}

TEST(Permissions, RolesWithoutThePermissionAreDenied) {
  auto learner_manager = holder("learner_manager", ScopeType::tenant);
  EXPECT_FALSE(can(learner_manager, Permission::users_edit, {1, {}, {}, {}}));
  EXPECT_FALSE(can(learner_manager, Permission::audit_view, {1, {}, {}, {}}));
  EXPECT_TRUE(can(learner_manager, Permission::providers_view, {1, {3}, {}, {}}));
}

TEST(Permissions, UnknownRolesAndSignedOutPrincipalsGetNothing) {
  EXPECT_FALSE(
      can(holder("superuser", ScopeType::tenant), Permission::users_view, {1, {}, {}, {}}));
  Principal nobody;
  EXPECT_FALSE(can(nobody, Permission::users_view, {0, {}, {}, {}}));
  EXPECT_FALSE(can_somewhere(nobody, Permission::users_view));
  EXPECT_TRUE(permission_names(nobody).empty());
}

TEST(Permissions, TenantWideAssignmentNeedsNoFilter) {
  auto viewer = holder("viewer", ScopeType::tenant);
  EXPECT_FALSE(scope_ids(viewer, Permission::users_view, ScopeType::provider).has_value());
  auto none =
      scope_ids(holder("tutor", ScopeType::tenant), Permission::users_view, ScopeType::provider);
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty()) << "tutors hold no user permission at any scope";
}

TEST(Permissions, RoleTableListsTheDesignRoles) {
  for (const char* name :
       {"administrator", "provider_manager", "user_manager", "learner_manager", "tutor",
        "compliance_admin", "ilr_qa", "employer_contact", "learner", "viewer"})
    EXPECT_NE(find_role(name), nullptr) << name;
  EXPECT_EQ(permission_name(Permission::users_view), "users.view");
  EXPECT_EQ(parse_scope_type("provider"), ScopeType::provider);
  EXPECT_FALSE(parse_scope_type("planet").has_value());
}
