import { execFileSync } from 'node:child_process';
import { startHost, type RunningHost } from '../tests/support/host';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { ensureWorkspace } from '../electron/services/bootstrap';
import { writeStory } from '../electron/services/edition-store';
import { SAMPLE_EDITION_REF } from '../electron/services/sample';
import { parseSeedMarkdown, type MdBlock } from '../shared/document/seed-markdown';
import { bodyState, splitFeature } from '../shared/document/seed-story';
import { nodeText, paragraph, rootState, stateText, textNode, type SerializedNode } from '../shared/document/lexical-state';
import { build as esbuild } from 'esbuild';
import { element, withPairId } from '../shared/story/node-types';
import { Story } from '../shared/document/schema';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/support/chromium';
import type { BareParagraph } from './bare-lexical-entry';
import { startProfile, stopProfile, timings, traceKeys, typeKeys, typist } from './keystroke-typist';

// Keystroke-to-DOM latency in the story editor on a long story: a 50,000-character
// bilingual story (40,000 Han characters of the seed copy, repeated, and 10,000 characters
// of English) is opened in the browser host in Chromium, the caret put in the middle of
// the Chinese version, and for each of 200 keystrokes the page measures the time from the
// keydown (a capture listener) to the MutationObserver callback that sees the character in
// the editor. Both benchmarks come from the one run.

const STORY_ID = 'story-bench';
/** Story sizes: the 50k of issue 4, and a special edition's long story or whole 对照 version (issue 15). */
const SIZES = { '50k': { zhHan: 40_000, enChars: 10_000 }, '200k': { zhHan: 160_000, enChars: 40_000 }, '500k': { zhHan: 400_000, enChars: 100_000 } } as const;
type SizeName = keyof typeof SIZES;
const KEYS = 200;
const WARMUP = 20;
/** Turns the two typists take (ours, then the bare reference), KEYS / ROUNDS keys each. */
const ROUNDS = 5;
const HAN = /\p{Script=Han}/gu;

// English copy in the register of the seed story, repeated to length.
const EN_SEED = [
  'Standing at a new historical starting point, Qinyuan County will carry out the decisions of the central authorities in 2026, pursue progress while ensuring stability, and apply the new development philosophy in full.',
  'Traditional industries will extend their chains. Guided by the idea of relying on coal, extending coal and going beyond coal, the county will speed up the construction of the Zhongyu and Jiaguo mines and complete the acceptance of two intelligent mines.',
  'Emerging industries will cluster. The energy storage station in the development zone will be put into operation, green power parks will be built, and hydrogen production, storage, transport and use will be developed as one chain.',
  'Culture and tourism will improve in quality. The county will promote its wellness brand, upgrade the Qinyuan section of the Taihang No. 1 scenic highway and build homestays that carry the Qinyuan Family name.',
  'The county will plan 341 projects with a total investment of 53.68 billion yuan this year, 9.2 billion of it in the annual plan, and will break ground on a local railway and on flood-control works along the Longfeng River.',
  'Livelihood projects come first: new kindergartens, renovated residential compounds, clean heating in villages, and a county hospital that can treat more illnesses without patients having to travel to the city.',
];

/**
 * The bench story. `pair`: a whole 对照 story, every zh block with its English twin (same
 * pair id; English runs longer in characters than the Chinese it translates).
 */
async function benchStory(root: string, updatedAt: string, { zhHan: ZH_HAN, enChars: EN_CHARS }: { zhHan: number; enChars: number }, pair = false): Promise<Story> {
  const seeds = await Promise.all(['2026-qinyuan-lianghui.md', '2025-qinyuan-lianghui.md']
    .map((f) => readFile(join(root, 'resources/sample/seeds', f), 'utf8')));
  const bodies = seeds.map((s) => splitFeature(parseSeedMarkdown(s)));
  const body: MdBlock[] = [];
  let han = 0;
  // The seed bodies over and over, up to the block that reaches the count.
  const sequence = bodies.flatMap((b) => b.body);
  for (let i = 0; han < ZH_HAN; i++) {
    const block = sequence[i % sequence.length]!;
    han += (stateText(bodyState([block])).match(HAN) ?? []).length;
    body.push(block);
  }
  const zhBody = bodyState(body);
  const zhBlocks = pair ? zhBody.root.children.map((b, i) => withPairId(b, `b${i + 1}`)) : zhBody.root.children;
  const zh = rootState([withPairId(element('headline', [textNode(bodies[0]!.headline)]), 'b0'), ...zhBlocks]);
  const en: SerializedNode[] = [];
  for (let i = 0, n = 0; pair ? i < zhBlocks.length : n < EN_CHARS; i++) {
    const text = EN_SEED[i % EN_SEED.length]!;
    en.push(withPairId(paragraph([textNode(text)]), `b${i + 1}`));
    n += text.length;
  }
  return Story.parse({ id: STORY_ID, title: '长文稿压力测试 Long story bench', zh, en: rootState(en), updatedAt });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

interface Latency {
  median: number; p95: number; taskMedian: number; taskP95: number; frameMedian: number; frameP95: number;
  size: string; bareMedian: number; bareP95: number; bareTaskMedian: number; bareTaskP95: number; bareFrameMedian: number; bareFrameP95: number;
  pair: boolean; pairOpenMs: number; openMs: number;
}

// EDITOR_BENCH_PROFILE=1: a CPU profile of the measured keystrokes, ours and the bare
// reference, summarized on stderr (top self time, our listeners' inclusive time).
const PROFILE = process.env['EDITOR_BENCH_PROFILE'] === '1';
// EDITOR_BENCH_TRACE=1: a Chromium trace of them instead, summarized by event (style, layout, paint…).
const TRACE = process.env['EDITOR_BENCH_TRACE'] === '1';

async function measure(root: string, sizeName: SizeName, pair = false): Promise<Latency> {
  if (!existsSync(join(root, 'out/host/index.mjs')) || !existsSync(join(root, 'out/renderer/index.html'))) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ed-bench-latency-'));
  let host: RunningHost | null = null;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // The workspace with the sample edition, as a first start makes it, plus the long story.
    const { workspace } = await ensureWorkspace(dataDir, join(root, 'resources'));
    const story = await benchStory(root, new Date().toISOString(), SIZES[sizeName], pair);
    let pairOpenMs = 0;
    await writeStory(workspace.pathFor(SAMPLE_EDITION_REF), story);
    const zhHan = (stateText(story.zh).match(HAN) ?? []).length;
    const enChars = stateText(story.en).length;
    const size = `${STORY_ID}: zh ${zhHan.toLocaleString('en')} Han characters (${stateText(story.zh).length.toLocaleString('en')} chars, ${story.zh!.root.children.length} blocks), en ${enChars.toLocaleString('en')} chars`;

    host = await startHost(dataDir, root);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByRole('tab', { name: '稿件' }).click();
    const tOpen = performance.now();
    await page.locator(`[data-story-id="${STORY_ID}"]`).click();
    await page.locator('.story-editor[data-lang="zh"] .editor-content[data-lexical-editor] p').nth(100).waitFor({ timeout: 300_000 });
    const openMs = performance.now() - tOpen;
    if (pair) {
      // 对照: both versions side by side, each pair of blocks lined up on one row.
      const t = performance.now();
      // The switch mounts the English editor and lines up every row: a long task, waited for below.
      await page.getByRole('tab', { name: '对照' }).click({ noWaitAfter: true });
      await page.locator('.story-editor[data-lang="en"] .editor-content[data-lexical-editor] p').nth(100).waitFor({ timeout: 300_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-pair-row]').length > 0, undefined, { timeout: 300_000 });
      pairOpenMs = performance.now() - t;
    }
    const editor = page.locator('.story-editor[data-lang="zh"] .editor-content[data-lexical-editor]');
    await editor.locator('p').nth(100).waitFor();
    const blocks = await editor.locator(':scope > p').count();
    await editor.locator(':scope > p').nth(Math.floor(blocks / 2)).click();

    const label = `editor-${sizeName}${pair ? '-pair' : ''}`;
    // EDITOR_BENCH_EVAL: a script run in the page before typing, to try a change's effect (a diagnosis aid).
    // Its result, if any, is printed on stderr (a DOM excerpt, a computed style). CSS must go
    // through document.adoptedStyleSheets: the app's CSP (style-src 'self') refuses a <style>.
    if (process.env['EDITOR_BENCH_EVAL']) {
      const out: unknown = await page.evaluate(process.env['EDITOR_BENCH_EVAL']);
      if (out !== undefined) console.error(`${label} EDITOR_BENCH_EVAL:`, out);
    }

    // The reference: bare Lexical with the same zh paragraphs, in a blank page of the same browser.
    const bundle = await esbuild({ entryPoints: [join(root, 'bench/bare-lexical-entry.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' } });
    const bare = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    // For 对照, two bare editors side by side (zh and en), as the desk shows them, without the row alignment.
    const pane = (id: string) => `<div id="${id}" contenteditable="true" style="width:640px;margin:40px;font:16px/1.7 serif"></div>`;
    await bare.setContent(`<!doctype html><meta charset="utf-8"><div style="display:flex">${pane('bare')}${pair ? pane('bare-en') : ''}</div>`);
    await bare.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // Each block as its text runs, so the bare editor holds the same text nodes (a bold
    // lead-in, then the copy): the same DOM for Chromium to lay out and walk.
    const runsOf = (block: SerializedNode): BareParagraph => (block.children ?? []).map((c) => [nodeText(c), typeof c.format === 'number' ? c.format : 0]);
    const setup = (paras: BareParagraph[], id: string) => bare.evaluate(([p, i]) => (window as unknown as { __setupBare: (p: BareParagraph[], id: string) => void }).__setupBare(p, i), [paras, id] as const);
    await setup(story.zh!.root.children.map(runsOf), 'bare');
    if (pair) await setup(story.en!.root.children.map(runsOf), 'bare-en');
    const bareEditor = bare.locator('#bare');
    const bareBlocks = await bareEditor.locator(':scope > p').count();
    await bareEditor.locator(':scope > p').nth(Math.floor(bareBlocks / 2)).click();

    // Both typists warm up, then take turns: ROUNDS rounds of KEYS / ROUNDS keys each, the
    // first key of a round (its page just brought to the front) left out.
    const ourTypist = await typist(page, editor);
    const refTypist = await typist(bare, bareEditor);
    await typeKeys(ourTypist, WARMUP, WARMUP);
    await typeKeys(refTypist, WARMUP, WARMUP);
    const profiles: string[] = [];
    if (TRACE) {
      profiles.push(await traceKeys(ourTypist, KEYS, label), await traceKeys(refTypist, KEYS, `${label}-bare`));
    } else {
      if (PROFILE) { await startProfile(ourTypist); await startProfile(refTypist); }
      for (let r = 0; r < ROUNDS; r++) {
        await typeKeys(ourTypist, KEYS / ROUNDS + 1, 1);
        await typeKeys(refTypist, KEYS / ROUNDS + 1, 1);
      }
      if (PROFILE) profiles.push(await stopProfile(ourTypist, label), await stopProfile(refTypist, `${label}-bare`));
    }
    for (const p of profiles) console.error(`\n${p}`);
    const ours = await timings(ourTypist);
    const ref = await timings(refTypist);
    const q = (a: number[], x: number) => quantile(a, x);
    return {
      median: q(ours.sorted, 0.5), p95: q(ours.sorted, 0.95), taskMedian: q(ours.tasks, 0.5), taskP95: q(ours.tasks, 0.95), frameMedian: q(ours.frames, 0.5), frameP95: q(ours.frames, 0.95),
      size, bareMedian: q(ref.sorted, 0.5), bareP95: q(ref.sorted, 0.95), bareTaskMedian: q(ref.tasks, 0.5), bareTaskP95: q(ref.tasks, 0.95), bareFrameMedian: q(ref.frames, 0.5), bareFrameP95: q(ref.frames, 0.95),
      pair, pairOpenMs, openMs,
    };
  } finally {
    await browser.close();
    if (host) await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const runs = new Map<string, Promise<Latency>>();
const once = (root: string, size: SizeName, pair = false) => {
  const key = `${size}${pair ? '-pair' : ''}`;
  if (!runs.has(key)) runs.set(key, measure(root, size, pair));
  return runs.get(key)!;
};
const note = (l: Latency) => `${l.size}; ${KEYS} keystrokes of 字 (after ${WARMUP} warm-up; in ${ROUNDS} rounds taking turns with the bare reference, so both meet the same load) in the middle of the zh editor (story opened in ${(l.openMs / 1000).toFixed(1)} s)${l.pair ? ` of the 对照 view (both versions side by side, every block paired, opened in ${(l.pairOpenMs / 1000).toFixed(1)} s)` : ''}, headless Chromium; keydown to end of task: median ${l.taskMedian.toFixed(2)} ms, p95 ${l.taskP95.toFixed(2)} ms (bare ${l.bareTaskMedian.toFixed(2)} / ${l.bareTaskP95.toFixed(2)}); keydown to the next frame drawn: median ${l.frameMedian.toFixed(2)} ms, p95 ${l.frameP95.toFixed(2)} ms (bare ${l.bareFrameMedian.toFixed(2)} / ${l.bareFrameP95.toFixed(2)})`;

export const benchmarks = [
  {
    name: 'editor-keystroke-median',
    why: 'No reference at 50k: the issue-4 budget is absolute; the larger sizes are measured against bare Lexical in the same run.',
    unit: 'ms',
    // Issue 4 sets only the p95 target (8 ms); the median's is ours: half of it, with room for
    // this 2-core machine's noise (runs here gave 3.9–5.1 ms).
    target: { kind: 'max', value: 6 },
    async run({ root }: { root: string }) {
      const l = await once(root, '50k');
      return { value: l.median, note: note(l) };
    },
  },
  {
    name: 'editor-keystroke-p95',
    why: 'No reference at 50k: the issue-4 budget is absolute; the larger sizes are measured against bare Lexical in the same run.',
    unit: 'ms',
    target: { kind: 'max', value: 8 },
    async run({ root }: { root: string }) {
      const l = await once(root, '50k');
      return { value: l.p95, note: note(l) };
    },
  },
  // Issue 15, item 4: the same measure at 200k and 500k characters (median in the note).
  // The reference is a bare Lexical editor (rich text + history only) with the same zh
  // paragraphs in the same Chromium, typed into the same way: what Lexical's own
  // reconciliation costs at that size with every block laid out (ours lays out the blocks
  // near the screen only: renderer/src/editor/blocks-at-size.css).
  ...([['200k', 8], ['500k', 16]] as const).map(([size, p95]) => ({
    name: `editor-keystroke-p95-${size}`,
    why: 'A bare Lexical editor with the same paragraphs (the same text runs: bold lead-ins, then the copy), typed into the same way in the same Chromium and run, is Lexical\'s own reconciliation at that size with every block laid out.',
    unit: 'ms',
    reference: 'bare Lexical 0.52 (rich text + history), same paragraphs and text runs, same Chromium, same run',
    target: { kind: 'max', value: p95 },
    async run({ root }: { root: string }) {
      const l = await once(root, size);
      return { value: l.p95, reference: l.bareP95, note: `median ${l.median.toFixed(2)} ms (bare Lexical ${l.bareMedian.toFixed(2)} ms); ${note(l)}` };
    },
  })),
  // The 对照 view at the same sizes: both versions of a whole story, every block paired, the
  // rows lined up (renderer/src/polish/pair-rows.ts). Reference: two bare Lexical editors
  // side by side with the same zh and en paragraphs, in the same run.
  ...([['200k', 8], ['500k', 16]] as const).map(([size, p95]) => ({
    name: `editor-keystroke-p95-pair-${size}`,
    why: 'Two bare Lexical editors side by side with the same zh and en paragraphs are the floor of any 对照 view on Lexical; ours adds row alignment, pair marks, counts and proofing.',
    unit: 'ms',
    reference: 'two bare Lexical 0.52 editors side by side (zh and en paragraphs, same runs), same Chromium, same run',
    target: { kind: 'max', value: p95 },
    async run({ root }: { root: string }) {
      const l = await once(root, size, true);
      return { value: l.p95, reference: l.bareP95, note: `median ${l.median.toFixed(2)} ms (bare Lexical ${l.bareMedian.toFixed(2)} ms); ${note(l)}` };
    },
  })),
];
