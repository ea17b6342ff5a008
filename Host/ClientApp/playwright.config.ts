import { defineConfig } from '@playwright/test';

// Browser tests against a running Host (started by ops/test-ui with the manual clock, a fresh
// SQLite file and e-mail to a pickup folder). Debian's chromium, offline: no browser download.
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'e2e-report.json' }]],
  outputDir: process.env.E2E_ARTIFACTS ? `${process.env.E2E_ARTIFACTS}/traces` : 'test-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:5080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    // A reader who asks for less motion, as the client honours it: dialogs and panels open at once.
    // Animated, a button still moving with its dialog could pass Playwright's two-frame stability
    // check on a slow frame and the click land beside it (CI lost a launch confirmation, an evidence
    // panel's save and a ledger's return this way).
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
