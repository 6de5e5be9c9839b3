import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('permission-based navigation', () => {
  it('shows only home and account to a user without permissions', () => {
    expect(navFor([]).map((i) => i.to)).toEqual(['/', '/notifications', '/account']);
  });

  it('shows each administration page for its permission', () => {
    expect(navFor(['providers.view']).map((i) => i.label)).toEqual(['Home', 'Notifications', 'Account', 'Providers']);
    expect(navFor(['users.view', 'audit.view']).map((i) => i.to)).toEqual(['/', '/notifications', '/account', '/admin/users', '/admin/audit']);
  });

  it('shows Learners, and Groups, to whoever may view learners', () => {
    expect(navFor(['learners.view']).map((i) => i.to)).toEqual(['/', '/learners', '/groups', '/notifications', '/account']);
  });

  it('shows My profile to learners only', () => {
    const learner = [{ role: 'learner' }];
    expect(navFor([], learner).map((i) => i.to)).toEqual(['/', '/profile', '/notifications', '/account']);
    expect(navFor(['learners.view'], [{ role: 'learner_manager' }]).map((i) => i.to)).not.toContain('/profile');
  });

  it('shows Groups, without Learners, to a user manager who manages groups', () => {
    expect(navFor(['users.view', 'groups.edit']).map((i) => i.to)).toEqual(['/', '/groups', '/notifications', '/account', '/admin/users']);
  });

  it('shows everything to an administrator', () => {
    const all = ['users.view', 'users.edit', 'providers.view', 'providers.edit', 'audit.view', 'outbox.view', 'settings.edit'];
    expect(navFor(all).map((i) => i.to)).toEqual(['/', '/notifications', '/account', '/admin/users', '/admin/providers', '/admin/outbox', '/admin/audit', '/admin/settings', '/admin/qualifications']);
  });
});
