// Learners (manual 4, 5.1, 5.2, 6): the dashboard, the list and its downloads, creating, editing,
// resetting a password and deleting — against the real server. Each test makes its own provider and learners.
import { readFile } from 'node:fs/promises';
import { request, type Page } from '@playwright/test';
import { baseUrl, expect, expectAccessible, signIn, signInAsAdmin, test, unique } from './helpers';
import { admin, makeLearner, makeProvider, type Made } from './learner-fixtures';

async function searchList(page: Page, text: string) {
  await page.getByLabel('Search').fill(text);
}

const learnersTable = (page: Page) => page.getByRole('table', { name: 'Learners' });

test('creates a learner: field errors first, then "create and add another", then save', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  await api.dispose();
  const last1 = unique('Adder');
  const last2 = unique('Second');

  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learners' })).toBeVisible();
  await page.getByRole('link', { name: 'Create learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create learner' })).toBeVisible();

  // nothing filled in: the client's checks, focus on the first field in error
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a username')).toBeVisible();
  await expect(page.getByLabel('Username')).toBeFocused();
  await expect(page.getByText('Enter the date of birth')).toBeVisible();

  // the server's checks: an impossible postcode and telephone number land beside their fields
  const username1 = unique('adder.').toLowerCase();
  await page.getByLabel('Username').fill(username1);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Start123!');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('Start123!');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill(last1);
  await page.getByLabel('Date of birth').fill('2008-04-01');
  await page.getByLabel('Year group').selectOption({ label: 'Year 12' });
  await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: provider.name });
  await page.getByLabel('Postcode').fill('NOT A CODE');
  await page.getByLabel('Telephone number').fill('12345');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Telephone number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Postcode')).toBeFocused();
  await expectAccessible(page, '/learners/new with server errors');

  // corrected, and "Create learner and add another": a fresh form that keeps provider and year group
  await page.getByLabel('Postcode').fill('GL50 3SH');
  await page.getByLabel('Telephone number').fill('01632 960001');
  await page.getByLabel('Ethnic group').selectOption({ index: 1 });
  await page.getByRole('radio', { name: 'Yes' }).first().check();
  await page.getByRole('button', { name: 'Create learner and add another' }).click();
  await expect(page.getByText(new RegExp(`Ada ${last1} \\(${username1}\\) is created`))).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue('');
  await expect(page.getByLabel('Last name')).toHaveValue('');
  await expect(page.getByLabel('Postcode')).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(String(provider.id));
  await expect(page.getByLabel('Year group')).toHaveValue('year_12');

  // the second learner, saved: its page opens
  const username2 = unique('second.').toLowerCase();
  await page.getByLabel('Username').fill(username2);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Start123!');
  await page.getByRole('textbox', { name: 'Confirm password' }).fill('Start123!');
  await page.getByLabel('First name').fill('Bea');
  await page.getByLabel('Last name').fill(last2);
  await page.getByLabel('Date of birth').fill('2009-09-30');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Bea ${last2}` })).toBeVisible();
  await expect(page).toHaveURL(/\/learners\/\d+$/);
  await expect(page.getByText('Must change password')).toBeVisible();

  // both are in the provider's list
  await page.goto(`/learners?provider_id=${provider.id}`);
  await expect(learnersTable(page).getByRole('cell', { name: username1, exact: true })).toBeVisible();
  await expect(learnersTable(page).getByRole('cell', { name: username2, exact: true })).toBeVisible();
  await expect(page.getByText('Showing 1–2 of 2')).toBeVisible();
});

test('searches the list by the start of a name', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const surname = unique('Zebedee');
  const wanted = await makeLearner(api, provider.id, surname);
  await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto('/learners');
  await searchList(page, surname.slice(0, -1).toLowerCase());
  const table = learnersTable(page);
  await expect(table.getByRole('cell', { name: wanted.username, exact: true })).toBeVisible();
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  await expect(page).toHaveURL(/q=/);

  await searchList(page, 'no-such-learner-anywhere');
  await expect(page.getByText('No learners match')).toBeVisible();

  // the name opens the learner
  await searchList(page, wanted.username);
  // the hidden first name follows the visible last name: "Zebedee, Lee" to a screen reader
  await table.getByRole('link', { name: new RegExp(`^${surname}\\s*, Lee$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Lee ${surname}` })).toBeVisible();
});

test('downloads the filtered list from the server as Excel and CSV', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const mine = await makeLearner(api, provider.id);
  const elsewhere = await makeLearner(api, (await makeProvider(api)).id);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto(`/learners?provider_id=${provider.id}`);
  await expect(learnersTable(page).getByRole('cell', { name: mine.username, exact: true })).toBeVisible();

  const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Excel' }).click()]);
  expect(excel.suggestedFilename()).toBe('learners.xlsx');
  expect(excel.url()).toContain(`/api/v1/learners.xlsx?provider_id=${provider.id}`);
  const workbook = await readFile((await excel.path())!);
  expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container, as .xlsx files are

  // the CSV holds the provider's learner and no one else's
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('learners.csv');
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFFUsername,First name,Last name,')).toBe(true);
  expect(text).toContain(`${mine.username},Lee,${mine.last_name},`);
  expect(text).not.toContain(elsewhere.username);
});

test('a dashboard count links to the list it counts, with the same total', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Your learners' })).toBeVisible();
  for (const [label, status, heading] of [
    ['Never logged in', 'never_logged_in', 'Learners: never logged in'],
    ['With incomplete profiles', 'incomplete_profile', 'Learners: incomplete profile'],
  ] as const) {
    await page.goto('/');
    const link = page.getByRole('link', { name: new RegExp(`^\\d+ ${label}$`) });
    const count = Number(await link.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/learners\\?status=${status}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue(status);
    await expect(page.getByText(new RegExp(`^Showing 1–\\d+ of ${count}$`))).toBeVisible();
  }

  // all learners
  await page.goto('/');
  const all = page.getByRole('link', { name: /^\d+ Learners$/ });
  const total = Number(await all.getAttribute('data-count'));
  await all.click();
  await expect(page).toHaveURL(/\/learners$/);
  await expect(page.getByText(new RegExp(`^Showing 1–\\d+ of ${total}$`))).toBeVisible();
});

test('resets a learner’s password; the one-time password signs them in', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto(`/learners?q=${learner.username}`);
  await page.getByRole('button', { name: `Reset password for Lee ${learner.last_name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset password' });
  await expect(confirm).toContainText(learner.username);
  await confirm.getByRole('button', { name: 'Reset password' }).click();
  const shown = page.getByRole('dialog', { name: 'New one-time password' });
  await expect(shown.getByRole('button', { name: 'Copy password' })).toBeVisible();
  await expectAccessible(page, 'one-time password dialog');
  const password = (await shown.getByTestId('one-time-password').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(6);
  expect(password).not.toBe(learner.password);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);

  // the new password signs the learner in (and must be changed)
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, learner.username, password);
  await expect(page).toHaveURL(/\/change-password$/);
});

test('deletes a learner after a confirmation naming them', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto(`/learners/${learner.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Lee ${learner.last_name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Delete learner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete learner' });
  await expect(dialog).toContainText(`Lee ${learner.last_name}`);
  await expect(dialog).toContainText(learner.username);
  await expectAccessible(page, 'delete learner dialog');
  await dialog.getByRole('button', { name: 'Delete learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learners' })).toBeVisible();
  await expect(page.getByText(`Lee ${learner.last_name} (${learner.username}) is deleted.`)).toBeVisible();
  await searchList(page, learner.username);
  await expect(page.getByText('No learners match')).toBeVisible();
  await page.goto(`/learners/${learner.id}`);
  await expect(page.getByText('This learner does not exist or has been deleted.')).toBeVisible();
});

test('deletes from the list’s row actions too', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto(`/learners?provider_id=${provider.id}`);
  await expect(learnersTable(page).getByRole('cell', { name: learner.username, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Delete Lee ${learner.last_name}` }).click();
  await page.getByRole('dialog', { name: 'Delete learner' }).getByRole('button', { name: 'Delete learner' }).click();
  await expect(page.getByText('No learners match')).toBeVisible();
});

test('edits a learner; a change made meanwhile by someone else is reported with a reload', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);

  await signInAsAdmin(page);
  await page.goto(`/learners/${learner.id}`);
  await page.getByRole('tab', { name: /^Additional information/ }).click();
  await page.getByLabel('Town').fill('Cheltenham');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Town')).toHaveValue('Cheltenham');

  // someone else edits it now
  const now = (await (await api.get(`/api/v1/learners/${learner.id}`)).json()) as Made;
  const r = await api.patch(`/api/v1/learners/${learner.id}`, { data: { street: 'High Street', version: now.version } });
  expect(r.status(), await r.text()).toBe(200);
  await api.dispose();

  await page.getByLabel('Locality').fill('Leckhampton');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this learner — reload' })).toBeVisible();
  await page.getByRole('button', { name: 'Reload the learner' }).click();
  await expect(page.getByLabel('Street')).toHaveValue('High Street');
  await expect(page.getByLabel('Locality')).toHaveValue('');

  // the history link
  await page.getByRole('link', { name: 'See the history of this learner' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?entity_type=learner&entity_id=${learner.id}$`));
  await expect(page.getByRole('table', { name: 'Audit events' })).toContainText('Cheltenham');
});

test('a locked-out learner is counted, badged and unlocked', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();
  // wrong passwords until the account locks
  const anon = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { Origin: baseUrl() } });
  for (let i = 1; i <= 5; i++) await anon.post('/api/v1/session', { data: { username: learner.username, password: `Wrong-${i}x` } });
  await anon.dispose();

  await signInAsAdmin(page);
  const locked = page.getByRole('link', { name: /^\d+ Locked out$/ });
  expect(Number(await locked.getAttribute('data-count'))).toBeGreaterThan(0);
  await locked.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learners: locked out' })).toBeVisible();
  const row = learnersTable(page).getByRole('row').filter({ hasText: learner.username });
  await expect(row.getByText('Locked', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Unlock Lee ${learner.last_name}` }).click();
  await expect(page.getByText(`Lee ${learner.last_name} can sign in again.`)).toBeVisible();
  await expect(learnersTable(page).getByRole('cell', { name: learner.username, exact: true })).toHaveCount(0);

  await page.goto(`/learners/${learner.id}`);
  await expect(page.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, learner.username, learner.password);
  await expect(page).toHaveURL(/\/change-password$/);
});

test('a provider links to its learners', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();
  await signInAsAdmin(page);
  await page.goto(`/admin/providers/${provider.id}`);
  await page.getByRole('link', { name: 'Learners at this provider' }).click();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(String(provider.id));
  await expect(learnersTable(page).getByRole('cell', { name: learner.username, exact: true })).toBeVisible();
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
});

test('learner pages have no serious accessibility problems', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  await api.dispose();

  await signInAsAdmin(page);
  for (const [path, heading] of [
    ['/', /Welcome/],
    ['/learners', 'Learners'],
    ['/learners?status=never_logged_in', 'Learners: never logged in'],
    ['/learners?q=no-such-learner', 'Learners'],
    ['/learners/new', 'Create learner'],
    [`/learners/${learner.id}`, `Lee ${learner.last_name}`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }
  await page.goto('/learners/new');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a username')).toBeVisible();
  await expectAccessible(page, '/learners/new with errors');

  // keyboard: tab to a row's action and open it
  await page.goto(`/learners?provider_id=${provider.id}`);
  const reset = page.getByRole('button', { name: `Reset password for Lee ${learner.last_name}` });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Reset password' }).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'reset password confirmation');
  await page.keyboard.press('Escape');
  await expect(reset).toBeFocused();

  // on a phone
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/learners');
  await expect(page.getByRole('heading', { level: 1, name: 'Learners' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, '/learners on a phone');
});
