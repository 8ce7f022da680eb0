import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { ensureNodeBuild } from './node-build';

// edition-desk proof over the seed pages (copies in resources/sample/seeds), the fixture
// .docx files and an edition folder: exit codes and the line shape
// FILE:LINE:COL  severity  rule-id  message.

const BIN = join(REPO_ROOT, 'bin', 'edition-desk.cjs');
const SEEDS = join(REPO_ROOT, 'resources', 'sample', 'seeds');
const LINE = /^(.+):(\d+):(\d+) {2}(error|warning|info) {2}([a-z]+\.[a-z-]+) {2}(.+)$/;
let tmp: string;

function cli(lang: string, ...args: string[]) {
  return run(BIN, lang, ...args);
}

/** `proof` goes through its own bundle and code cache (bin → out/cli/proof.cjs), kept in the test's folder. */
function run(entry: string, lang: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: lang, XDG_CACHE_HOME: join(tmp, 'cache') } });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter((l) => l !== '') };
}

beforeAll(async () => {
  ensureNodeBuild();
  tmp = await tempDir('proof-cli');
}, 180_000);
afterAll(cleanupTemp);

describe('edition-desk proof', () => {
  it('reports the 2025 seed page: half-width brackets in 七县(区), exit 1', () => {
    const r = cli('C', 'proof', join(SEEDS, '2025-qinyuan-lianghui.md'));
    expect(r.code, r.err).toBe(1);
    expect(r.lines.every((l) => LINE.test(l)), r.out).toBe(true);
    expect(r.lines.map((l) => LINE.exec(l)!.slice(2, 6).join(' '))).toEqual(['48 341 error punct.half-width-parens']);
    expect(r.out).toContain('full-width');
  });

  it('reports the 2026 seed page in Chinese when LANG is zh', () => {
    const r = cli('zh_CN.UTF-8', 'proof', join(SEEDS, '2026-qinyuan-lianghui.md'));
    expect(r.code, r.err).toBe(1);
    expect(r.lines.map((l) => LINE.exec(l)!.slice(2, 6).join(' '))).toEqual([
      '35 84 error punct.unmatched', // 形成“绿 — the quotation is cut by a heading
      '39 14 error punct.unmatched', // 电生产—绿电应用—装备制造”闭环
      '49 57 warning char.repeated', // 产学研研合作: 产学研 + 研 (judged by words, issue 14)
      '105 2 warning char.repeated', // 沁源源党参育苗: 沁源 + 源
    ]);
    expect(r.out).toContain('缺少配对');
  });

  it.skipIf(!SHARED_FIXTURES)(`reads .docx paragraph by paragraph${SHARED_FIXTURES ? '' : ` (${SHARED_FIXTURES_SKIP})`}`, () => {
    const r = cli('C', 'proof', join(SHARED_FIXTURES!, 'docx', '2026-qinyuan-lianghui.docx'));
    expect(r.code, r.err).toBe(1);
    expect(r.lines.map((l) => LINE.exec(l)![5])).toEqual(['punct.unmatched', 'punct.unmatched', 'char.repeated', 'char.repeated']);
  });

  it('exits 0 when nothing is at error level, and proofs an edition folder', () => {
    const ok = join(tmp, 'clean.md');
    writeFileSync(ok, '# 标题\n\n推进产学研研合作，成效明显。\n');
    const r = cli('C', 'proof', ok);
    expect([r.code, r.lines.length], r.out + r.err).toEqual([0, 1]);
    const ed = join(tmp, 'demo.edition');
    expect(cli('C', 'sample', ed).code).toBe(0);
    const e = cli('C', 'proof', ed);
    expect(e.err).toBe('');
    expect(e.lines.length).toBeGreaterThan(0);
    expect(e.lines.every((l) => LINE.test(l)), e.out).toBe(true);
  });

  it('--terms FILE replaces the built-in terms (text or JSON); a bad terms file exits 1 naming it', () => {
    const copy = join(tmp, 'terms-copy.md');
    writeFileSync(copy, '# 标题\n\n游客走进太岳山森林公园，学习政府工作报告。\n');
    const terms = join(tmp, 'terms.txt');
    writeFileSync(terms, '# 本台术语\n太岳山国家森林公园 = 太岳山森林公园\n');
    const builtIn = cli('C', 'proof', copy);
    expect(builtIn.lines.map((l) => LINE.exec(l)![5])).toEqual(['term.house-style']); // 《政府工作报告》
    const r = cli('C', 'proof', copy, '--terms', terms);
    expect(r.code, r.err).toBe(0);
    expect(r.lines.map((l) => LINE.exec(l)!.slice(2, 6).join(' '))).toEqual(['3 5 warning term.house-style']);
    expect(r.out).toContain('"太岳山森林公园" should be written "太岳山国家森林公园"');
    const json = join(tmp, 'terms.json');
    writeFileSync(json, JSON.stringify({ proofTerms: [{ preferred: '《政府工作报告》', variants: ['政府工作报告'] }] }));
    expect(cli('C', 'proof', copy, `--terms=${json}`).lines.map((l) => LINE.exec(l)![6])).toEqual(['"政府工作报告" should be written "《政府工作报告》"']);
    const bad = join(tmp, 'bad-terms.txt');
    writeFileSync(bad, '沁源县\n');
    const b = cli('C', 'proof', copy, '--terms', bad);
    expect([b.code, b.err]).toEqual([1, expect.stringContaining('bad-terms.txt: line 1')]);
    expect(cli('C', 'proof', copy, '--terms', join(tmp, 'missing.txt')).code).toBe(1);
    expect(cli('C', 'proof', copy, '--terms').code).toBe(2);
  });

  it('the proof bundle run from the code cache answers as the full CLI does, also with a damaged cache', () => {
    // Issue 15: bin/edition-desk.cjs runs `proof` from out/cli/proof.cjs (a .md page: proof-text.cjs) through V8's code cache.
    const full = join(REPO_ROOT, 'out', 'cli', 'index.mjs');
    const ed = join(tmp, 'cache-demo.edition');
    expect(cli('C', 'sample', ed).code).toBe(0);
    const cases: [string, string[]][] = [
      ['zh_CN.UTF-8', [join(SEEDS, '2026-qinyuan-lianghui.md')]], ['C', [ed]],
      ['zh_CN.UTF-8', [join(tmp, 'missing.md')]], ['C', ['a.md', '--bogus']],
    ];
    const cacheDir = join(tmp, 'cache', 'edition-desk');
    for (const [lang, args] of cases) {
      const want = run(full, lang, 'proof', ...args);
      const got = cli(lang, 'proof', ...args);
      expect({ code: got.code, out: got.out, err: got.err }, args.join(' ')).toEqual({ code: want.code, out: want.out, err: want.err });
    }
    for (const f of readdirSync(cacheDir)) rmSync(join(cacheDir, f));
    writeFileSync(join(cacheDir, 'proof-text.cjs-1-1-v0-x64.v8cache'), 'an earlier build\'s cache');
    cli('C', 'proof', ...cases[0]![1]);
    // One cache, this build's: an earlier build's is removed when a new one is written.
    const caches = readdirSync(cacheDir).filter((f) => f.startsWith('proof-text.cjs-') && f.endsWith('.v8cache'));
    const [cache] = caches;
    expect(caches).toHaveLength(1);
    // V8 refuses cached data that is not its own; the run is the same and the cache is made again.
    writeFileSync(join(cacheDir, cache!), Buffer.alloc(4096, 7));
    const seed = join(SEEDS, '2026-qinyuan-lianghui.md');
    const again = cli('C', 'proof', seed);
    expect({ code: again.code, out: again.out, err: again.err }).toEqual((({ code, out, err }) => ({ code, out, err }))(run(full, 'C', 'proof', seed)));
    expect(statSync(join(cacheDir, cache!)).size).toBeGreaterThan(100_000);
    // Written ASCII-only, so the loader reads it as Latin-1 (scripts/ascii-only.mjs).
    for (const b of ['proof.cjs', 'proof-text.cjs']) expect(isAscii(readFileSync(join(REPO_ROOT, 'out', 'cli', b)))).toBe(true);
  }, 60_000); // eight CLI processes, each a second or more at load 12

  it('usage errors exit 2', () => {
    expect(cli('C', 'proof').code).toBe(2);
    expect(cli('C', 'proof', join(tmp, 'missing.md')).code).toBe(1);
  });
});
