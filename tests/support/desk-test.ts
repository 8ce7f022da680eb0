import { test as base, expect, type Page } from '@playwright/test';

// The browser specs' `page`: one tab per worker, kept from test to test, each test starting
// on about:blank with its origins' storage cleared, its listeners, routes and extra tabs gone.
//
// Why not Playwright's own fresh context per test: on this 2-core VM a new tab costs ~5 s of
// CPU before the desk has drawn anything (a renderer process started for about:blank, then
// the desk's own, both paying this VM's page faults for fresh memory; `.tmp`-style
// measurement, 2026-12-02, the sample edition opened 6 times: a fresh context and tab 3.4 s
// and 6.7 s of CPU an opening, this kept tab 0.83 s and 1.5 s). The browser tier was
// CPU-bound (1 % idle, 30 % system time) and spent most of its 14 minutes starting tabs.
//
// What a test still gets: a new document (every spec opens the desk with page.goto), no
// sessionStorage or localStorage left by the test before (the desk keeps its token and last
// place there), the viewport its project or `test.use` asks for. Specs that need a second
// desk or a fresh browser state make their own contexts (collab-*.spec.ts) as before.

type DeskFixtures = { deskPage: Page };
/** Page is an event emitter at run time; its typings name only the typed events. */
type Listener = (...args: unknown[]) => void;
interface Emitter { eventNames(): (string | symbol)[]; listeners(e: string | symbol): Listener[]; off(e: string | symbol, l: Listener): void }

export const test = base.extend<object, DeskFixtures>({
  deskPage: [async ({ browser }, use) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await use(page);
    await context.close();
  }, { scope: 'worker' }],

  context: async ({ deskPage }, use) => {
    await use(deskPage.context());
  },

  page: async ({ deskPage, viewport }, use, testInfo) => {
    const page = deskPage;
    if (viewport) await page.setViewportSize(viewport);
    const emitter = page as unknown as Emitter;
    const listenersBefore = new Map(emitter.eventNames().map((e) => [e, new Set(emitter.listeners(e))]));
    const origins = new Set<string>();
    const onNavigated = () => {
      const origin = originOf(page.url());
      if (origin) origins.add(origin);
    };
    page.on('framenavigated', onNavigated);

    await use(page);

    if (testInfo.status !== testInfo.expectedStatus) {
      const shot = await page.screenshot().catch(() => null);
      if (shot) await testInfo.attach('screenshot', { body: shot, contentType: 'image/png' });
    }
    // What the test hung on the tab goes with it.
    for (const event of emitter.eventNames()) {
      const before = listenersBefore.get(event);
      for (const l of emitter.listeners(event)) if (!before?.has(l)) emitter.off(event, l);
    }
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const other of page.context().pages()) if (other !== page) await other.close().catch(() => {});
    // Storage of every origin the tab was on. Session storage belongs to the tab and can
    // only be cleared from a document of its origin: where the test left the tab elsewhere
    // (a data: page, another host), the tab goes back to each origin for that (an unknown
    // path, so nothing of the desk loads; a host the test stopped is gone, and with it
    // anything its origin could read back).
    const clearHere = () => page.evaluate(() => { sessionStorage.clear(); localStorage.clear(); }).catch(() => {});
    const here = originOf(page.url());
    if (here) await clearHere();
    for (const origin of origins) {
      if (origin === here) continue;
      const landed = await page.goto(`${origin}/desk-test-clear`, { timeout: 5_000 }).then(() => originOf(page.url()) === origin, () => false);
      if (landed) await clearHere();
    }
    const cdp = await page.context().newCDPSession(page);
    try {
      for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb,cache_storage,service_workers' });
    } finally {
      await cdp.detach().catch(() => {});
    }
    await page.context().clearCookies();
    await page.goto('about:blank');
  },
});

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export { expect };
