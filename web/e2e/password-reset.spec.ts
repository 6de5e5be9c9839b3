import { createUserWithPassword, expect, linkIn, signIn, test, waitForMail } from './helpers';

test('a forgotten password is reset through the emailed link', async ({ page }) => {
  const user = await createUserWithPassword('forgetful', { settle: true });

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten your password?' })).toBeVisible();
  await page.getByLabel('Username or email address').fill(user.username);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('Check your email');

  const mail = await waitForMail(user.email, /password/i);
  const path = linkIn(mail, '/reset-password/');
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText(/6 to 20 characters/)).toBeVisible();

  // the policy is checked and mismatches are caught
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Reset-Pass9');
  await page.getByLabel('Confirm new password').fill('Reset-Pass8');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('The passwords do not match')).toBeVisible();

  await page.getByLabel('Confirm new password').fill('Reset-Pass9');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your password has been saved' })).toBeVisible();

  await signIn(page, user.username, 'Reset-Pass9');
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();

  // the link works once only
  await page.goto(path);
  await expect(page.getByRole('alert')).toContainText('This link has expired or been used');
});

test('asking for a reset of an unknown account looks the same', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Username or email address').fill('nobody-here@example.org');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account matches what you entered');
});

test('a made-up reset link is refused', async ({ page }) => {
  await page.goto('/reset-password/not-a-real-token');
  await expect(page.getByRole('alert')).toContainText('This link has expired or been used');
});
