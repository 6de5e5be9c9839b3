// The navigation, declared once: the layout and the home page show the entries the user may use.
import { can, GROUPS_VIEW, PERMISSIONS } from '@/lib/permissions';

export interface NavItem {
  to: string;
  label: string;
  description: string;
  /** a list means any one of them */
  permission?: string | readonly string[];
  /** shown only to learners (their own profile) */
  learnersOnly?: boolean;
  section: 'main' | 'admin';
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Home', description: 'Your starting page.', section: 'main' },
  { to: '/profile', label: 'My profile', description: 'Your details, qualifications and reference, and whether your profile is approved.', learnersOnly: true, section: 'main' },
  { to: '/learners', label: 'Learners', description: 'Create, import, find and manage learners: passwords, lock-outs and profiles.', permission: PERMISSIONS.learnersView, section: 'main' },
  { to: '/groups', label: 'Groups', description: 'Tutor, support and teaching groups of learners at your providers.', permission: GROUPS_VIEW, section: 'main' },
  { to: '/notifications', label: 'Notifications', description: 'Messages about your account and your learners.', section: 'main' },
  { to: '/account', label: 'Account', description: 'Your personal details, username and password.', section: 'main' },
  { to: '/admin/users', label: 'Users', description: 'Create staff accounts, assign roles, unlock and disable accounts.', permission: PERMISSIONS.usersView, section: 'admin' },
  { to: '/admin/providers', label: 'Providers', description: 'Training providers, schools and colleges with their UKPRN.', permission: PERMISSIONS.providersView, section: 'admin' },
  { to: '/admin/outbox', label: 'Email outbox', description: 'Emails waiting to be sent, sent and failed.', permission: PERMISSIONS.outboxView, section: 'admin' },
  { to: '/admin/audit', label: 'Audit log', description: 'Who changed what, and when.', permission: PERMISSIONS.auditView, section: 'admin' },
  { to: '/admin/settings', label: 'Settings', description: 'Password policy for everyone in your organisation.', permission: PERMISSIONS.settingsEdit, section: 'admin' },
  { to: '/admin/qualifications', label: 'Qualifications', description: 'Qualification types, subjects and grades learners choose from.', permission: PERMISSIONS.settingsEdit, section: 'admin' },
];

export function navFor(permissions: readonly string[] | undefined, roles: readonly { role: string }[] = []): NavItem[] {
  const isLearner = roles.some((r) => r.role === 'learner');
  return NAV_ITEMS.filter((i) => can(permissions, i.permission) && (!i.learnersOnly || isLearner));
}
