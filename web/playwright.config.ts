// End-to-end tests: the real server binary, a real SMTP server, Debian's Chromium.
// e2e/global-setup.ts starts everything and exports E2E_BASE_URL and E2E_MAIL_URL.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'en-GB',
    // no animations: axe must not measure colours half-way through a transition
    contextOptions: { reducedMotion: 'reduce' },
    timezoneId: 'Europe/London',
    // Traces of failed tests, without DOM snapshots and screenshots: recording those for every
    // test cost more than a tenth of the run; the failure screenshot below still shows the page.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
