import { test, expect } from '../support/desk-test';
import type { Page } from '@playwright/test';
import { startHost, type RunningHost } from '../support/host';
// The harness (tests/support/desk-test.ts) keeps one tab per worker from test to test; these
// two run in order in one worker and check that the second starts as a fresh tab would.
test.describe.configure({ mode: 'serial' });
type Emitting = Page & { eventNames(): unknown[]; listeners(e: string): unknown[] };
let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });
test('a test leaves storage, a listener, a route and a second tab behind', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.pb-headline')).toBeVisible();
  await page.evaluate(() => { sessionStorage.setItem('x-left', '1'); localStorage.setItem('y-left', '1'); });
  page.on('dialog', () => { throw new Error('left-over listener'); });
  await page.route('**/nothing', (r) => r.abort());
  await page.context().newPage();
  // The tab is left on another page, away from the origin whose storage it filled.
  await page.goto('data:text/html,<title>elsewhere</title>');
  expect(typeof (page as Emitting).eventNames).toBe('function');
});
test('the next test in the worker starts on about:blank with none of them', async ({ page }) => {
  expect(page.url()).toBe('about:blank');
  expect(page.context().pages()).toHaveLength(1);
  await page.goto(host.url);
  await expect(page.locator('.pb-headline')).toBeVisible();
  expect(await page.evaluate(() => [sessionStorage.getItem('x-left'), localStorage.getItem('y-left')])).toEqual([null, null]);
  expect((page as Emitting).listeners('dialog')).toHaveLength(0);
});
