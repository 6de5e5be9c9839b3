import { createUserWithPassword, expect, linkIn, signIn, signInAsAdmin, signOut, test, unique, waitForMail, signInProblem } from './helpers';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

async function fillNewUser(page: Page, username: string, email: string) {
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create user' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('First name').fill('Nina');
  await page.getByLabel('Last name').fill('New');
  await page.getByLabel('Email address').fill(email);
}

test.describe('an administrator', () => {
  test('creates a user who verifies by email and chooses a password', async ({ page }) => {
    const username = unique('verified');
    const email = `${username}@example.org`;
    await signInAsAdmin(page);
    await fillNewUser(page, username, email);
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('combobox', { name: 'Role 1', exact: true }).selectOption({ label: 'Viewer' });
    await page.getByLabel('Scope of role 1').selectOption({ label: 'Whole organisation' });
    await page.getByRole('button', { name: 'Create user' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Nina New' })).toBeVisible();
    await expect(page.getByText('Not verified')).toBeVisible();
    await signOut(page);

    const mail = await waitForMail(email, /.*/);
    const path = linkIn(mail, '/verify/');
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Verify your account' })).toBeVisible();
    await expect(page.getByText(username)).toBeVisible();
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Verified-1');
    await page.getByLabel('Confirm new password').fill('Verified-1');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page).toHaveURL(/\/login$/);

    await signIn(page, username, 'Verified-1');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Nina' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toBeVisible();
  });

  test('creates a user with an initial password, who must change it at first sign-in', async ({ page }) => {
    const username = unique('initial');
    await signInAsAdmin(page);
    await fillNewUser(page, username, `${username}@example.org`);
    await page.getByRole('radio', { name: /Set an initial password/ }).check();
    await page.getByRole('textbox', { name: 'Initial password' }).fill('First-Pass1');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nina New' })).toBeVisible();
    await expect(page.getByText('Must change password')).toBeVisible();

    // the new user is in the list, found by search
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Search').fill(username);
    await expect(page.getByRole('table', { name: 'Users' }).getByRole('cell', { name: username, exact: true })).toBeVisible();
    await signOut(page);

    await signIn(page, username, 'First-Pass1');
    await expect(page).toHaveURL(/\/change-password$/);
    await page.getByLabel('Current password').fill('First-Pass1');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Second-Pass2');
    await page.getByLabel('Confirm new password').fill('Second-Pass2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Nina' })).toBeVisible();
  });

  test('a duplicate username is reported at the field', async ({ page }) => {
    await signInAsAdmin(page);
    await fillNewUser(page, 'e2eadmin', 'dupe@example.org');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  });

  test('adds and edits providers; UKPRN problems appear at the field', async ({ page }) => {
    const ukprn = `1${String(Date.now()).slice(-7)}`;
    const name = unique('College ');
    await signInAsAdmin(page);
    await page.goto('/admin/providers');
    await page.getByRole('button', { name: 'Add provider' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add provider' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('UKPRN').fill('2345');
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog.getByText('A UKPRN is 8 digits starting with 1')).toBeVisible();
    await dialog.getByLabel('UKPRN').fill(ukprn);
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Providers' }).getByRole('link', { name })).toBeVisible();

    // the same UKPRN again: the server's answer lands on the UKPRN field
    await page.getByRole('button', { name: 'Add provider' }).first().click();
    await dialog.getByLabel('Name').fill(`${name} again`);
    await dialog.getByLabel('UKPRN').fill(ukprn);
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog.getByLabel('UKPRN')).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');

    await page.getByRole('table', { name: 'Providers' }).getByRole('link', { name }).click();
    await page.getByLabel('Name').fill(`${name} renamed`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${name} renamed` })).toBeVisible();

    // the list exports to Excel
    await page.goto('/admin/providers');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Providers.xlsx');
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container, as .xlsx files are

    // the change is in the audit log with before and after
    await page.goto('/admin/audit?entity_type=provider');
    await expect(page.getByRole('table', { name: 'Audit events' })).toContainText(`${name} renamed`);
  });

  test('reads emails in the outbox and changes the password policy', async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto('/admin/outbox');
    const table = page.getByRole('table', { name: 'Emails' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const read = table.getByRole('button', { name: /^Read email/ }).first();
    await read.click();
    await expect(table.getByRole('button', { name: /^Hide email/ }).first()).toHaveAttribute('aria-expanded', 'true');
    await expect(table.locator('pre').first()).toContainText('http');

    await page.goto('/admin/settings');
    await page.getByRole('radio', { name: /Strong/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
    await page.getByRole('radio', { name: /Standard/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved').first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: /Standard/ })).toBeChecked();
  });
});

test('a disabled account cannot sign in until it is enabled again', async ({ page }) => {
  const user = await createUserWithPassword('disabled', { settle: true });
  await signInAsAdmin(page);
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByText('Disabled', { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, user.username, user.password);
  await expect(signInProblem(page)).toContainText(/account is disabled — contact your administrator/i);

  await signInAsAdmin(page);
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole('button', { name: 'Enable account' }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, user.username, user.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
});
