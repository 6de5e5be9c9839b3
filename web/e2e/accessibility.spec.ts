// axe-core over every page, signed out and signed in: no serious or critical violations.
import { createUserWithPassword, expect, expectAccessible, signIn, signInAsAdmin, test } from './helpers';

test('pages before signing in', async ({ page }) => {
  for (const [path, heading] of [
    ['/login', 'Sign in'],
    ['/forgot-password', 'Forgotten your password?'],
    ['/reset-password/not-a-token', 'Choose a new password'],
    ['/verify/not-a-token', 'Verify your account'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }
  // with errors shown
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your username')).toBeVisible();
  await expectAccessible(page, '/login with errors');
});

test('forced password change', async ({ page }) => {
  const user = await createUserWithPassword('axeforced');
  await signIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/change-password$/);
  await expectAccessible(page, '/change-password');
});

test('pages of a signed-in administrator', async ({ page }) => {
  await signInAsAdmin(page);
  const pages: [string, RegExp | string][] = [
    ['/', /Welcome/],
    ['/account', 'Account'],
    ['/account?tab=username', 'Account'],
    ['/account?tab=password', 'Account'],
    ['/admin/users', 'Users'],
    ['/admin/users/new', 'Create user'],
    ['/admin/providers', 'Providers'],
    ['/admin/outbox', 'Email outbox'],
    ['/admin/audit', 'Audit log'],
    ['/admin/settings', 'Settings'],
    ['/admin/qualifications', 'Qualifications'],
    ['/no/such/page', 'Page not found'],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }

  // a user's page, with a role being edited
  await page.goto('/admin/users');
  await page.getByRole('table', { name: 'Users' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectAccessible(page, '/admin/users/:id');

  await page.goto('/admin/users/new');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('Enter a username')).toBeVisible();
  await expectAccessible(page, '/admin/users/new with errors');

  // the provider dialog and a provider's page
  await page.goto('/admin/providers');
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Add provider' })).toBeVisible();
  await expectAccessible(page, 'add provider dialog');
  await page.keyboard.press('Escape');
  const firstProvider = page.getByRole('table', { name: 'Providers' }).getByRole('link').first();
  if (await firstProvider.count()) {
    await firstProvider.click();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
    await expectAccessible(page, '/admin/providers/:id');
  }

  // an opened email
  await page.goto('/admin/outbox');
  const read = page.getByRole('button', { name: /^Read email/ }).first();
  if (await read.count()) {
    await read.click();
    await expectAccessible(page, '/admin/outbox with an email open');
  }
});

test('the layout on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsAdmin(page);
  const burger = page.getByRole('button', { name: 'Open navigation' });
  await expect(burger).toBeVisible();
  await burger.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Providers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();
  await expectAccessible(page, 'providers on a phone');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
