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
  groupsEdit: 'groups.edit',
} as const;

/** Who may see groups: those who see learners, and those who manage groups (user managers). */
export const GROUPS_VIEW = [PERMISSIONS.learnersView, PERMISSIONS.groupsEdit] as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/** `needed` may list several permissions: any one of them will do. */
export function can(permissions: readonly string[] | undefined, needed: string | readonly string[] | undefined): boolean {
  if (!needed) return true;
  if (typeof needed !== 'string') return needed.some((n) => !!permissions?.includes(n));
  return !!permissions?.includes(needed);
}
