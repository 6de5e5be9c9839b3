// Quick set-up for specs about learners: an administrator's API client, a provider with a UKPRN no
// other test uses, and a learner at it (with the password the learner must change at first sign-in).
import type { APIRequestContext } from '@playwright/test';
import { ADMIN, apiAs, expect, unique } from './helpers';

export interface Made {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  password: string;
  version: number;
}

export async function admin(): Promise<APIRequestContext> {
  return apiAs(ADMIN.username, ADMIN.password);
}

export async function makeProvider(api: APIRequestContext): Promise<{ id: number; name: string }> {
  const name = unique('School ');
  const ukprn = `1${String(Date.now() + Math.floor(Math.random() * 1e6)).slice(-7)}`;
  const r = await api.post('/api/v1/providers', { data: { name, ukprn } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as { id: number; name: string };
}

export async function makeLearner(api: APIRequestContext, providerId: number, lastName = unique('Learner')): Promise<Made> {
  const username = unique('lrn.').toLowerCase();
  const password = 'Start123!';
  const r = await api.post('/api/v1/learners', {
    data: { username, password, first_name: 'Lee', last_name: lastName, date_of_birth: '2008-04-01', year_group: 'year_12', provider_id: providerId },
  });
  expect(r.status(), await r.text()).toBe(201);
  const l = (await r.json()) as Made;
  return { ...l, password };
}
