// Live updates over the event stream (issue 4): with a page open, the notifications bell changes
// as soon as something happens — well before its fallback poll (2 minutes while the stream is
// open) could notice.
import { apiAs, expect, signIn, test } from './helpers';
import { admin, makeLearner, makeProvider } from './learner-fixtures';

test('the bell counts a new notification without reloading the page', async ({ page }) => {
  const api = await admin();
  const provider = await makeProvider(api);
  const signOff = await api.patch(`/api/v1/providers/${provider.id}`, {
    data: { sign_off_profiles: true, default_referee: { name: 'Jane Smith', position: 'Pastoral manager' }, version: 1 },
  });
  expect(signOff.status(), await signOff.text()).toBe(200);
  const learner = await makeLearner(api, provider.id);
  // a profile ready for approval: every section complete
  for (const section of ['key_information', 'additional_information', 'qualifications']) {
    const done = await api.post(`/api/v1/learners/${learner.id}/sections/${section}/complete`);
    expect(done.status(), await done.text()).toBe(200);
  }
  const criteria = ['relationship_with_staff', 'relationship_with_students', 'self_discipline', 'punctuality', 'academic_ability', 'health', 'school_life', 'behaviour', 'commitment_to_learning'];
  const reference = await api.post(`/api/v1/learners/${learner.id}/reference/complete`, {
    data: { different_referee: false, attendance: 96, ratings: Object.fromEntries(criteria.map((c) => [c, 'good'])), further_details: '', additional_support: false, display_to_learner: true, version: 0 },
  });
  expect(reference.status(), await reference.text()).toBe(200);
  const own = await apiAs(learner.username, learner.password);
  const changed = await own.put('/api/v1/me/password', { data: { current_password: learner.password, new_password: 'Mine1234!' } });
  expect(changed.status(), await changed.text()).toBe(200);
  await own.dispose();

  const stream = page.waitForResponse((r) => r.url().endsWith('/api/v1/events'));
  await signIn(page, learner.username, 'Mine1234!');
  await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
  const opened = await stream;
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toContain('text/event-stream');

  // the manager approves the profile: the learner is told in the app at once
  const r = await api.post(`/api/v1/learners/${learner.id}/approve`);
  expect(r.status(), await r.text()).toBe(200);
  await api.dispose();
  // 15 s, not the fallback poll's 2 minutes: only the stream can bring it this soon. (5 s timed
  // out once in a fresh-clone CI run on a busy machine.)
  await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible({ timeout: 15_000 });
});
