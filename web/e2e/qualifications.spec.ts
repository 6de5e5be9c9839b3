// Qualifications (manual 5.4) against the real server: a manager adds a learner's qualifications —
// a field error from the server first, then "Save and add another qualification", then Save — and
// completes the section; an administrator adds a subject that the form then offers.
import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN, apiAs, expect, expectAccessible, signInAsAdmin, test, unique } from './helpers';

async function learnerToManage(): Promise<{ id: number; name: string }> {
  const api: APIRequestContext = await apiAs(ADMIN.username, ADMIN.password);
  const ukprn = `1${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-7)}`;
  const provider = await api.post('/api/v1/providers', { data: { name: unique('Quals School '), ukprn } });
  expect(provider.status(), await provider.text()).toBe(201);
  const lastName = unique('Quals');
  const r = await api.post('/api/v1/learners', {
    data: {
      username: unique('qual.').toLowerCase(),
      password: 'Start123!',
      first_name: 'Quin',
      last_name: lastName,
      date_of_birth: '2008-04-01',
      year_group: 'year_12',
      provider_id: ((await provider.json()) as { id: number }).id,
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  const { id } = (await r.json()) as { id: number };
  await api.dispose();
  return { id, name: `Quin ${lastName}` };
}

const addForm = (page: Page) => page.getByRole('form', { name: 'Add a qualification' });

async function fillQualification(page: Page, q: { subject: string; month: string; year: string; predicted?: string; actual?: string }) {
  const form = addForm(page);
  await form.getByLabel('Type of qualification').selectOption({ label: 'GCSE (9–1)' });
  await form.getByLabel('Subject').selectOption({ label: q.subject });
  await form.getByLabel('Month').selectOption({ label: q.month });
  await form.getByLabel('Year').selectOption(q.year);
  if (q.predicted) await form.getByLabel('Predicted grade').selectOption({ label: q.predicted });
  if (q.actual) await form.getByLabel('Actual grade').selectOption({ label: q.actual });
}

test('a manager adds qualifications: a field error, "save and add another", save, then completes the section', async ({ page }) => {
  const learner = await learnerToManage();
  const thisYear = new Date().getFullYear();
  await signInAsAdmin(page);
  await page.goto(`/learners/${learner.id}`);
  await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible();
  await page.getByRole('tab', { name: /^Qualifications/ }).click();
  await expect(page.getByText('No qualifications have been added for this learner yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Start adding qualifications' }).click();

  // an actual grade for a month still to come: the server's error lands beside the field
  await fillQualification(page, { subject: 'Mathematics', month: 'June', year: String(thisYear + 1), actual: '7' });
  await addForm(page).getByRole('button', { name: 'Save and add another qualification' }).click();
  await expect(addForm(page).getByLabel('Actual grade')).toHaveAttribute('aria-invalid', 'true');
  await expect(addForm(page).getByText('An actual grade needs a completion month that has passed')).toBeVisible();
  await expectAccessible(page, 'the qualification form with a server error');

  // corrected: saved, and the form is ready for the next one with the type kept
  await addForm(page).getByLabel('Year').selectOption(String(thisYear - 1));
  await addForm(page).getByRole('button', { name: 'Save and add another qualification' }).click();
  const table = page.getByRole('table', { name: 'Qualifications' });
  await expect(table.getByRole('cell', { name: 'Mathematics', exact: true })).toBeVisible();
  await expect(addForm(page).getByLabel('Type of qualification')).toHaveValue('gcse');
  await expect(addForm(page).getByLabel('Subject')).toHaveValue('');

  await fillQualification(page, { subject: 'English Language', month: 'August', year: String(thisYear + 1), predicted: '6' });
  await addForm(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(table.getByRole('cell', { name: 'English Language', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: `August ${thisYear + 1}` })).toBeVisible();
  await expect(addForm(page)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 15_000 }); // the saved notices have gone
  await expectAccessible(page, 'the learner page with qualifications');

  await page.getByRole('button', { name: 'I have added all of their qualifications' }).click();
  await expect(page.getByRole('button', { name: 'Update their qualifications' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit GCSE/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a qualification' })).toHaveCount(0);
});

test('an administrator adds a subject that the qualification form then offers', async ({ page }) => {
  const learner = await learnerToManage();
  const subject = unique('Astronomy ');
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Qualifications' }).click();
  await page.mouse.move(0, 0); // a hovered link has other colours than the ones axe should check
  await expect(page.getByRole('heading', { level: 1, name: 'Qualifications' })).toBeVisible();
  await page.getByLabel('Type to edit').selectOption({ label: 'GCSE (9–1)' });
  await expect(page.getByRole('table', { name: 'Subjects of GCSE (9–1)' })).toBeVisible();
  await expectAccessible(page, '/admin/qualifications');
  const addSubject = page.getByRole('form', { name: 'Add a subject' });
  await addSubject.getByRole('button', { name: 'Add subject' }).click();
  await expect(addSubject.getByText('Enter the name of the subject.')).toBeVisible();
  await addSubject.getByLabel('New subject').fill(subject);
  await addSubject.getByRole('button', { name: 'Add subject' }).click();
  await expect(page.getByRole('table', { name: 'Subjects of GCSE (9–1)' }).getByRole('cell', { name: subject, exact: true })).toBeVisible();

  await page.goto(`/learners/${learner.id}`);
  await page.getByRole('tab', { name: /^Qualifications/ }).click();
  await page.getByRole('button', { name: 'Start adding qualifications' }).click();
  await addForm(page).getByLabel('Type of qualification').selectOption({ label: 'GCSE (9–1)' });
  await addForm(page).getByLabel('Subject').selectOption({ label: subject });
  await expect(addForm(page).getByLabel('Subject')).not.toHaveValue('');
});
