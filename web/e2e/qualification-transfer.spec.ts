// Learner qualifications import/export end to end (manual 9), against the real server: a learner
// manager at a provider whose learners cannot add qualifications exports Year 12 and downloads the
// spreadsheet; imports a CSV of the learners' qualifications with a grade that is not on the list
// and sees the error by row; imports the corrected file; and finds the qualification on the
// learner's page.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { createUserWithPassword, expect, expectAccessible, signIn, test, unique } from './helpers';
import { admin } from './learner-fixtures';

const IDENTITY = 'Account ID,UPN,ULN,Forename,Surname,Date of birth,Current provider,Current area';
const SET_1 = 'Qualification type 1,Qualification subject 1,Qualification completion date 1,Qualification predicted grade 1,Qualification actual grade 1';
const HEADINGS = `${IDENTITY},${SET_1}`;

interface Item {
  code: string;
  label: string;
}

interface LearnerRead {
  id: number;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  provider_name: string;
  upn: string | null;
  uln: string | null;
}

/** One CSV line; fields with commas or quotes are quoted. */
function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

/** A ULN no other test uses, with its check digit (DD01): ten digits, not starting with 0. */
function randomUln(): string {
  for (;;) {
    const nine = `${1 + Math.floor(Math.random() * 9)}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    let total = 0;
    for (let i = 0; i < 9; i += 1) total += Number(nine[i]) * (10 - i);
    const remainder = total % 11;
    if (remainder !== 0) return `${nine}${10 - remainder}`;
  }
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const r = await api.get(url);
  expect(r.status(), `${url}: ${await r.text()}`).toBe(200);
  return (await r.json()) as T;
}

function byCode(items: Item[], code: string, what: string): Item {
  const found = items.find((i) => i.code === code) ?? items.find((i) => i.label.toLowerCase() === code.toLowerCase());
  expect(found, `${what} "${code}" among ${JSON.stringify(items)}`).toBeTruthy();
  return found!;
}

const exportOutcome = (page: Page) => page.getByRole('region', { name: 'Export outcome' });
const importOutcome = (page: Page) => page.getByRole('region', { name: 'Import outcome' });
const fileField = (page: Page) => page.getByLabel('Spreadsheet to import', { exact: true });

test('exports Year 12 to a spreadsheet, then imports qualifications: errors by row, then success', async ({ page }) => {
  test.setTimeout(180_000);
  const api = await admin();

  // a provider whose learners cannot add qualifications: their managers add them
  const ukprn = `1${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-7)}`;
  const made = await api.post('/api/v1/providers', {
    data: { name: unique('Quals Transfer School '), ukprn, local_authority: 'Gloucestershire', learners_add_qualifications: false },
  });
  expect(made.status(), await made.text()).toBe(201);
  const providerId = ((await made.json()) as { id: number }).id;
  const provider = await getJson<{ id: number; name: string; local_authority: string | null; learners_add_qualifications: boolean }>(api, `/api/v1/providers/${providerId}`);
  expect(provider.learners_add_qualifications).toBe(false);

  // the labels the spreadsheet uses, from the reference lists
  const yearGroup = byCode(await getJson<Item[]>(api, '/api/v1/reference/year-groups'), 'year_12', 'year group');
  const gcse = byCode(await getJson<Item[]>(api, '/api/v1/reference/qualification-types'), 'gcse', 'qualification type');
  const maths = byCode(await getJson<Item[]>(api, `/api/v1/reference/qualification-types/${gcse.code}/subjects`), 'mathematics', 'GCSE subject');
  const grades = await getJson<Item[]>(api, `/api/v1/reference/qualification-types/${gcse.code}/grades`);
  const seven = byCode(grades, '7', 'GCSE grade');
  const badGrade = 'Z9';
  expect(grades.some((g) => g.label.toLowerCase() === badGrade.toLowerCase() || g.code === badGrade.toLowerCase())).toBe(false);

  // two Year 12 learners, one with a ULN; read back as the API keeps them
  const tag = unique('Qt');
  const learners: LearnerRead[] = [];
  for (const [first, uln] of [
    ['Ada', randomUln()],
    ['Bea', ''],
  ] as const) {
    const r = await api.post('/api/v1/learners', {
      data: {
        username: unique(`qt.${first}.`).toLowerCase(),
        password: 'Start123!',
        first_name: first,
        last_name: `${tag}${first}`,
        date_of_birth: '2008-04-01',
        year_group: yearGroup.code,
        provider_id: provider.id,
        ...(uln ? { uln } : {}),
      },
    });
    expect(r.status(), await r.text()).toBe(201);
    learners.push(await getJson<LearnerRead>(api, `/api/v1/learners/${((await r.json()) as { id: number }).id}`));
  }
  await api.dispose();

  const manager = await createUserWithPassword('qt.lm', { roles: [{ role: 'learner_manager', scope_type: 'provider', scope_id: provider.id }], settle: true });

  const completion = `${new Date().getFullYear() + 1}-06`;
  const identity = (l: LearnerRead) => [String(l.id), l.upn ?? '', l.uln ?? '', l.first_name, l.last_name, l.date_of_birth, l.provider_name, provider.local_authority ?? ''];
  const row = (l: LearnerRead, predicted: string) => csvLine([...identity(l), gcse.label, maths.label, completion, predicted, '']);
  const dir = await mkdtemp(path.join(tmpdir(), 'lt-quals-'));
  const badFile = path.join(dir, `${tag}-with-mistakes.csv`);
  // row 3: a grade that GCSEs do not have
  await writeFile(badFile, [HEADINGS, row(learners[0], seven.label), row(learners[1], badGrade)].join('\r\n') + '\r\n');
  const goodFile = path.join(dir, `${tag}-corrected.csv`);
  await writeFile(goodFile, [HEADINGS, row(learners[0], seven.label), row(learners[1], seven.label)].join('\r\n') + '\r\n');

  await signIn(page, manager.username, manager.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();

  await test.step('the page opens on the Export tab with no exports yet', async () => {
    await page.goto('/learners');
    await page.getByRole('link', { name: 'Learner qualifications import/export' }).click();
    await expect(page).toHaveURL(/\/learners\/qualifications-transfer/);
    await expect(page.getByRole('heading', { level: 1, name: 'Learner qualifications import/export' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Export' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('table', { name: 'Previous exports' }).getByText('No exports yet')).toBeVisible();
    await expectAccessible(page, 'learner qualifications export tab');
  });

  await test.step('export Year 12 and download the spreadsheet', async () => {
    await page.getByLabel('Learner year group').selectOption({ label: yearGroup.label });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const link = exportOutcome(page).getByRole('link', { name: 'Download the export (.xlsx)' });
    await expect(link).toBeVisible({ timeout: 60_000 });
    await expect(exportOutcome(page)).toContainText('2 learners');
    await expect(link).toHaveAttribute('href', /\/api\/v1\/jobs\/\d+\/result$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`learner-qualifications-${yearGroup.code}.xlsx`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const history = page.getByRole('table', { name: 'Previous exports' });
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(history.getByRole('row').nth(1)).toContainText('Ready');
    await expect(history.getByRole('link', { name: /^Download the export requested on / })).toBeVisible();
    await expectAccessible(page, 'learner qualifications export tab with a finished export');
  });

  await test.step('the Import tab: the explanation and no imports yet', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await expect(page.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText(/Do not change the columns that identify the learner/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Previous imports' }).getByText('No imports yet')).toBeVisible();
    await expectAccessible(page, 'learner qualifications import tab');
  });

  await test.step('a file with a grade not on the list: nothing imported, the error by row', async () => {
    await fileField(page).setInputFiles(badFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importOutcome(page).getByText('The import failed', { exact: true })).toBeVisible({ timeout: 30_000 });
    const errors = importOutcome(page).getByRole('table', { name: 'Errors in the file' });
    const bad = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: badGrade, exact: true }) });
    await expect(bad).toHaveCount(1);
    await expect(bad.getByRole('cell').first()).toHaveText('3');
    await expect(bad.getByRole('cell').nth(1)).toHaveText(/predicted grade 1/i);
    await expectAccessible(page, 'learner qualifications import with errors');

    const history = page.getByRole('table', { name: 'Previous imports' });
    await expect(history.getByRole('row').filter({ hasText: path.basename(badFile) })).toContainText('Failed');
  });

  await test.step('the corrected file: the qualifications are imported', async () => {
    await fileField(page).setInputFiles(goodFile);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importOutcome(page).getByText('2 qualifications imported', { exact: true })).toBeVisible({ timeout: 30_000 });
    const history = page.getByRole('table', { name: 'Previous imports' });
    await expect(history.getByRole('row').filter({ hasText: path.basename(goodFile) })).toContainText('Imported');
  });

  await test.step("the learner's page shows the GCSE Mathematics qualification", async () => {
    await page.goto(`/learners/${learners[0].id}`);
    await expect(page.getByRole('heading', { level: 1, name: `${learners[0].first_name} ${learners[0].last_name}` })).toBeVisible();
    await page.getByRole('tab', { name: /^Qualifications/ }).click();
    const table = page.getByRole('table', { name: 'Qualifications' });
    const mathsRow = table.getByRole('row').filter({ has: page.getByRole('cell', { name: maths.label, exact: true }) });
    await expect(mathsRow).toHaveCount(1);
    await expect(mathsRow.getByRole('cell').first()).toHaveText(gcse.label);
    await expect(mathsRow.getByRole('cell').nth(3)).toHaveText(seven.label);
  });
});
