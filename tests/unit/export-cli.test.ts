import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { bundleCli } from './cli-bundle';
import { PRINT_ROUTE_BUILT, PRINT_ROUTE_SKIP } from './export-support';

// `edition-desk export` end to end: a sample edition written by the CLI, exported by the
// CLI (its own in-process host and Chromium), files checked with poppler and unzip.
// The CLI is bundled from source into a folder of its own under out/, beside the built
// renderer it prints through, so another test rebuilding out/cli meanwhile cannot break it.

const CLI_FOLDER = 'test-export-cli';
const CLI = join(REPO_ROOT, 'out', CLI_FOLDER, 'index.mjs');
const pkgVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let tmp: string;
let ed: string;

function cli(...args: string[]) {
  return cliEnv({}, ...args);
}

function cliEnv(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!PRINT_ROUTE_BUILT)('edition-desk export', () => {
  beforeAll(async () => {
    await bundleCli(CLI_FOLDER);
    tmp = await tempDir('export-cli');
    ed = join(tmp, 'demo.edition');
    const r = cli('sample', ed);
    expect(r.code, r.err).toBe(0);
  }, 120_000);
  afterAll(cleanupTemp);

  it('writes a PDF, page PNGs, web HTML and the package where asked, and lists them', () => {
    const r = cli('export', ed, '--pdf', 'out/p.pdf', '--png', 'out/png', '--dpi', '100', '--html', 'out/web', '--package', 'out/handoff.zip', '--pages', 'page-2026');
    expect(r.code, r.err).toBe(0);
    const listed = r.out.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(listed).toEqual(['p.pdf', 'png/20260226-第01版.png', 'web/20260226-第01版.html', 'handoff.zip'].map((f) => join(tmp, 'out', f)));
    for (const line of r.out.trim().split('\n')) {
      const [file, bytes] = line.split('\t');
      expect(readFileSync(file!).length).toBe(Number(bytes));
    }
    // Warnings do not fail the command; each is one line saying what and where.
    for (const line of r.err.trim().split('\n').filter(Boolean)) expect(line).toMatch(/^preflight (warning|error): /);
    const info = spawnSync('pdfinfo', [join(tmp, 'out', 'p.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Title:\s+沁源两会特刊（示例） 第1版$/m);
    expect(info).toMatch(new RegExp(`^Creator:\\s+Edition Desk ${pkgVersion.replace(/\./g, '\\.')}$`, 'm'));
    expect(info).toMatch(/^Page size:\s+1105\.\d+ x 1544\.\d+ pts/m);
    const zip = spawnSync('unzip', ['-Z1', join(tmp, 'out', 'handoff.zip')], { encoding: 'utf8' }).stdout;
    expect(zip).toContain('captions.csv');
    expect(zip).toContain('stories/story-2026.docx');
    // The edition keeps no copy of what went to the named files.
    expect(existsSync(join(ed, 'exports'))).toBe(false);
  }, 120_000);

  it('exports JPEG page images in English at the dpi asked', async () => {
    const r = cli('export', ed, '--jpeg', 'jpg', '--dpi', '50', '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(join(tmp, 'jpg')).sort()).toEqual(['20260226-第01版-en.jpg', '20260226-第02版-en.jpg']);
    const m = await sharp(join(tmp, 'jpg', '20260226-第01版-en.jpg')).metadata();
    expect([m.width, m.height]).toEqual([Math.round((390 / 25.4) * 50), Math.round((545 / 25.4) * 50)]);
  }, 120_000);

  it('says what is wrong in one line with exit 2 for usage, 1 for errors', () => {
    const usage = [
      ['export', ed],
      ['export', ed, '--png', 'a', '--jpeg', 'b'],
      ['export', ed, '--pdf', 'x.pdf', '--lang', 'fr'],
      ['export', ed, '--png', 'a', '--dpi', '2000'],
      ['export', join(tmp, 'not-an-edition'), '--pdf', 'x.pdf'],
      ['export', ed, '--bleed', '3'],
      ['export', ed, '--pdf', 'x.pdf', '--nope'],
    ];
    for (const args of usage) {
      const r = cli(...args);
      expect([r.code, r.err.trim().split('\n').length], `${args.join(' ')}: ${r.err}`).toEqual([2, 1]);
      expect(r.err).toMatch(/^edition-desk: /);
    }
    const missing = cli('export', join(tmp, 'gone.edition'), '--pdf', 'x.pdf');
    expect([missing.code, missing.err.trim().split('\n').length], missing.err).toEqual([1, 1]);
    expect(missing.err).toMatch(/NOT_FOUND/);
    const page = cli('export', ed, '--html', 'h', '--pages', 'page-1999');
    expect(page.code, page.err).toBe(1);
    expect(page.err).toMatch(/NOT_FOUND.*page-1999/);
  }, 60_000);

  it('names a missing Chromium, in Chinese too', () => {
    const r = cliEnv({ EDITION_DESK_CHROMIUM: join(tmp, 'no-chromium') }, 'export', ed, '--pdf', 'never.pdf');
    expect([r.code, r.err.trim().split('\n').length], r.err).toEqual([1, 1]);
    expect(r.err).toMatch(/CHROMIUM_MISSING.*EDITION_DESK_CHROMIUM=.*no-chromium/);
    const zh = cliEnv({ EDITION_DESK_CHROMIUM: join(tmp, 'no-chromium'), LANG: 'zh_CN.UTF-8' }, 'export', ed, '--pdf', 'never.pdf');
    expect(zh.err).toContain('找不到用于导出的 Chromium 浏览器');
    expect(existsSync(join(tmp, 'never.pdf'))).toBe(false);
    expect(existsSync(join(ed, 'exports'))).toBe(false);
  }, 60_000);

  it('is in the help', () => {
    const r = cli('--help');
    expect(r.out).toContain('edition-desk export DIR [--pdf OUT.pdf]');
  });
});

if (!PRINT_ROUTE_BUILT) console.log(PRINT_ROUTE_SKIP);
