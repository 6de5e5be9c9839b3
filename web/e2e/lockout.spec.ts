import { ADMIN, createUserWithPassword, expect, signIn, signOut, test, signInProblem } from './helpers';

test('five wrong passwords lock the account until an administrator unlocks it', async ({ page }) => {
  const user = await createUserWithPassword('locky', { settle: true });

  for (let i = 1; i <= 5; i++) {
    await signIn(page, user.username, `Wrong-${i}x`);
    await expect(signInProblem(page)).toContainText(/invalid username or password|locked/i);
  }
  // now even the right password is refused
  await signIn(page, user.username, user.password);
  await expect(signInProblem(page)).toContainText(/account is locked — contact your administrator/i);

  // the administrator sees the lock and lifts it
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByText('Locked', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Unlock account' }).click();
  await expect(page.getByText(`${user.username} is unlocked`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock account' })).toHaveCount(0);
  await expect(page.getByText('Locked', { exact: true })).toHaveCount(0);
  await signOut(page);

  await signIn(page, user.username, user.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
});
