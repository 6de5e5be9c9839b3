import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('permission-based navigation', () => {
  it('shows only home and account to a user without permissions', () => {
    expect(navFor([]).map((i) => i.to)).toEqual(['/', '/account']);
  });

  it('shows each administration page for its permission', () => {
    expect(navFor(['providers.view']).map((i) => i.label)).toEqual(['Home', 'Account', 'Providers']);
    expect(navFor(['users.view', 'audit.view']).map((i) => i.to)).toEqual(['/', '/account', '/admin/users', '/admin/audit']);
  });

  it('shows Learners, and Groups, to whoever may view learners', () => {
    expect(navFor(['learners.view']).map((i) => i.to)).toEqual(['/', '/learners', '/groups', '/account']);
  });

  it('shows Groups, without Learners, to a user manager who manages groups', () => {
    expect(navFor(['users.view', 'groups.edit']).map((i) => i.to)).toEqual(['/', '/groups', '/account', '/admin/users']);
  });

  it('shows everything to an administrator', () => {
    const all = ['users.view', 'users.edit', 'providers.view', 'providers.edit', 'audit.view', 'outbox.view', 'settings.edit'];
    expect(navFor(all).map((i) => i.to)).toEqual(['/', '/account', '/admin/users', '/admin/providers', '/admin/outbox', '/admin/audit', '/admin/settings']);
  });
});
