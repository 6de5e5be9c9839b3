import { ADMIN, expect, FIRST_LOGIN_USER, signIn, signOut, test, signInProblem } from './helpers';

test.describe('signing in', () => {
  test('wrong password says so, without saying which part was wrong', async ({ page }) => {
    await signIn(page, ADMIN.username, 'not-the-password1');
    await expect(signInProblem(page)).toContainText(/invalid username or password/i);
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a missing field is reported beside it', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your username')).toBeVisible();
    await expect(page.getByLabel('Username')).toBeFocused();
  });

  test('a signed-out visitor is sent to the sign-in page and back afterwards', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  });

  test('first sign-in with a password set by someone else forces a change', async ({ page }) => {
    await signIn(page, FIRST_LOGIN_USER.username, FIRST_LOGIN_USER.initialPassword);
    await expect(page).toHaveURL(/\/change-password$/);
    await expect(page.getByText('You must choose a new password before you continue.')).toBeVisible();

    // other pages are not reachable until the password is changed
    await page.goto('/account');
    await expect(page).toHaveURL(/\/change-password$/);

    await page.getByLabel('Current password').fill(FIRST_LOGIN_USER.initialPassword);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Chosen-Pass1');
    await page.getByLabel('Confirm new password').fill('Chosen-Pass1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Welcome, Fred/ })).toBeVisible();

    // a viewer sees only what a viewer may use
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

    await signOut(page);
    await signIn(page, FIRST_LOGIN_USER.username, 'Chosen-Pass1');
    await expect(page.getByRole('heading', { level: 1, name: /Welcome, Fred/ })).toBeVisible();
  });

  test('an administrator sees the administration pages and can sign out', async ({ page }) => {
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Ada' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Users', 'Providers', 'Email outbox', 'Audit log', 'Settings']) await expect(nav.getByRole('link', { name })).toBeVisible();
    await signOut(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });
});
