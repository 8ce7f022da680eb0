import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEdition, readPages } from '../../electron/services/edition-store';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { ensureNodeBuild } from './node-build';

// `edition-desk new`: the built CLI writes an empty edition folder from the templates and
// prints its path; bad arguments are usage errors (exit 2), an existing folder an error (1).

const BIN = join(REPO_ROOT, 'bin', 'edition-desk.mjs');
let tmp: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  ensureNodeBuild();
  tmp = await tempDir('edition-cli');
}, 180_000);
afterAll(cleanupTemp);

describe('edition-desk new', { timeout: 60_000 }, () => {
  it('writes a 对开 edition with one page per template and prints its path', async () => {
    const r = cli('new', 'lianghui', '--title', '沁源两会特刊 2027', '--date', '2027-03-05', '--size', '对开', '--pages', '3', '--template', 'front,photo');
    expect(r.code, r.err).toBe(0);
    const dir = join(tmp, 'lianghui.edition');
    expect(r.out).toBe(`${dir}\n`);
    const ed = await readEdition(dir);
    expect(ed).toMatchObject({ title: '沁源两会特刊 2027', issueDate: '2027-03-05', pageSize: { preset: 'broadsheet', widthMm: 390, heightMm: 545 }, photos: [], pages: ['page-1', 'page-2', 'page-3'] });
    const pages = await readPages(dir, ed);
    expect(pages.map((p) => p.name)).toEqual(['特刊封面（报头）', '图片专版', '图片专版']);
    expect(pages.every((p) => p.blocks.every((b) => !b.storyId && !b.photoId))).toBe(true);
    expect(existsSync(join(dir, 'stories'))).toBe(false);
    expect(readdirSync(join(dir, 'assets'))).toEqual([]);
  });

  it('defaults to a front page then feature pages, and takes A4 by name', async () => {
    const r = cli('new', 'small.edition', '--title', 'A4 试版', '--date', '2027-01-09', '--size', 'A4', '--pages', '2');
    expect(r.code, r.err).toBe(0);
    const dir = join(tmp, 'small.edition');
    expect(r.out.trim()).toBe(dir);
    const ed = await readEdition(dir);
    expect(ed.pageSize).toMatchObject({ preset: 'a4', widthMm: 210, heightMm: 297 });
    expect((await readPages(dir, ed)).map((p) => p.name)).toEqual(['特刊封面（报头）', '专题内页']);
  });

  it('refuses bad arguments with exit 2 and an existing folder with exit 1, one line each', () => {
    const base = ['--title', 'x', '--date', '2027-01-01', '--size', '四开', '--pages', '1'];
    const cases: [string[], number, RegExp][] = [
      [['new', 'a', ...base.slice(2)], 2, /--title/],
      [['new', 'a', ...base.map((v) => (v === '四开' ? '八开' : v))], 2, /--size/],
      [['new', 'a', ...base.map((v) => (v === '2027-01-01' ? '2027-02-30' : v))], 2, /--date/],
      [['new', 'a', ...base.map((v) => (v === '1' ? '0' : v))], 2, /--pages/],
      [['new', 'a', ...base, '--template', 'cover'], 2, /template/],
      [['new', ...base], 2, /one folder/],
    ];
    for (const [args, code, pattern] of cases) {
      const r = cli(...args);
      expect([r.code, r.err.trimEnd().split('\n').length], r.err).toEqual([code, 1]);
      expect(r.err).toMatch(pattern);
    }
    expect(existsSync(join(tmp, 'a.edition'))).toBe(false);
    mkdirSync(join(tmp, 'taken.edition'));
    const r = cli('new', 'taken', ...base);
    expect([r.code, r.err.trimEnd().split('\n').length], r.err).toEqual([1, 1]);
    expect(readdirSync(join(tmp, 'taken.edition'))).toEqual([]);
    expect(cli('--help').out).toContain('edition-desk new DIR --title T --date YYYY-MM-DD --size 对开|四开|A3|A4 --pages N');
  });
});
