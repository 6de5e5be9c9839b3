// Shared pieces of the end-to-end specs: the base URL fixture, signing in through the UI, an
// administrator's API client for quick set-up, and reading mail from the test SMTP server.
import { expect, request, test as base, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ADMIN } from './constants';
import type { CollectedMail } from './global-setup';

export { ADMIN, FIRST_LOGIN_USER } from './constants';

export function baseUrl(): string {
  const u = process.env.E2E_BASE_URL;
  if (!u) throw new Error('E2E_BASE_URL is not set: the global setup did not run');
  return u;
}

export const test = base.extend({
  baseURL: async ({}, use) => use(baseUrl()),
});
export { expect };

let counter = 0;
/** A name no other test (or earlier run) uses. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs the page's browser context in as the administrator over the API (the sign-in form has
 * its own specs in sign-in.spec.ts), which saves a page load per test, then opens the home page.
 */
export async function signInAsAdmin(page: Page) {
  const r = await page.request.post('/api/v1/session', {
    data: { username: ADMIN.username, password: ADMIN.password },
    headers: { Origin: baseUrl() },
  });
  expect(r.status(), await r.text()).toBe(200);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** An API client signed in as someone; mutations carry Origin as a browser would. */
export async function apiAs(username: string, password: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { Origin: baseUrl() } });
  const r = await ctx.post('/api/v1/session', { data: { username, password } });
  expect(r.status(), await r.text()).toBe(200);
  return ctx;
}

export interface NewUser {
  id: number;
  username: string;
  email: string;
  password: string;
}

/** Creates a user as the administrator, with an initial password (so it must be changed at first sign-in). */
export async function createUserWithPassword(prefix: string, opts: { roles?: unknown[]; settle?: boolean } = {}): Promise<NewUser> {
  const admin = await apiAs(ADMIN.username, ADMIN.password);
  const username = unique(prefix);
  const email = `${username}@example.org`;
  const password = 'Initial1!';
  const r = await admin.post('/api/v1/users', {
    data: { username, email, first_name: 'Test', last_name: prefix, password, roles: opts.roles ?? [] },
  });
  expect(r.status(), await r.text()).toBe(201);
  const user = (await r.json()) as { id: number };
  await admin.dispose();
  const created: NewUser = { id: user.id, username, email, password };
  if (opts.settle) {
    // do the forced first change over the API so the test starts with an ordinary account
    const ctx = await apiAs(username, password);
    const newPassword = 'Settled2!';
    const p = await ctx.put('/api/v1/me/password', { data: { current_password: password, new_password: newPassword } });
    expect(p.status(), await p.text()).toBe(200);
    await ctx.dispose();
    created.password = newPassword;
  }
  return created;
}

export async function allMail(): Promise<CollectedMail[]> {
  const r = await fetch(process.env.E2E_MAIL_URL!);
  return (await r.json()) as CollectedMail[];
}

/** Waits for a mail to `to` whose subject matches, received after `since` mails were counted. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<CollectedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await allMail()).filter((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
    if (found.length) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 250));
  }
  const seen = (await allMail()).map((m) => `${m.to.join(',')}: ${m.subject}`);
  throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms; mails seen: ${JSON.stringify(seen)}`);
}

/** The first link in a mail whose path starts with `pathPrefix`, as a path relative to the server. */
export function linkIn(mail: CollectedMail, pathPrefix: string): string {
  const text = `${mail.text}\n${mail.html}`;
  const re = new RegExp(`https?://[^\\s"'<>]*${pathPrefix.replace(/\//g, '\\/')}[^\\s"'<>]+`);
  const m = text.match(re);
  if (!m) throw new Error(`no ${pathPrefix} link in mail: ${text}`);
  const url = new URL(m[0]);
  expect(url.origin).toBe(baseUrl());
  return url.pathname;
}

/** axe-core scan; fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}

/** The problem message of the sign-in form (not a notification, which is also an alert). */
export function signInProblem(page: Page) {
  return page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
}
