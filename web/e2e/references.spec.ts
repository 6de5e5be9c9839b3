// References (manual 5.5): a learner manager writes a learner's reference — an error beside
// "Further details" when a rating is below average and none are given, completion into version 1,
// reopening and completing again into version 2 — and the learner can read it only once it is
// displayed to them. Each test makes its own provider, manager and learner.
import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN, apiAs, createUserWithPassword, expect, expectAccessible, signIn, test, unique } from './helpers';

const CRITERIA = [
  'Relationship with staff',
  'Relationship with other students',
  'Self discipline',
  'Punctuality',
  'General academic ability',
  'Health',
  'Involvement in school life',
  'Behaviour',
  'Commitment to learning',
];

interface World {
  learnerId: number;
  learner: { username: string; password: string };
  manager: { username: string; password: string };
}

async function setUp(): Promise<World> {
  const admin = await apiAs(ADMIN.username, ADMIN.password);
  const ukprn = `1${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-7)}`;
  const p = await admin.post('/api/v1/providers', {
    data: { name: unique('Referee School '), ukprn, default_referee: { name: 'Miss Jane Smith', position: 'Pastoral manager', telephone: '01245 789632', email: 'jane.smith@example.org' } },
  });
  expect(p.status(), await p.text()).toBe(201);
  const provider = (await p.json()) as { id: number };
  const username = unique('ref.').toLowerCase();
  const l = await admin.post('/api/v1/learners', {
    data: { username, password: 'Start123!', first_name: 'Rhea', last_name: unique('Referenced'), date_of_birth: '2008-04-01', year_group: 'year_12', provider_id: provider.id },
  });
  expect(l.status(), await l.text()).toBe(201);
  const learnerId = ((await l.json()) as { id: number }).id;
  await admin.dispose();

  const learner = await apiAs(username, 'Start123!');
  const changed = await learner.put('/api/v1/me/password', { data: { current_password: 'Start123!', new_password: 'Settled2!' } });
  expect(changed.status(), await changed.text()).toBe(200);
  await learner.dispose();

  const manager = await createUserWithPassword('refmgr', { roles: [{ role: 'learner_manager', scope_type: 'provider', scope_id: provider.id }], settle: true });
  return { learnerId, learner: { username, password: 'Settled2!' }, manager };
}

async function learnerSees(world: World): Promise<number | null> {
  const ctx: APIRequestContext = await apiAs(world.learner.username, world.learner.password);
  const r = await ctx.get('/api/v1/me/learner/reference');
  const number = r.status() === 200 ? ((await r.json()) as { number: number }).number : null;
  if (number === null) expect(r.status()).toBe(404);
  await ctx.dispose();
  return number;
}

const form = (page: Page) => page.getByRole('form', { name: 'Reference' });
const versions = (page: Page) => page.getByRole('table', { name: 'Reference versions' });

async function rateAll(page: Page, rating: string) {
  for (const c of CRITERIA) await form(page).getByRole('combobox', { name: c, exact: true }).selectOption({ label: rating });
}

test('a manager completes a reference, fixes the missing details, and records a second version', async ({ page }) => {
  const world = await setUp();
  await signIn(page, world.manager.username, world.manager.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  await page.goto(`/learners/${world.learnerId}`);
  await page.getByRole('tab', { name: /^Reference/ }).click();
  await expect(page.getByText('This is the default provider referee')).toBeVisible();
  await expect(page.getByText('This is the default provider referee')).toBeVisible();
  await expect(page.getByText('Miss Jane Smith, Pastoral manager')).toBeVisible();
  await expect(page.getByText('No completed version yet')).toBeVisible();

  // "Add a different referee" and back to the default.
  await page.getByRole('button', { name: 'Add a different referee' }).click();
  await expect(page.getByRole('textbox', { name: "Referee's name" })).toBeVisible();
  await page.getByRole('button', { name: 'Use the default provider referee' }).click();
  await expect(page.getByText('This is the default provider referee')).toBeVisible();

  // Below average with no further details: the server's error sits beside the field.
  await form(page).getByRole('radiogroup', { name: 'Display to learner' }).getByRole('radio', { name: 'No' }).check();
  await form(page).getByRole('textbox', { name: 'Attendance (%)' }).fill('96');
  await rateAll(page, 'Good');
  await form(page).getByRole('combobox', { name: 'Punctuality', exact: true }).selectOption({ label: 'Below average' });
  await form(page).getByRole('radiogroup', { name: 'Additional support required' }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Complete reference details' }).click();
  const details = form(page).getByRole('textbox', { name: 'Further details' });
  await expect(details).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Give further details: a rating is below average or attendance is below 90%.')).toBeVisible();
  await expect(details).toBeFocused();
  await expectAccessible(page, 'the reference with an error beside further details');

  await details.fill('Punctuality slipped during a long illness and has improved since.');
  await page.getByRole('button', { name: 'Complete reference details' }).click();
  await expect(page.getByText('The reference is complete (version 1)')).toBeVisible();
  await expect(versions(page).getByRole('row')).toHaveCount(2);
  await expect(versions(page).getByRole('cell', { name: 'Version 1' })).toBeVisible();
  await expect(versions(page).getByRole('cell', { name: 'Test refmgr' })).toBeVisible();
  // scan once the confirmation has gone: Mantine's notification close button has no name
  await expect(page.getByText('Version 1 is recorded.')).toBeHidden({ timeout: 15_000 });
  await expectAccessible(page, 'a completed reference');
  expect(await learnerSees(world), 'not displayed to the learner').toBeNull();

  // Edit after completion: reopen, change, complete again.
  await page.getByRole('button', { name: 'Reopen the reference' }).click();
  await expect(page.getByRole('button', { name: 'Save reference details' })).toBeVisible();
  await form(page).getByRole('radiogroup', { name: 'Display to learner' }).getByRole('radio', { name: 'Yes' }).check();
  await form(page).getByRole('combobox', { name: 'Punctuality', exact: true }).selectOption({ label: 'Good' });
  await page.getByRole('button', { name: 'Save reference details' }).click();
  await expect(page.getByText('The reference details are saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Complete reference details' }).click();
  await expect(page.getByText('The reference is complete (version 2)')).toBeVisible();
  await expect(versions(page).getByRole('row')).toHaveCount(3);
  await expect(versions(page).getByRole('row').nth(1)).toContainText('Version 2');
  expect(await learnerSees(world), 'displayed now').toBe(2);
});
