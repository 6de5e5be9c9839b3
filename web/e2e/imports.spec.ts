// Learner import (manual 7.2): from the learner list a learner manager opens "Import learners" and
// downloads the blank template, a real .xlsx from the server. Against the real server.
import { readFile } from 'node:fs/promises';
import { createUserWithPassword, expect, expectAccessible, signIn, test } from './helpers';

test('a learner manager downloads the learner import template', async ({ page }) => {
  const manager = await createUserWithPassword('import.lm', { roles: [{ role: 'learner_manager' }], settle: true });
  await signIn(page, manager.username, manager.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();

  await page.goto('/learners');
  await page.getByRole('link', { name: 'Import learners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import learners' })).toBeVisible();
  await expectAccessible(page, 'import learners page');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the import template' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('learner-import-template.xlsx');
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(2000);
});
