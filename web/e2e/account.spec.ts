import { createUserWithPassword, expect, signIn, signOut, test, signInProblem } from './helpers';

test.describe('the account page', () => {
  test('changing the password', async ({ page }) => {
    const user = await createUserWithPassword('changer', { settle: true });
    await signIn(page, user.username, user.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('tab', { name: 'Password' }).click();

    // a wrong current password is reported at that field
    await page.getByLabel('Current password').fill('Not-mine-1');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Brand-New7');
    await page.getByLabel('Confirm new password').fill('Brand-New7');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Your new password is saved.')).toBeVisible();

    await signOut(page);
    await signIn(page, user.username, user.password);
    await expect(signInProblem(page)).toContainText(/invalid username or password/i);
    await signIn(page, user.username, 'Brand-New7');
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  });

  test('editing personal details', async ({ page }) => {
    const user = await createUserWithPassword('details', { settle: true });
    await signIn(page, user.username, user.password);
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByRole('tab', { name: 'Personal details' })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('First name').fill('Jo');
    await page.getByLabel('Telephone').fill('01632 960001');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Your personal details are up to date.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('First name')).toHaveValue('Jo');
    await expect(page.getByLabel('Telephone')).toHaveValue('01632 960001');
  });

  test('changing the username signs the user out', async ({ page }) => {
    const user = await createUserWithPassword('renamer', { settle: true });
    const newName = `${user.username}x`;
    await signIn(page, user.username, user.password);
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await page.goto('/account?tab=username');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('ab');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/must be between 6 and 256 characters/)).toBeVisible();
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill(newName);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('status').filter({ hasText: 'Your username has been changed' })).toBeVisible();
    await signIn(page, newName, user.password);
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  });
});
