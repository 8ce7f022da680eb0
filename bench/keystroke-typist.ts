import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { summarizeProfile, type CpuProfile } from './cpu-profile';
import { summarizeTrace } from './trace-summary';

// Typing 字 into an editor and timing each keystroke, for the editor latency bench. For each
// key: keydown (a capture listener) to the MutationObserver callback that sees the character
// in the editor; to the end of that task; and to the next frame drawn after it. Two typists
// (ours and the bare Lexical reference) take turns in short rounds, so both meet the same
// moments of a machine that others share: the ratio is what counts, and a busy minute
// would otherwise fall on one side only.

export interface Typist { page: Page; editor: Locator; cdp: CDPSession; typed: number; skip: Set<number> }
export interface Timings { sorted: number[]; tasks: number[]; frames: number[] }

export async function typist(page: Page, editor: Locator): Promise<Typist> {
  await editor.evaluate((root) => {
    const w = window as unknown as { __lat: number[]; __task: number[]; __frame: number[] };
    w.__lat = [];
    w.__task = [];
    w.__frame = [];
    let start: number | null = null;
    window.addEventListener('keydown', () => { start = performance.now(); }, true);
    const channel = new MessageChannel();
    let pending: number | null = null;
    channel.port1.onmessage = () => { if (pending !== null) { w.__task.push(performance.now() - pending); pending = null; } };
    new MutationObserver((records) => {
      if (start === null) return;
      const shows = records.some((r) => (r.type === 'characterData' ? r.target.textContent ?? '' : Array.from(r.addedNodes, (n) => n.textContent ?? '').join('')).includes('字'));
      if (!shows) return;
      w.__lat.push(performance.now() - start);
      // …and to the end of the task that made it: Lexical's listeners run before a paint.
      pending = start;
      channel.port2.postMessage(0);
      // …and to the next frame drawn after it (a message posted from the frame's rAF is
      // handled once style, layout and paint of that frame are done): what the typist sees.
      const t0 = start;
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => w.__frame.push(performance.now() - t0);
        c.port2.postMessage(0);
      });
      start = null;
    }).observe(root, { childList: true, characterData: true, subtree: true });
  });
  return { page, editor, cdp: await page.context().newCDPSession(page), typed: 0, skip: new Set() };
}

/**
 * Types `n` keys, each after the last one's frame. Playwright's keyboard.type('字') and
 * insertText send no keydown for a key that is not on a US layout (only the input), so the
 * key is pressed through CDP, as a keyboard that has 字 on it would: keydown with its text,
 * the insertion, keyup. `uncounted`: keys typed but left out of the results (a warm-up, the
 * first key after the page comes to the front).
 */
export async function typeKeys(t: Typist, n: number, uncounted = 0): Promise<void> {
  await t.page.bringToFront();
  for (let i = 0; i < n; i++) {
    if (i < uncounted) t.skip.add(t.typed);
    await t.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: '字', text: '字', unmodifiedText: '字' });
    await t.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: '字' });
    t.typed += 1;
    await t.page.waitForFunction((k) => (window as unknown as { __frame: number[] }).__frame.length >= k, t.typed, { polling: 'raf' });
  }
}

export async function timings(t: Typist): Promise<Timings> {
  const { lat, task, frame } = await t.page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __task: number[]; __frame: number[] };
    return { lat: w.__lat, task: w.__task, frame: w.__frame };
  });
  const typed = await t.editor.evaluate((el) => (el.textContent?.match(/字/g) ?? []).length);
  if (typed < t.typed) throw new Error(`editor latency bench: only ${typed} of ${t.typed} characters reached the editor`);
  const kept = (a: number[]) => a.filter((_, i) => !t.skip.has(i)).sort((x, y) => x - y);
  return { sorted: kept(lat), tasks: kept(task), frames: kept(frame) };
}

export async function startProfile(t: Typist): Promise<void> {
  await t.cdp.send('Profiler.enable');
  await t.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await t.cdp.send('Profiler.start');
}

export async function stopProfile(t: Typist, label: string): Promise<string> {
  return summarizeProfile((await t.cdp.send('Profiler.stop')).profile as CpuProfile, label);
}

/** A Chromium trace of `n` keys (both pages' renderers are in a trace: trace one typist at a time). */
export async function traceKeys(t: Typist, n: number, label: string): Promise<string> {
  const browser = t.page.context().browser()!;
  await browser.startTracing(t.page, { categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline'] });
  await typeKeys(t, n);
  const json = (await browser.stopTracing()).toString('utf8');
  // The whole trace beside the summary (out/bench/*.trace.json), to open in DevTools' Performance panel.
  const dir = join(process.cwd(), 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${label}.trace.json`), json);
  return summarizeTrace(json, label);
}
