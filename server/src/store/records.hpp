// Plain rows as the repositories load and save them. No behaviour: rules live in domain/ and
// services/. Ids are 64-bit; timestamps are the fixed-width text of domain/clock.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lt::store {

using Id = long long;

struct TenantRow {
  Id id = 0;
  std::string name;
  std::string password_policy = "standard";
  int max_failed_logins = 5;
  std::string created_at, updated_at;
  int version = 1;
};

struct RoleAssignmentRow {
  std::string role;
  std::string scope_type;  // tenant | provider | group | employer
  std::optional<Id> scope_id;
  bool operator==(const RoleAssignmentRow&) const = default;
};

struct UserRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string kind = "staff";
  std::string username;
  std::optional<std::string> email;
  std::string first_name, last_name, telephone;
  std::optional<std::string> password_hash;
  std::string status = "active";  // active | disabled
  int failed_logins = 0;
  bool locked = false;
  bool must_change_password = false;
  bool email_verified = false;
  std::optional<std::string> last_login_at;
  std::string created_at, updated_at;
  int version = 1;
  std::vector<RoleAssignmentRow> roles;
};

struct ProviderRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string name;
  std::string ukprn;
  std::string local_authority;
  bool sign_off_profiles = false;           // learners' profiles need a manager's approval
  bool learners_add_qualifications = true;  // false: the manager adds them
  std::string referee_name, referee_position, referee_telephone, referee_email;
  std::string created_at, updated_at;
  int version = 1;
};

struct SessionRow {
  Id id = 0;
  Id tenant_id = 0;
  Id user_id = 0;
  std::string last_seen_at;
  std::string expires_at;
};

struct TokenRow {
  Id id = 0;
  Id tenant_id = 0;
  Id user_id = 0;
  std::string purpose;  // password_reset | verification
  std::string expires_at;
  std::optional<std::string> used_at;
};

struct AuditRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string at;
  std::optional<Id> actor_id;
  std::string actor_username;
  std::string action;
  std::string entity_type;
  std::optional<Id> entity_id;
  std::string changes = "{}";  // JSON object: field → {before, after}
  std::string request_id;
  std::string prev_hash;
  std::string hash;
};

struct OutboxRow {
  Id id = 0;
  Id tenant_id = 0;
  std::string to_address, subject, body;
  std::string status = "pending";  // pending | sent | failed
  int attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::string created_at;
  std::optional<std::string> sent_at;
};

struct ReferenceItem {
  std::string code, label;
};

struct LearnerRow {
  Id id = 0;
  Id tenant_id = 0;
  Id user_id = 0;
  Id provider_id = 0;
  std::string provider_name;  // joined, read-only
  // From the learner's user account.
  std::string username;
  std::string first_name, last_name;
  std::optional<std::string> email;
  std::optional<std::string> last_login_at;
  bool locked = false;
  bool must_change_password = false;
  // The learner record.
  std::string date_of_birth, year_group;
  std::string profile_sign_off = "default", manager_adds_qualifications = "default";
  std::string house, street, locality, town, postcode, telephone;
  std::string uln, upn, ccis, gender, ethnicity;
  std::string key_information_state = "incomplete", additional_information_state = "incomplete",
              qualifications_state = "incomplete", reference_state = "incomplete";
  std::string approval = "not_approved";  // stored: "approved" or "not_approved"
  bool provider_sign_off = false;         // joined: the provider's defaults
  bool provider_learners_add = true;
  std::string created_at, updated_at;
  int version = 1;
};

struct GroupRow {
  Id id = 0;
  Id tenant_id = 0;
  Id provider_id = 0;
  std::string provider_name;  // joined, read-only
  std::string name;
  long long members = 0;  // counted, read-only
  std::string created_at, updated_at;
  int version = 1;
};

// What a page of a keyset-paginated list says beside its items.
struct PageInfo {
  std::optional<std::string> next_cursor;
  long long total = 0;
  bool total_capped = false;  // there are more than `total` (a search counts up to a cap)
};

// A page of a keyset-paginated list.
template <class T>
struct Page : PageInfo {
  std::vector<T> items;
};

}  // namespace lt::store
