import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract/errors';
import type { Page, Story } from '../../shared/document/schema';
import type { ProofDiffResult, ProofManifest, ProofRoundSummary } from '../../shared/proof-rounds/rounds';
import { resolveExportFile } from '../../electron/services/export/export-files';
import { cleanupTemp, tempDir } from './helpers';
import { PRINT_ROUTE_BUILT, PRINT_ROUTE_SKIP, startExportHost, type TestHost } from './export-support';

// The proof round trip of issue 13: export 一校 of the 2026 page, change one paragraph,
// export 二校; the text diff lists exactly that change and the picture diff outlines only
// its region. Refereed by poppler (pdfinfo, pdftotext) and by the page's own geometry.

const PT = (mm: number) => (mm / 25.4) * 72;
const tool = (cmd: string, ...args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

let host: TestHost;
const ED = 'sample.edition';
const PAGE = 'page-2026';

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = (await host.handler(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
const abs = (rel: string) => join(host.workspace.root, rel);

describe.skipIf(!PRINT_ROUTE_BUILT)('proof rounds (签样)', () => {
  beforeAll(async () => {
    host = await startExportHost(await tempDir('proofs'));
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    await cleanupTemp();
  });

  it('exports 一校, a changed paragraph, 二校: the diff is exactly that change, outlined where it is', async () => {
    const first = await call<ProofRoundSummary>('proofs:export', { edition: ED, pages: [PAGE], watermark: true, by: '王芳' });
    expect(first.round).toBe(1);
    expect(first.label).toEqual({ zh: '一校', en: 'proof 1' });
    expect(first.folder).toMatch(/^r01-\d{8}-\d{6}$/);
    expect(first.pages.map((p) => p.path)).toEqual([`${ED}/proofs/${first.folder}/第01版-一校.pdf`]);
    const pdf1 = abs(first.pages[0]!.path);

    // The PDF page is the trim plus the 8 mm mark slug on each side; the slug line is
    // outside the trim, the page text inside it does not have it.
    const info = tool('pdfinfo', pdf1);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Title:\s+沁源两会特刊（示例） 第1版 一校$/m);
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Math.abs(Number(w) - PT(390 + 16))).toBeLessThan(1);
    expect(Math.abs(Number(h) - PT(545 + 16))).toBeLessThan(1);
    const all = tool('pdftotext', '-raw', pdf1, '-');
    expect(all).toMatch(/沁源两会特刊（示例）\s*第1版\s*一校\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s*导出：王芳/);
    expect(all).toContain('样');
    const r = (mm: number) => String(Math.round((mm / 25.4) * 72));
    const trimText = tool('pdftotext', '-raw', '-x', r(8), '-y', r(8), '-W', r(390), '-H', r(545), pdf1, '-');
    expect(trimText).not.toContain('导出');
    expect(trimText.replace(/\s/g, '')).toContain('培育建设2个绿色工厂');

    // One paragraph changed: two characters, same width, so the page sets the same lines
    // and only that place differs.
    const story = await call<Story>('story:get', { edition: ED, storyId: 'story-2026' });
    const texts = story.zh!.root.children.flatMap((n) => ((n as { children?: Array<{ text?: string }> }).children ?? []));
    const node = texts.find((t) => t.text?.includes('培育建设2个绿色工厂'))!;
    expect(node).toBeDefined();
    node.text = node.text!.replace('培育建设2个绿色工厂', '培育打造2个绿色工厂');
    await call('story:put', { edition: ED, story });

    const second = await call<ProofRoundSummary>('proofs:export', { edition: ED, pages: [PAGE], watermark: true, by: '王芳' });
    expect(second.round).toBe(2);
    expect(second.pages[0]!.path).toMatch(/第01版-二校\.pdf$/);
    expect(tool('pdftotext', '-raw', abs(second.pages[0]!.path), '-')).toMatch(/第1版\s*二校/);

    const listed = await call<ProofRoundSummary[]>('proofs:list', { edition: ED });
    expect(listed.map((x) => x.round)).toEqual([2, 1]);

    const diff = await call<ProofDiffResult>('proofs:diff', { edition: ED, from: first.folder, to: second.folder, pageId: PAGE });
    expect(diff.changes).toEqual([
      expect.objectContaining({ kind: 'replace', blockId: 'page-2026-story-7', deleted: '建设', inserted: '打造', before: expect.stringMatching(/培育$/), after: expect.stringMatching(/^2个绿色工厂/) }),
    ]);

    // The picture diff: changed pixels only where the edited words are, inside the story frame.
    const page = await call<Page>('page:get', { edition: ED, pageId: PAGE });
    const frame = page.blocks.find((b) => b.id === 'page-2026-story-7')!;
    const grid = page.grid;
    expect(diff.regions.length).toBe(1);
    const reg = diff.regions[0]!;
    expect(reg.yMm).toBeGreaterThanOrEqual(frame.yMm - 2);
    expect(reg.yMm + reg.hMm).toBeLessThanOrEqual(frame.yMm + frame.hMm + 2);
    // Two characters of body type (about 3.7 mm each), not a line or a column.
    expect(reg.wMm).toBeLessThan(20);
    expect(reg.hMm).toBeLessThan(10);
    expect(diff.changedFraction).toBeGreaterThan(0);
    expect(diff.changedFraction).toBeLessThan(0.001);
    expect(grid.columns).toBeGreaterThan(0);

    // The outlined render, kept beside the later proof: the trim at 60 dpi, red where it changed.
    const png = readFileSync(abs(diff.path));
    expect(Buffer.from(diff.png).equals(png)).toBe(true);
    const meta = await sharp(png).metadata();
    expect(meta.width).toBe(Math.round((390 / 25.4) * 60));
    const px = (mm: number) => Math.round((mm / 25.4) * 60);
    const { data, info: raw } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => { const i = (y * raw.width + x) * 3; return [data[i]!, data[i + 1]!, data[i + 2]!]; };
    const [rr, gg, bb] = at(px(reg.xMm) - 3, px(reg.yMm + reg.hMm / 2));
    expect(rr).toBeGreaterThan(180);
    expect(gg).toBeLessThan(80);
    expect(bb).toBeLessThan(80);

    // PROOF_SHOTS=docs/screenshots refreshes the README's pictures of a proof and of a diff.
    const shots = process.env['PROOF_SHOTS'];
    if (shots) {
      // The lower part of the page: the 样 over the text and the slug line below the trim.
      const H = Math.round(((545 + 16) / 25.4) * 40);
      tool('pdftoppm', '-r', '40', '-png', '-singlefile', '-y', String(Math.round(H * 0.25)), '-H', String(H - Math.round(H * 0.25)), '-W', String(Math.round(((390 + 16) / 25.4) * 40)), abs(second.pages[0]!.path), join(shots, 'proof-round'));
      await sharp(png).extract({ left: 0, top: Math.max(0, px(reg.yMm) - 150), width: meta.width!, height: 330 }).toFile(join(shots, 'proof-diff.png'));
    }

    const manifest = JSON.parse(readFileSync(abs(`${ED}/proofs/${second.folder}/manifest.json`), 'utf8')) as ProofManifest;
    expect(manifest).toMatchObject({ version: 1, round: 2, by: '王芳', watermark: true, slugMm: 8 });
  }, 120_000);

  it('refuses a proof folder name that is not one and a page that is not in the round', async () => {
    const listed = await call<ProofRoundSummary[]>('proofs:list', { edition: ED });
    const r1 = (await host.handler('proofs:diff', { edition: ED, from: '../exports', to: listed[0]!.folder, pageId: PAGE })) as Result<unknown>;
    expect(r1.ok).toBe(false);
    const r2 = (await host.handler('proofs:diff', { edition: ED, from: listed[1]!.folder, to: listed[0]!.folder, pageId: 'page-2025' })) as Result<unknown>;
    expect(r2.ok ? '' : r2.error.code).toBe('NOT_FOUND');
  });

  it('serves a proof PDF only from a proof folder of the edition, and leaves proofs out of a duplicate', async () => {
    const [latest] = await call<ProofRoundSummary[]>('proofs:list', { edition: ED });
    const path = latest!.pages[0]!.path;
    expect(readFileSync(await resolveExportFile(host.workspace, path.split('/'))).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = [`${ED}/proofs/not-a-round/x.pdf`, `${ED}/proofs/${latest!.folder}/../manifest.json`, `${ED}/pages/${latest!.folder}/x.pdf`];
    for (const b of bad) await expect(resolveExportFile(host.workspace, b.split('/'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { ref } = await call<{ ref: string }>('edition:duplicate', { edition: ED, title: '副本' });
    expect(existsSync(join(host.workspace.root, ref, 'proofs'))).toBe(false);
    expect(existsSync(join(host.workspace.root, ED, 'proofs', latest!.folder, 'manifest.json'))).toBe(true);
  });
});

if (!PRINT_ROUTE_BUILT) console.log(PRINT_ROUTE_SKIP);
