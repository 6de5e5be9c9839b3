// Permission names the server grants (GET /me `permissions`) and the checks the UI makes with them.
// The server decides; the UI only hides what the user could not use anyway.

export const PERMISSIONS = {
  usersView: 'users.view',
  usersEdit: 'users.edit',
  providersView: 'providers.view',
  providersEdit: 'providers.edit',
  auditView: 'audit.view',
  outboxView: 'outbox.view',
  settingsEdit: 'settings.edit',
  learnersView: 'learners.view',
  learnersEdit: 'learners.edit',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export function can(permissions: readonly string[] | undefined, needed: string | undefined): boolean {
  if (!needed) return true;
  return !!permissions?.includes(needed);
}
