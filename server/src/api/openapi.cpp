// GET /api/v1/openapi.json: the API described in OpenAPI 3.1. The operation table below is kept
// true by a test that compares it with the router's routes.
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/openapi.hpp"
#include "api/render.hpp"
#include "api/routes.hpp"
#include "domain/reference_rules.hpp"

namespace lt::api {

using nlohmann::json;

namespace {

// A response that is an .xlsx download rather than JSON.
constexpr const char* kXlsxFile = "xlsx file";
// A response that is a CSV download (UTF-8 with a byte-order mark).
constexpr const char* kCsvFile = "csv file";
// The learner list's filters, which its downloads take too.
constexpr const char* kLearnerFilters = "q,provider_id,group_id,status,year_group,sort";
// A request body that is an uploaded spreadsheet (the raw file, its real Content-Type).
constexpr const char* kSpreadsheetUpload = "spreadsheet upload";

struct Operation {
  const char* method;
  const char* path;
  const char* tag;
  const char* summary;
  const char* request;   // component schema name of the body, or nullptr
  const char* response;  // component schema name of the success body, or nullptr
  int status;
  const char* media = nullptr;  // a success body that is not JSON: its media type
  const char* query = nullptr;  // query parameters, comma-separated (lists get theirs anyway)
};

const Operation kOperations[] = {
    {"GET", "/healthz", "health", "The process is alive", nullptr, nullptr, 200},
    {"GET", "/readyz", "health", "The database is reachable and migrations are current", nullptr,
     nullptr, 200},
    {"GET", "/metrics", "health", "Prometheus metrics", nullptr, nullptr, 200},
    {"GET", "/api/v1/openapi.json", "health", "This document", nullptr, nullptr, 200},
    {"POST", "/api/v1/session", "session", "Sign in", "SignIn", "Me", 200},
    {"DELETE", "/api/v1/session", "session", "Sign out", nullptr, nullptr, 204},
    {"GET", "/api/v1/me", "session", "The signed-in user", nullptr, "Me", 200},
    {"PATCH", "/api/v1/me", "session", "Edit your personal details", "MePatch", "Me", 200},
    {"PUT", "/api/v1/me/username", "session", "Change your username (signs you out everywhere)",
     "UsernameChange", nullptr, 200},
    {"PUT", "/api/v1/me/password", "session", "Change your password", "PasswordChange", "Me", 200},
    {"POST", "/api/v1/password-resets", "account links", "Ask for a password reset email",
     "ResetRequest", nullptr, 202},
    {"GET", "/api/v1/password-resets/{token}", "account links", "Check a reset link", nullptr,
     nullptr, 200},
    {"POST", "/api/v1/password-resets/{token}", "account links",
     "Set a new password from a reset link", "NewPassword", nullptr, 204},
    {"GET", "/api/v1/verifications/{token}", "account links", "Check a verification link", nullptr,
     nullptr, 200},
    {"POST", "/api/v1/verifications/{token}", "account links",
     "Verify the account and choose a password", "NewPassword", nullptr, 204},
    {"GET", "/api/v1/roles", "users", "Roles that can be given", nullptr, nullptr, 200},
    {"GET", "/api/v1/users", "users", "List staff users", nullptr, "UserPage", 200},
    {"POST", "/api/v1/users", "users", "Create a user", "NewUser", "User", 201},
    {"GET", "/api/v1/users/{id}", "users", "One user", nullptr, "User", 200},
    {"PATCH", "/api/v1/users/{id}", "users", "Edit a user", "UserPatch", "User", 200},
    {"POST", "/api/v1/users/{id}/disable", "users", "Disable a user", nullptr, "User", 200},
    {"POST", "/api/v1/users/{id}/enable", "users", "Enable a user", nullptr, "User", 200},
    {"POST", "/api/v1/users/{id}/unlock", "users", "Unlock a locked user", nullptr, "User", 200},
    {"GET", "/api/v1/providers", "providers", "List providers", nullptr, "ProviderPage", 200},
    {"POST", "/api/v1/providers", "providers", "Create a provider", "ProviderInput", "Provider",
     201},
    {"GET", "/api/v1/providers/{id}", "providers", "One provider", nullptr, "Provider", 200},
    {"PATCH", "/api/v1/providers/{id}", "providers", "Edit a provider", "ProviderInput", "Provider",
     200},
    {"GET", "/api/v1/reference/{list}", "reference",
     "A code list: year-groups, genders, ethnicities, qualification-types", nullptr,
     "ReferenceList", 200},
    {"GET", "/api/v1/learners", "learners",
     "List and search learners (view=summary: each only as the list shows it)", nullptr,
     "LearnerPage", 200, nullptr, "sort,view"},
    {"POST", "/api/v1/learners", "learners", "Create a learner", "LearnerInput", "Learner", 201},
    {"GET", "/api/v1/learners/{id}", "learners", "One learner", nullptr, "Learner", 200},
    {"PATCH", "/api/v1/learners/{id}", "learners", "Edit a learner", "LearnerInput", "Learner",
     200},
    {"DELETE", "/api/v1/learners/{id}", "learners", "Delete a learner (soft)", nullptr, nullptr,
     204},
    {"POST", "/api/v1/learners/{id}/reset-password", "learners",
     "Give the learner a new one-time password", nullptr, "OneTimePassword", 200},
    {"POST", "/api/v1/learners/{id}/unlock", "learners", "Unlock a locked learner", nullptr,
     "Learner", 200},
    {"POST", "/api/v1/learners/{id}/sections/{section}/complete", "learners",
     "Mark a profile section complete", nullptr, "Learner", 200},
    {"POST", "/api/v1/learners/{id}/sections/{section}/reopen", "learners",
     "Reopen a section (Update my personal information)", nullptr, "Learner", 200},
    {"POST", "/api/v1/learners/{id}/approve", "learners", "Approve the profile", nullptr, "Learner",
     200},
    {"POST", "/api/v1/learners/{id}/unapprove", "learners", "Un-approve the profile", nullptr,
     "Learner", 200},
    {"GET", "/api/v1/me/learner", "learners", "The signed-in learner's own profile", nullptr,
     "Learner", 200},
    {"PATCH", "/api/v1/me/learner", "learners", "Edit your own profile", "LearnerInput", "Learner",
     200},
    {"POST", "/api/v1/me/learner/sections/{section}/complete", "learners",
     "Mark one of your sections complete", nullptr, "Learner", 200},
    {"POST", "/api/v1/me/learner/sections/{section}/reopen", "learners",
     "Reopen one of your sections", nullptr, "Learner", 200},
    {"GET", "/api/v1/dashboard", "learners", "Counts of the learners you may see, by status",
     nullptr, "Dashboard", 200},
    {"GET", "/api/v1/groups", "groups", "Learner groups you may see", nullptr, "GroupList", 200},
    {"POST", "/api/v1/groups", "groups", "Create a group at a provider", "GroupInput", "Group",
     201},
    {"GET", "/api/v1/groups/{id}", "groups", "One group", nullptr, "Group", 200},
    {"PATCH", "/api/v1/groups/{id}", "groups", "Rename a group", "GroupInput", "Group", 200},
    {"DELETE", "/api/v1/groups/{id}", "groups", "Delete a group (its learners stay)", nullptr,
     nullptr, 204},
    {"POST", "/api/v1/groups/{id}/members", "groups", "Add and remove learners", "MembershipChange",
     "Group", 200},
    {"GET", "/api/v1/notifications", "notifications",
     "Your notifications, newest first, with the unread count (?unread=true)", nullptr,
     "NotificationList", 200},
    {"POST", "/api/v1/notifications/{id}/read", "notifications", "Mark one notification read",
     nullptr, nullptr, 204},
    {"POST", "/api/v1/notifications/read-all", "notifications", "Mark all your notifications read",
     nullptr, nullptr, 200},
    {"GET", "/api/v1/learners/{id}/reference", "references",
     "A learner's reference: the draft, the default referee and the current version", nullptr,
     "Reference", 200},
    {"PUT", "/api/v1/learners/{id}/reference", "references", "Save reference details (a draft)",
     "ReferenceInput", "Reference", 200},
    {"POST", "/api/v1/learners/{id}/reference/complete", "references",
     "Complete reference details: save, check, record the next version", "ReferenceInput",
     "Reference", 200},
    {"GET", "/api/v1/learners/{id}/reference/versions", "references",
     "Completed versions, newest first", nullptr, "ReferenceVersionList", 200},
    {"GET", "/api/v1/learners/{id}/reference/versions/{number}", "references",
     "One completed version", nullptr, "ReferenceVersion", 200},
    {"GET", "/api/v1/me/learner/reference", "references",
     "Your current reference, when it is displayed to you", nullptr, "ReferenceVersion", 200},
    {"GET", "/api/v1/learners/{id}/groups", "groups", "The groups a learner is in", nullptr,
     "GroupList", 200},
    {"GET", "/api/v1/audit", "administration", "Audit events, newest first", nullptr, "AuditPage",
     200},
    {"GET", "/api/v1/outbox", "administration", "Email outbox, newest first", nullptr, "OutboxPage",
     200},
    {"GET", "/api/v1/settings", "administration", "Tenant settings", nullptr, "Settings", 200},
    {"PATCH", "/api/v1/settings", "administration", "Change tenant settings", "SettingsPatch",
     "Settings", 200},
    {"GET", "/api/v1/reference/qualification-types/{code}/subjects", "reference",
     "The subjects of a qualification type", nullptr, "ReferenceList", 200},
    {"GET", "/api/v1/reference/qualification-types/{code}/grades", "reference",
     "The grades of a qualification type", nullptr, "ReferenceList", 200},
    {"GET", "/api/v1/qualification-catalogue", "qualifications",
     "Every qualification type with its subjects and grades, retired ones too (administrators)",
     nullptr, "QualificationCatalogue", 200},
    {"POST", "/api/v1/qualification-catalogue/types", "qualifications", "Add a qualification type",
     "CatalogueInput", "CatalogueItem", 201},
    {"PATCH", "/api/v1/qualification-catalogue/types/{id}", "qualifications",
     "Rename or retire a qualification type", "CatalogueInput", "CatalogueItem", 200},
    {"POST", "/api/v1/qualification-catalogue/types/{id}/subjects", "qualifications",
     "Add a subject to a type", "CatalogueInput", "CatalogueItem", 201},
    {"POST", "/api/v1/qualification-catalogue/types/{id}/grades", "qualifications",
     "Add a grade to a type", "CatalogueInput", "CatalogueItem", 201},
    {"PATCH", "/api/v1/qualification-catalogue/subjects/{id}", "qualifications",
     "Rename or retire a subject", "CatalogueInput", "CatalogueItem", 200},
    {"PATCH", "/api/v1/qualification-catalogue/grades/{id}", "qualifications",
     "Rename or retire a grade", "CatalogueInput", "CatalogueItem", 200},
    {"GET", "/api/v1/learners/{id}/qualifications", "qualifications", "A learner's qualifications",
     nullptr, "QualificationList", 200},
    {"POST", "/api/v1/learners/{id}/qualifications", "qualifications",
     "Add a qualification to a learner", "QualificationInput", "Qualification", 201},
    {"PATCH", "/api/v1/learners/{id}/qualifications/{qualification_id}", "qualifications",
     "Edit a learner's qualification", "QualificationInput", "Qualification", 200},
    {"DELETE", "/api/v1/learners/{id}/qualifications/{qualification_id}", "qualifications",
     "Delete a learner's qualification", nullptr, nullptr, 204},
    {"GET", "/api/v1/me/learner/qualifications", "qualifications", "Your qualifications", nullptr,
     "QualificationList", 200},
    {"POST", "/api/v1/me/learner/qualifications", "qualifications",
     "Add one of your qualifications", "QualificationInput", "Qualification", 201},
    {"PATCH", "/api/v1/me/learner/qualifications/{qualification_id}", "qualifications",
     "Edit one of your qualifications", "QualificationInput", "Qualification", 200},
    {"DELETE", "/api/v1/me/learner/qualifications/{qualification_id}", "qualifications",
     "Delete one of your qualifications", nullptr, nullptr, 204},
    {"GET", "/api/v1/jobs/{id}", "jobs", "A job you requested (any job, for administrators)",
     nullptr, "Job", 200},
    {"POST", "/api/v1/jobs/{id}/cancel", "jobs",
     "Cancel a job: a queued one at once, a running one at its next check", nullptr, "Job", 200},
    {"GET", "/api/v1/jobs/{id}/result", "jobs",
     "The job's result file, with its content type and a Content-Disposition filename", nullptr,
     nullptr, 200, "application/octet-stream"},
    {"GET", "/api/v1/events", "events",
     "Live updates as server-sent events: `job` {id, kind, status, progress, version} for your "
     "jobs, `notification` {unread} (first on connecting); heartbeat comments every 15 s",
     nullptr, nullptr, 200, "text/event-stream"},
    {"GET", "/api/v1/imports/learners/template", "imports",
     "The blank learner import spreadsheet (.xlsx), for those who may create learners", nullptr,
     kXlsxFile, 200},
    {"POST", "/api/v1/imports/learners", "imports",
     "Start a learner import: the .xlsx, .xls or .csv file as the raw body with its real "
     "Content-Type and its name in X-Filename (percent-encoded). 202 with the queued import; "
     "409 import_in_progress when the same file is already being imported",
     kSpreadsheetUpload, "Import", 202},
    {"POST", "/api/v1/imports/qualifications", "imports",
     "Import an edited learner qualifications sheet (manual 9.3) like a learner import: it "
     "replaces the listed learners' qualifications, all or nothing",
     kSpreadsheetUpload, "Import", 202},
    {"GET", "/api/v1/imports", "imports",
     "Your imports of ?kind= (learner_import, the default, or qualification_import), newest "
     "first (every import of the tenant for administrators)",
     nullptr, "ImportPage", 200},
    {"POST", "/api/v1/exports/qualifications", "imports",
     "Export the learner qualifications sheet of a year group (optionally one group): 202 with "
     "the job; the .xlsx at /api/v1/jobs/{id}/result once it has succeeded",
     "QualificationExportInput", "Job", 202},
    {"GET", "/api/v1/exports", "imports", "Your learner qualifications exports, newest first",
     nullptr, "JobPage", 200},
    {"GET", "/api/v1/imports/{id}", "imports",
     "An import: status, progress, created_count and, when rejected, every error by row", nullptr,
     "Import", 200},
    {"GET", "/api/v1/imports/{id}/errors.xlsx", "imports",
     "An import's errors as a spreadsheet (Row, Column, Value, Message)", nullptr, kXlsxFile, 200},
    {"GET", "/api/v1/learners/never-logged-in", "learners",
     "Learners who have never signed in, newest first, with their generated first passwords "
     "(learners.edit; every view is audited)",
     nullptr, "NeverLoggedInLearnerPage", 200},
    {"GET", "/api/v1/learners/never-logged-in.xlsx", "learners",
     "The same list as a spreadsheet for handing out credentials (audited)", nullptr, kXlsxFile,
     200},
    {"GET", "/api/v1/learners.xlsx", "learners",
     "Every learner the list shows with these filters, as learners.xlsx (learners.view; audited)",
     nullptr, kXlsxFile, 200, nullptr, kLearnerFilters},
    {"GET", "/api/v1/learners.csv", "learners",
     "The same as learners.csv: UTF-8 with a byte-order mark, formulas neutralised (audited)",
     nullptr, kCsvFile, 200, nullptr, kLearnerFilters},
};

json ref(const char* name) {
  return {{"$ref", std::string("#/components/schemas/") + name}};
}
json str() {
  return {{"type", "string"}};
}
json integer() {
  return {{"type", "integer"}};
}
json boolean() {
  return {{"type", "boolean"}};
}
json nullable_str() {
  return {{"type", json::array({"string", "null"})}};
}
json object(json properties, json required = json::array()) {
  return {
      {"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}
// A page of `item`s, or (given `alternative`) of either kind, as a query parameter chooses.
json page_of(const char* item, const char* alternative = nullptr) {
  const json items =
      alternative ? json{{"oneOf", json::array({ref(item), ref(alternative)})}} : ref(item);
  return object(
      {{"items", {{"type", "array"}, {"items", items}}},
       {"next_cursor", nullable_str()},
       {"total", integer()},
       {"total_capped",
        {{"type", "boolean"},
         {"description",
          "the learner list only: a search, group or year group counted up to its cap"}}}},
      {"items", "next_cursor", "total"});
}

// A learner as returned (`full`) or as sent when creating and editing.
json learner_schema(bool full) {
  json properties = json::object();
  for (const char* text :
       {"username", "first_name", "last_name", "date_of_birth", "year_group", "profile_sign_off",
        "manager_adds_qualifications", "house", "street", "locality", "town", "postcode",
        "telephone", "uln", "upn", "ccis", "gender", "ethnicity"})
    properties[text] = str();
  properties["email"] = nullable_str();
  properties["provider_id"] = integer();
  properties["version"] = integer();
  if (!full) {
    properties["password"] = str();
    return object(properties);
  }
  for (const char* text : {"provider_name", "approval", "created_at", "updated_at"})
    properties[text] = str();
  properties["id"] = integer();
  properties["user_id"] = integer();
  properties["last_login_at"] = nullable_str();
  properties["locked"] = boolean();
  properties["must_change_password"] = boolean();
  properties["sections"] = object({{"key_information", str()},
                                   {"additional_information", str()},
                                   {"qualifications", str()},
                                   {"reference", str()}});
  return object(properties);
}

// A learner as GET /api/v1/learners?view=summary gives it (api/render.hpp).
json learner_summary_schema() {
  const json full = learner_schema(true)["properties"];
  json properties = json::object();
  for (const char* name : kLearnerSummaryMembers) properties[name] = full.at(name);
  return object(properties);
}

// A reference's content, and what the draft (`Reference`) or a version adds to it.
json reference_schema(json extra) {
  json ratings = json::object();
  for (const auto& c : domain::reference_criteria()) ratings[std::string(c.field)] = str();
  json properties = {{"different_referee", boolean()},
                     {"referee", ref("Referee")},
                     {"attendance", {{"type", json::array({"integer", "null"})}}},
                     {"ratings", object(ratings)},
                     {"further_details", str()},
                     {"additional_support", {{"type", json::array({"boolean", "null"})}}},
                     {"display_to_learner", {{"type", json::array({"boolean", "null"})}}}};
  properties.update(extra);
  return object(properties);
}

json schemas() {
  json role_assignment =
      object({{"role", str()},
              {"scope_type", {{"enum", {"tenant", "provider", "group", "employer"}}}},
              {"scope_id", {{"type", json::array({"integer", "null"})}}}},
             {"role", "scope_type"});
  json user = object({{"id", integer()},
                      {"username", str()},
                      {"email", nullable_str()},
                      {"first_name", str()},
                      {"last_name", str()},
                      {"telephone", str()},
                      {"status", {{"enum", {"active", "disabled"}}}},
                      {"locked", boolean()},
                      {"must_change_password", boolean()},
                      {"email_verified", boolean()},
                      {"roles", {{"type", "array"}, {"items", ref("RoleAssignment")}}},
                      {"last_login_at", nullable_str()},
                      {"created_at", str()},
                      {"updated_at", str()},
                      {"version", integer()}});
  json policy = object({{"preset", str()},
                        {"min_length", integer()},
                        {"max_length", integer()},
                        {"description", str()}});
  return {
      {"Problem",
       object({{"type", str()},
               {"title", str()},
               {"status", integer()},
               {"detail", str()},
               {"code", str()},
               {"request_id", str()},
               {"errors",
                {{"type", "array"},
                 {"items", object({{"field", str()}, {"code", str()}, {"message", str()}})}}}},
              {"status", "code"})},
      {"RoleAssignment", role_assignment},
      {"User", user},
      {"UserPage", page_of("User")},
      {"PasswordPolicy", policy},
      {"Me", object({{"user", ref("User")},
                     {"tenant", object({{"id", integer()}, {"name", str()}})},
                     {"permissions", {{"type", "array"}, {"items", str()}}},
                     {"must_change_password", boolean()},
                     {"password_policy", ref("PasswordPolicy")}})},
      {"SignIn", object({{"username", str()}, {"password", str()}, {"tenant", str()}},
                        {"username", "password"})},
      {"MePatch", object({{"first_name", str()},
                          {"last_name", str()},
                          {"email", nullable_str()},
                          {"telephone", str()},
                          {"version", integer()}},
                         {"version"})},
      {"UsernameChange", object({{"username", str()}}, {"username"})},
      {"PasswordChange", object({{"current_password", str()}, {"new_password", str()}},
                                {"current_password", "new_password"})},
      {"ResetRequest",
       object({{"username_or_email", str()}, {"tenant", str()}}, {"username_or_email"})},
      {"NewPassword", object({{"password", str()}}, {"password"})},
      {"NewUser", object({{"username", str()},
                          {"email", nullable_str()},
                          {"first_name", str()},
                          {"last_name", str()},
                          {"telephone", str()},
                          {"password", str()},
                          {"roles", {{"type", "array"}, {"items", ref("RoleAssignment")}}}},
                         {"username", "first_name", "last_name"})},
      {"UserPatch", object({{"first_name", str()},
                            {"last_name", str()},
                            {"email", nullable_str()},
                            {"telephone", str()},
                            {"roles", {{"type", "array"}, {"items", ref("RoleAssignment")}}},
                            {"version", integer()}},
                           {"version"})},
      {"Referee",
       object({{"name", str()}, {"position", str()}, {"telephone", str()}, {"email", str()}})},
      {"ReferenceList",
       {{"type", "array"},
        {"items", object({{"code", str()}, {"label", str()}}, {"code", "label"})}}},
      {"Provider", object({{"id", integer()},
                           {"name", str()},
                           {"ukprn", str()},
                           {"local_authority", str()},
                           {"sign_off_profiles", boolean()},
                           {"learners_add_qualifications", boolean()},
                           {"default_referee", ref("Referee")},
                           {"created_at", str()},
                           {"updated_at", str()},
                           {"version", integer()}})},
      {"ProviderPage", page_of("Provider")},
      {"Learner", learner_schema(true)},
      {"LearnerInput", learner_schema(false)},
      {"LearnerSummary", learner_summary_schema()},
      {"LearnerPage", page_of("Learner", "LearnerSummary")},
      {"Group", object({{"id", integer()},
                        {"provider_id", integer()},
                        {"provider_name", str()},
                        {"name", str()},
                        {"members", integer()},
                        {"created_at", str()},
                        {"updated_at", str()},
                        {"version", integer()}})},
      {"GroupList", page_of("Group")},
      {"GroupInput", object({{"provider_id", integer()}, {"name", str()}, {"version", integer()}})},
      {"MembershipChange", object({{"add", {{"type", "array"}, {"items", integer()}}},
                                   {"remove", {{"type", "array"}, {"items", integer()}}}})},
      {"Notification", object({{"id", integer()},
                               {"kind", str()},
                               {"title", str()},
                               {"body", str()},
                               {"link", str()},
                               {"created_at", str()},
                               {"read_at", str()}})},
      {"NotificationList", page_of("Notification")},
      {"Reference",
       reference_schema({{"learner_id", integer()},
                         {"state", {{"enum", {"incomplete", "complete"}}}},
                         {"default_referee", ref("Referee")},
                         {"current_version", {{"type", json::array({"integer", "null"})}}},
                         {"updated_at", nullable_str()},
                         {"version", integer()}})},
      {"ReferenceInput", reference_schema({{"version", integer()}})},
      {"ReferenceVersion",
       reference_schema({{"number", integer()},
                         {"completed_by", {{"type", json::array({"integer", "null"})}}},
                         {"completed_by_name", str()},
                         {"completed_at", str()}})},
      {"ReferenceVersionList", page_of("ReferenceVersion")},
      {"OneTimePassword", object({{"password", str()}}, {"password"})},
      {"Job",
       object({{"id", integer()},
               {"kind", str()},
               {"status", {{"enum", {"queued", "running", "succeeded", "failed", "cancelled"}}}},
               {"progress", object({{"done", integer()}, {"total", integer()}}, {"done", "total"})},
               {"result", {{"description", "What the job produced (JSON), or null"}}},
               {"result_url", nullable_str()},
               {"error", nullable_str()},
               {"cancel_requested", boolean()},
               {"attempts", integer()},
               {"created_at", str()},
               {"started_at", nullable_str()},
               {"finished_at", nullable_str()},
               {"requested_by", {{"type", json::array({"integer", "null"})}}},
               {"version", integer()}},
              {"id", "kind", "status", "progress", "created_at"})},
      {"ImportRowError",
       object({{"row", integer()}, {"column", str()}, {"value", str()}, {"message", str()}},
              {"row", "column", "value", "message"})},
      {"Import",
       object({{"id", integer()},
               {"kind", {{"enum", {"learner_import", "qualification_import"}}}},
               {"status", {{"enum", {"queued", "running", "succeeded", "failed", "cancelled"}}}},
               {"filename", str()},
               {"progress", object({{"done", integer()}, {"total", integer()}}, {"done", "total"})},
               {"created_count", integer()},
               {"error_count", integer()},
               {"rows_with_errors", integer()},
               {"errors", {{"type", "array"}, {"items", ref("ImportRowError")}}},
               {"errors_truncated", boolean()},
               {"message", nullable_str()},
               {"requested_by",
                {{"type", json::array({"object", "null"})},
                 {"properties", {{"id", integer()}, {"name", str()}}}}},
               {"created_at", str()},
               {"started_at", nullable_str()},
               {"finished_at", nullable_str()},
               {"version", integer()}},
              {"id", "kind", "status", "progress", "created_count", "error_count", "errors"})},
      {"ImportPage", page_of("Import")},
      {"JobPage", page_of("Job")},
      {"QualificationExportInput",
       object({{"year_group", str()}, {"group_id", {{"type", json::array({"integer", "null"})}}}},
              {"year_group"})},
      {"NeverLoggedInLearner", object({{"learner_id", integer()},
                                       {"provider_id", integer()},
                                       {"provider_name", str()},
                                       {"first_name", str()},
                                       {"last_name", str()},
                                       {"postcode", str()},
                                       {"uln", str()},
                                       {"date_of_birth", str()},
                                       {"username", str()},
                                       {"password", nullable_str()},
                                       {"created_at", str()}},
                                      {"learner_id", "username", "password"})},
      {"NeverLoggedInLearnerPage", page_of("NeverLoggedInLearner")},
      {"Dashboard",
       object({{"counts", {{"type", "object"}, {"additionalProperties", integer()}}}})},
      {"ProviderInput", object({{"name", str()},
                                {"ukprn", str()},
                                {"local_authority", str()},
                                {"sign_off_profiles", boolean()},
                                {"learners_add_qualifications", boolean()},
                                {"default_referee", ref("Referee")},
                                {"version", integer()}})},
      {"AuditEvent", object({{"id", integer()},
                             {"at", str()},
                             {"actor_id", {{"type", json::array({"integer", "null"})}}},
                             {"actor_username", str()},
                             {"action", str()},
                             {"entity_type", str()},
                             {"entity_id", {{"type", json::array({"integer", "null"})}}},
                             {"changes", {{"type", "object"}}},
                             {"request_id", str()}})},
      {"AuditPage", page_of("AuditEvent")},
      {"OutboxMessage", object({{"id", integer()},
                                {"to", str()},
                                {"subject", str()},
                                {"body", str()},
                                {"status", {{"enum", {"pending", "sent", "failed"}}}},
                                {"attempts", integer()},
                                {"last_error", str()},
                                {"created_at", str()},
                                {"sent_at", nullable_str()}})},
      {"OutboxPage", page_of("OutboxMessage")},
      {"Settings", object({{"password_policy", {{"enum", {"standard", "strong"}}}},
                           {"max_failed_logins", integer()},
                           {"version", integer()}})},
      {"SettingsPatch",
       object({{"password_policy", {{"enum", {"standard", "strong"}}}}, {"version", integer()}},
              {"version"})},
      {"CatalogueItem", object({{"id", integer()},
                                {"code", str()},
                                {"label", str()},
                                {"retired", boolean()},
                                {"version", integer()}})},
      {"CatalogueInput",
       object({{"label", str()}, {"retired", boolean()}, {"version", integer()}})},
      {"QualificationCatalogue",
       object({{"items",
                {{"type", "array"},
                 {"items",
                  object({{"id", integer()},
                          {"code", str()},
                          {"label", str()},
                          {"retired", boolean()},
                          {"version", integer()},
                          {"subjects", {{"type", "array"}, {"items", ref("CatalogueItem")}}},
                          {"grades", {{"type", "array"}, {"items", ref("CatalogueItem")}}}})}}}})},
      {"Qualification",
       object({{"id", integer()},
               {"learner_id", integer()},
               {"type", object({{"code", str()}, {"label", str()}})},
               {"subject", object({{"code", str()}, {"label", str()}})},
               {"completed_on", {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}$"}}},
               {"predicted_grade",
                {{"oneOf", {object({{"code", str()}, {"label", str()}}), {{"type", "null"}}}}}},
               {"actual_grade",
                {{"oneOf", {object({{"code", str()}, {"label", str()}}), {{"type", "null"}}}}}},
               {"created_at", str()},
               {"updated_at", str()},
               {"version", integer()}})},
      {"QualificationInput", object({{"type", str()},
                                     {"subject", str()},
                                     {"completed_on", str()},
                                     {"predicted_grade", nullable_str()},
                                     {"actual_grade", nullable_str()},
                                     {"version", integer()}})},
      {"QualificationList", object({{"items", {{"type", "array"}, {"items", ref("Qualification")}}},
                                    {"next_cursor", {{"type", "null"}}},
                                    {"total", integer()},
                                    {"section", {{"enum", {"incomplete", "complete"}}}},
                                    {"learner_may_add", boolean()}})},
  };
}

json operation(const Operation& op) {
  json o = {{"tags", {op.tag}}, {"summary", op.summary}};
  json parameters = json::array();
  const std::string path = op.path;
  for (const std::string name :
       {"id", "token", "list", "section", "code", "qualification_id", "number"})
    if (path.find("{" + name + "}") != std::string::npos)
      parameters.push_back(
          {{"name", name},
           {"in", "path"},
           {"required", true},
           {"schema", name.ends_with("id") || name == "number" ? integer() : str()}});
  if (std::string(op.method) == "GET" && op.response &&
      std::string(op.response).ends_with("Page")) {
    for (const char* q : {"limit", "cursor", "q", "status", "entity_type", "entity_id", "actor_id",
                          "provider_id", "group_id", "year_group"})
      parameters.push_back({{"name", q}, {"in", "query"}, {"required", false}, {"schema", str()}});
  }
  for (std::string_view rest = op.query ? op.query : ""; !rest.empty();) {
    const auto comma = rest.find(',');
    parameters.push_back({{"name", std::string(rest.substr(0, comma))},
                          {"in", "query"},
                          {"required", false},
                          {"schema", str()}});
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  if (!parameters.empty()) o["parameters"] = parameters;
  if (op.request == kSpreadsheetUpload) {
    const json file = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
    o["requestBody"] = {
        {"required", true},
        {"content",
         {{"text/csv", file},
          {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file},
          {"application/vnd.ms-excel", file}}}};
  } else if (op.request) {
    o["requestBody"] = {{"required", true},
                        {"content", {{"application/json", {{"schema", ref(op.request)}}}}}};
  }
  json success = {{"description", "Success"}};
  if (op.response) success["content"] = {{"application/json", {{"schema", ref(op.response)}}}};
  if (op.media)
    success["content"] = {{op.media, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
  if (op.response == kXlsxFile || op.response == kCsvFile) {
    const bool xlsx = op.response == kXlsxFile;
    success["content"] = {
        {xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
         {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
    success["headers"] = {{"Content-Disposition",
                           {{"description", std::string("attachment; filename=\"….") +
                                                (xlsx ? "xlsx" : "csv") + "\""},
                            {"schema", str()}}}};
  } else if (op.response) {
    success["content"] = {{"application/json", {{"schema", ref(op.response)}}}};
  }
  json problem = {{"description", "Problem"},
                  {"content", {{"application/problem+json", {{"schema", ref("Problem")}}}}}};
  o["responses"] = {{std::to_string(op.status), success}, {"default", problem}};
  return o;
}

}  // namespace

const nlohmann::json& openapi_document() {
  static const json document = [] {
    json paths = json::object();
    for (const auto& op : kOperations) {
      std::string method(op.method);
      for (auto& c : method) c = static_cast<char>(c - 'A' + 'a');
      paths[op.path][method] = operation(op);
    }
    return json{{"openapi", "3.1.0"},
                {"info", {{"title", "Learnertrack API"}, {"version", "1"}}},
                {"servers", {{{"url", "/"}}}},
                {"paths", paths},
                {"components",
                 {{"schemas", schemas()},
                  {"securitySchemes",
                   {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "lt_session"}}}}}}},
                {"security", {{{"session", json::array()}}}}};
  }();
  return document;
}

void add_openapi_route(http::Router& router) {
  router.add("GET", "/api/v1/openapi.json",
             [](http::Request&) { return http::Response::json(200, openapi_document()); });
}

}  // namespace lt::api
