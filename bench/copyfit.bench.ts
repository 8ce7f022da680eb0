import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../tests/support/host';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';

// Copyfit latency in the page composer: the sample's 2026 story frame (5,500-odd
// characters in eight columns) made overset, then (a) 60 resizes with Shift+Alt+↑/↓ (10 mm) and
// (b) 100 keystrokes of 字 in the frame's story editor. Each is timed from the keydown
// (capture listener) to the first animation frame after the frame's copyfit badge
// changed, i.e. until the new count is on screen. Target (issue 5): p95 under 100 ms.

const RESIZES = 60;
const KEYS = 100;
const WARMUP = 10;
const quantile = (s: number[], q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;

interface Result { keyMedian: number; keyP95: number; resizeMedian: number; resizeP95: number; flowMs: string }

async function install(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __start: number | null };
    w.__lat = [];
    w.__start = null;
    window.addEventListener('keydown', () => { w.__start = performance.now(); }, true);
    const frame = document.querySelector('.sheet[data-page-id="page-2026"] [data-block-kind="story"]')!;
    new MutationObserver(() => {
      const s = w.__start;
      if (s === null) return;
      w.__start = null;
      requestAnimationFrame(() => w.__lat.push(performance.now() - s));
    }).observe(frame, { attributes: true, attributeFilter: ['data-over-chars', 'data-lines'], subtree: true });
  });
}

async function take(page: Page): Promise<number[]> {
  return page.evaluate(() => { const w = window as unknown as { __lat: number[] }; const l = w.__lat; w.__lat = []; return l; });
}

async function measure(root: string): Promise<Result> {
  if (!existsSync(join(root, 'out/host/index.mjs')) || !existsSync(join(root, 'out/renderer/print.html'))) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ed-bench-copyfit-'));
  let host: RunningHost | null = null;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    host = await startHost(dataDir, root);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByRole('tab', { name: '版面' }).click();
    const frame = page.locator('.sheet[data-page-id="page-2026"] [data-block-kind="story"]');
    await frame.locator('[data-copyfit]').waitFor();
    await frame.click({ position: { x: 30, y: 30 } });
    await page.locator('input[name="hMm"]').fill('150');
    await page.locator('input[name="hMm"]').press('Enter');
    await page.waitForFunction(() => document.querySelector('.sheet [data-copyfit="over"]'));
    await frame.click({ position: { x: 30, y: 30 } });
    await install(page);

    // (a) Resizes: each Shift+Alt+↓/↑ moves the bottom edge by 10 mm, a whole number of
    // lines more or less in every column, so the count always changes.
    for (let i = 0; i < WARMUP + RESIZES; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'Shift+Alt+ArrowDown' : 'Shift+Alt+ArrowUp');
      await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, i + 1, { polling: 'raf', timeout: 5000 });
    }
    const resize = (await take(page)).slice(WARMUP).sort((a, b) => a - b);

    // (b) Keystrokes in the story editor beside the page.
    await page.getByRole('button', { name: '编辑稿件（实时配字）' }).click();
    const editor = page.locator('.composer-copy .editor-content');
    await editor.locator('p').last().click();
    await page.keyboard.press('End');
    await take(page);
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < WARMUP + KEYS; i++) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: '字', text: '字', unmodifiedText: '字' });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: '字' });
      await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, i + 1, { polling: 'raf' });
    }
    const keys = (await take(page)).slice(WARMUP).sort((a, b) => a - b);
    const chars = await frame.locator('[data-copyfit]').getAttribute('data-over-chars');
    return {
      keyMedian: quantile(keys, 0.5), keyP95: quantile(keys, 0.95),
      resizeMedian: quantile(resize, 0.5), resizeP95: quantile(resize, 0.95),
      flowMs: `${resize.length} resizes, ${keys.length} keystrokes measured; overset after typing ${chars} 字`,
    };
  } finally {
    await browser.close();
    if (host) await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

let run: Promise<Result> | null = null;
const once = (root: string) => (run ??= measure(root));

export const benchmarks = [
  {
    name: 'copyfit-keystroke-p95',
    why: 'No reference: no other tool computes 超/差 on this page model; absolute target (what a designer perceives as at once).',
    unit: 'ms',
    target: { kind: 'max', value: 100 },
    async run({ root }: { root: string }) {
      const r = await once(root);
      return { value: r.keyP95, note: `keydown in the story editor → new 超 N 字 on screen; median ${r.keyMedian.toFixed(1)} ms; ${r.flowMs}` };
    },
  },
  {
    name: 'copyfit-resize-p95',
    why: 'No reference: no other tool computes 超/差 on this page model; absolute target.',
    unit: 'ms',
    target: { kind: 'max', value: 100 },
    async run({ root }: { root: string }) {
      const r = await once(root);
      return { value: r.resizeP95, note: `Shift+Alt+↑/↓ (10 mm) on the 2026 story frame → new count on screen; median ${r.resizeMedian.toFixed(1)} ms` };
    },
  },
];
