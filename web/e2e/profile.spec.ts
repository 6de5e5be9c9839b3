// Profiles and approval (manual 5.2 f–g, 5.6): the learner fills in and completes their own sections,
// the manager approves the profile from the "awaiting approval" list, the learner is told in the app,
// and a later change by the learner sends the profile back for approval.
import type { Page } from '@playwright/test';
import { apiAs, expect, expectAccessible, signIn, signInAsAdmin, signOut, test } from './helpers';
import { admin, makeLearner, makeProvider } from './learner-fixtures';

const OWN_PASSWORD = 'Mine1234!';

async function settleLearner(username: string, password: string) {
  const ctx = await apiAs(username, password);
  const r = await ctx.put('/api/v1/me/password', { data: { current_password: password, new_password: OWN_PASSWORD } });
  expect(r.status(), await r.text()).toBe(200);
  await ctx.dispose();
}

async function completeTab(page: Page, tab: RegExp) {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByText('This section is complete')).toBeVisible();
}

test('a learner completes their profile, the manager approves it and the learner is told', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const signOff = await api.patch(`/api/v1/providers/${provider.id}`, {
    data: { sign_off_profiles: true, default_referee: { name: 'Jane Smith', position: 'Pastoral manager' }, version: 1 },
  });
  expect(signOff.status(), await signOff.text()).toBe(200);
  const learner = await makeLearner(api, provider.id);
  // what the manager does here: completes the qualifications section and writes the reference
  const quals = await api.post(`/api/v1/learners/${learner.id}/sections/qualifications/complete`);
  expect(quals.status(), await quals.text()).toBe(200);
  const criteria = ['relationship_with_staff', 'relationship_with_students', 'self_discipline', 'punctuality', 'academic_ability', 'health', 'school_life', 'behaviour', 'commitment_to_learning'];
  const reference = await api.post(`/api/v1/learners/${learner.id}/reference/complete`, {
    data: { different_referee: false, attendance: 96, ratings: Object.fromEntries(criteria.map((c) => [c, 'good'])), further_details: '', additional_support: false, display_to_learner: true, version: 0 },
  });
  expect(reference.status(), await reference.text()).toBe(200);
  await api.dispose();
  await settleLearner(learner.username, learner.password);

  // the learner fills in their own sections
  await signIn(page, learner.username, OWN_PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expect(page.getByLabel('Provider')).toHaveCount(0);
  await completeTab(page, /^Key information/);
  await page.getByRole('tab', { name: /^Additional information/ }).click();
  await page.getByLabel('Postcode').fill('not a postcode');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter a full UK postcode, like SW1A 1AA.', { exact: false })).toBeVisible();
  await page.getByLabel('Postcode').fill('gl50 3sh');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Postcode')).toHaveValue('GL50 3SH');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByText('Your profile is waiting for your learner manager’s approval.')).toBeVisible();
  await expect(page.getByLabel('Postcode')).toBeDisabled();
  await page.getByRole('tab', { name: /^Reference/ }).click();
  await expect(page.getByText('Jane Smith', { exact: false })).toBeVisible();
  await expectAccessible(page, '/profile');
  await signOut(page);

  // the manager finds it in the approval queue and approves it
  await signInAsAdmin(page);
  await page.goto(`/learners?provider_id=${provider.id}&status=awaiting_approval`);
  await page.getByRole('table', { name: 'Learners' }).getByRole('link', { name: new RegExp(`^${learner.last_name}\\s*, Lee$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Lee ${learner.last_name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Approve profile' }).click();
  await expect(page.getByRole('button', { name: 'Un-approve profile' })).toBeVisible();
  await expectAccessible(page, '/learners/:id approved');
  await signOut(page);

  // the learner sees the notification, reads it; the count clears
  await signIn(page, learner.username, OWN_PASSWORD);
  const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notifications' })).toContainText('Your profile has been approved');
  await expectAccessible(page, '/notifications');
  await page.getByRole('button', { name: 'Mark “Your profile has been approved” as read' }).click();
  await expect(page.getByText('All read.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();

  // a change after approval un-approves it and puts it back with the manager
  await page.goto('/profile');
  await expect(page.getByText('Your learner manager has approved your profile.', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: /^Key information/ }).click();
  await page.getByRole('button', { name: 'Update my personal information' }).click();
  await page.getByLabel('Last name').fill(`${learner.last_name}-Smith`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByText('Your profile is waiting for your learner manager’s approval.')).toBeVisible();
});

test('a manager reopens, edits and completes a section for the learner', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const learner = await makeLearner(api, provider.id);
  const done = await api.post(`/api/v1/learners/${learner.id}/sections/additional_information/complete`);
  expect(done.status(), await done.text()).toBe(200);
  await api.dispose();

  await signInAsAdmin(page);
  await page.goto(`/learners/${learner.id}`);
  await expect(page.getByRole('tab', { name: 'Additional information: Complete' })).toBeVisible();
  await page.getByRole('tab', { name: /^Additional information/ }).click();
  await expect(page.getByLabel('Town')).toBeDisabled();
  await page.getByRole('button', { name: 'Update my personal information' }).click();
  await expect(page.getByRole('tab', { name: 'Additional information: Incomplete' })).toBeVisible();
  await page.getByLabel('Town').fill('Tewkesbury');
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByLabel('Town')).toHaveValue('Tewkesbury');
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('tab', { name: 'Additional information: Complete' })).toBeVisible();
  await expect(page.getByText('This learner’s profile does not need your approval', { exact: false })).toBeVisible();
});
