// Learner import end to end (manual 7.2–7.5), against the real server: a learner manager imports a
// CSV with mistakes and sees the errors by row and column; imports the corrected file of three
// learners; finds them, with their generated passwords, under "Learners who have not logged in";
// one of them signs in with that password and must choose a new one — and leaves the list.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { createUserWithPassword, expect, expectAccessible, signIn, signOut, test, unique } from './helpers';
import { admin, makeProvider } from './learner-fixtures';

const HEADINGS = 'UKPRN,Learner year group,First name,Last name,Postcode,Date of birth,Email address,ULN';

/** One CSV line; fields with commas or quotes are quoted. */
function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

async function expectWorkbook(download: Download, filename: string | RegExp) {
  if (typeof filename === 'string') expect(download.suggestedFilename()).toBe(filename);
  else expect(download.suggestedFilename()).toMatch(filename);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
}

const outcome = (page: Page) => page.getByRole('region', { name: 'Import outcome' });
const fileField = (page: Page) => page.getByLabel('Spreadsheet to import', { exact: true });

test('imports learners from a CSV: errors by row, then success, generated passwords, first sign-in', async ({ page }) => {
  test.setTimeout(180_000);

  // a provider of our own, its UKPRN read back from the API, and the year groups' labels
  const api = await admin();
  const provider = await makeProvider(api);
  const read = await api.get(`/api/v1/providers/${provider.id}`);
  expect(read.status(), await read.text()).toBe(200);
  const { ukprn } = (await read.json()) as { ukprn: string };
  const years = await api.get('/api/v1/reference/year-groups');
  expect(years.status(), await years.text()).toBe(200);
  const yearGroups = (await years.json()) as { code: string; label: string }[];
  const yearGroup = (yearGroups.find((y) => y.code === 'year_12') ?? yearGroups[0]).label;
  await api.dispose();

  const manager = await createUserWithPassword('import.lm', { roles: [{ role: 'learner_manager' }], settle: true });
  const tag = unique('Imp');
  const learners = [
    { first: 'Ada', last: `${tag}Ada`, postcode: 'GL50 3SH', dob: '2008-01-01', shownDob: '01 Jan 2008', email: `ada.${tag.toLowerCase()}@example.org` },
    { first: 'Bea', last: `${tag}Bea`, postcode: 'GL1 1AA', dob: '2008-02-29', shownDob: '29 Feb 2008', email: '' },
    { first: 'Cal', last: `${tag}Cal`, postcode: 'SW1A 1AA', dob: '2009-09-30', shownDob: '30 Sep 2009', email: '' },
  ];

  const dir = await mkdtemp(path.join(tmpdir(), 'lt-import-'));
  const badFile = path.join(dir, `${tag}-with-mistakes.csv`);
  await writeFile(
    badFile,
    [
      HEADINGS,
      csvLine([ukprn, yearGroup, learners[0].first, learners[0].last, learners[0].postcode, learners[0].dob, learners[0].email, '']),
      // row 3: a postcode that cannot be and a date that does not exist
      csvLine([ukprn, yearGroup, learners[1].first, learners[1].last, 'NOT A CODE', '2008-02-31', '', '']),
    ].join('\r\n') + '\r\n',
  );
  const goodFile = path.join(dir, `${tag}-corrected.csv`);
  await writeFile(goodFile, [HEADINGS, ...learners.map((l) => csvLine([ukprn, yearGroup, l.first, l.last, l.postcode, l.dob, l.email, '']))].join('\r\n') + '\r\n');
  const notSpreadsheet = path.join(dir, `${tag}-notes.pdf`);
  await writeFile(notSpreadsheet, '%PDF-1.4\nThese are notes, not learners.\n');

  await signIn(page, manager.username, manager.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();

  await test.step('the import page: template, file picker and an empty history', async () => {
    await page.goto('/learners');
    await page.getByRole('link', { name: 'Import learners' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import learners' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download the import template' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Previous imports' }).getByText('No imports yet')).toBeVisible();
    await expectAccessible(page, 'import learners page');
  });

  await test.step('a file that is not a spreadsheet is refused beside the file field', async () => {
    await fileField(page).setInputFiles(notSpreadsheet);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(fileField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(fileField(page)).toBeFocused();
    await expect(outcome(page)).toHaveCount(0);
    await expectAccessible(page, 'import learners page with an upload error');
  });

  await test.step('a file with mistakes: nothing imported, the errors by row and column', async () => {
    await fileField(page).setInputFiles(badFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(fileField(page)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(outcome(page).getByText('The import failed', { exact: true })).toBeVisible({ timeout: 30_000 });

    const errors = outcome(page).getByRole('table', { name: 'Errors in the file' });
    const postcode = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: /^Postcode/ }) });
    await expect(postcode).toHaveCount(1);
    await expect(postcode.getByRole('cell').first()).toHaveText('3');
    await expect(postcode).toContainText('NOT A CODE');
    const dob = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: /^Date of birth/ }) });
    await expect(dob).toHaveCount(1);
    await expect(dob.getByRole('cell').first()).toHaveText('3');
    await expect(dob).toContainText('2008-02-31');
    await expectAccessible(page, 'import learners page with a failed import');

    const [download] = await Promise.all([page.waitForEvent('download'), outcome(page).getByRole('link', { name: 'Download the errors (.xlsx)' }).click()]);
    await expectWorkbook(download, /\.xlsx$/);

    const history = page.getByRole('table', { name: 'Previous imports' });
    const row = history.getByRole('row').filter({ hasText: path.basename(badFile) });
    await expect(row).toContainText('Failed');
    await expect(row.getByRole('link', { name: path.basename(badFile) })).toHaveAttribute('href', /\/imports\/\d+$/);
  });

  await test.step('the corrected file: three learners imported', async () => {
    await fileField(page).setInputFiles(goodFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(outcome(page).getByText('3 learners imported', { exact: true })).toBeVisible({ timeout: 30_000 });
    const history = page.getByRole('table', { name: 'Previous imports' });
    await expect(history.getByRole('row').filter({ hasText: path.basename(goodFile) })).toContainText('Imported');

    // the earlier, failed import keeps its own page with its errors
    await history.getByRole('link', { name: path.basename(badFile) }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Import of ${path.basename(badFile)}` })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Errors in the file' }).getByRole('cell', { name: 'NOT A CODE' })).toBeVisible();
    await expectAccessible(page, 'import page of a failed import');
    await page.goBack();
    await expect(outcome(page).getByText('3 learners imported', { exact: true })).toBeVisible();
  });

  const credentials: { username: string; password: string }[] = [];
  const list = page.getByRole('table', { name: 'Learners who have not logged in' });

  await test.step('the three are listed with generated passwords among learners who have not logged in', async () => {
    await outcome(page).getByRole('link', { name: 'View learners who have not logged in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Learners who have not logged in' })).toBeVisible();
    // only our provider's learners, as the provider filter would show them
    await page.goto(`/learners/never-logged-in?provider_id=${provider.id}`);
    await expect(list.getByRole('row')).toHaveCount(1 + learners.length);
    for (const l of learners) {
      const row = list.getByRole('row').filter({ hasText: l.last });
      const cells = row.getByRole('cell');
      await expect(cells.nth(0)).toHaveText(provider.name);
      await expect(cells.nth(1)).toHaveText(l.first);
      await expect(cells.nth(3)).toHaveText(l.postcode);
      await expect(cells.nth(5)).toHaveText(l.shownDob);
      const username = (await cells.nth(6).innerText()).trim();
      const password = (await cells.nth(7).innerText()).trim();
      expect(username.length).toBeGreaterThan(0);
      expect(password).not.toBe('Set by a manager');
      expect(password.length).toBeGreaterThanOrEqual(6);
      credentials.push({ username, password });
    }
    expect(new Set(credentials.map((c) => c.username)).size).toBe(learners.length);
    await expectAccessible(page, 'learners who have not logged in');

    const link = page.getByRole('link', { name: 'Download learners who have not logged in' });
    await expect(link).toHaveAttribute('href', new RegExp(`never-logged-in\\.xlsx\\?provider_id=${provider.id}$`));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    await expectWorkbook(download, 'learners-never-logged-in.xlsx');
  });

  await test.step('a learner signs in with the generated password and must choose a new one', async () => {
    await signOut(page);
    await signIn(page, credentials[0].username, credentials[0].password);
    await expect(page).toHaveURL(/\/change-password$/);
    await page.getByLabel('Current password').fill(credentials[0].password);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Chosen-Pass1');
    await page.getByLabel('Confirm new password').fill('Chosen-Pass1');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Welcome, ${learners[0].first}`) })).toBeVisible();
    await signOut(page);
  });

  await test.step('that learner has left the list; the other two are still on it', async () => {
    await signIn(page, manager.username, manager.password);
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await page.goto(`/learners/never-logged-in?provider_id=${provider.id}`);
    await expect(list.getByRole('row')).toHaveCount(learners.length);
    await expect(list.getByRole('row').filter({ hasText: learners[0].last })).toHaveCount(0);
    await expect(list.getByRole('cell', { name: credentials[1].username, exact: true })).toBeVisible();
    await expect(list.getByRole('cell', { name: credentials[2].username, exact: true })).toBeVisible();
  });
});
